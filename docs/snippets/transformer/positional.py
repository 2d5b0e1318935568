# %% [markdown]
# The sinusoidal positional encoding of kb.models.transformer for 64 positions and
# d_model = 32: the whole table as a heat map, and a few of its columns.

# %%
import math

from kb.models.transformer import positional_encoding
from kb.plotting import assert_readable, heatmap, subplots

pe = positional_encoding(64, 32)
print("PE(pos, :4) for pos = 0..3:", pe[:4, :4].numpy().round(3), sep="\n")
shown = (0, 4, 8, 14)
wavelength = {k: 2 * math.pi * 10000 ** (2 * (k // 2) / 32) for k in shown}  # positions per cycle
print("wavelength of column k (positions per cycle):", ", ".join(f"k={k}: {w:.1f}" for k, w in wavelength.items()))

fig, (left, right) = subplots(1, 2, height=3.2, width_ratios=[1.25, 1])
image = heatmap(left, pe, cmap="RdBu_r", vmin=-1, vmax=1, colorbar=True)
left.set(xlabel="$k$", ylabel="$pos$")
for k in shown:
    right.plot(pe[:, k], label=f"$k$ = {k}")
right.set(xlabel="$pos$", ylabel="$PE_{pos,k}$", ylim=(-1.1, 1.1))
legend = fig.legend(*right.get_legend_handles_labels(), ncols=4, loc="outside lower center")

# %% tags=["hide-input"]
assert pe.shape == (64, 32) and abs(pe[5, 0].item() - math.sin(5)) < 1e-6 and abs(pe[5, 1].item() - math.cos(5)) < 1e-6
assert_readable(fig)
