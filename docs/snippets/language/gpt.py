# %% [markdown]
# GPT's objective on a toy language: arithmetic progressions mod 10 (`kb.datasets.progressions`).
# A 2-layer Transformer with the causal mask (`LitTransformer(causal=True)`) is trained to predict
# every next token; then its accuracy per position, its attention, and a check that it cannot see
# the future.

# %%
import torch

from kb import epochs, make_trainer, seed_everything
from kb.datasets.progressions import ProgressionsDataModule
from kb.models.transformer import LitTransformer, causal_mask
from kb.plotting import assert_readable, heatmap, subplots

torch.set_num_threads(1)
seed_everything(0)
data = ProgressionsDataModule(n=2000, length=12, vocab=10, batch_size=64, seed=0)
model = LitTransformer(vocab=10, classes=10, d_model=32, heads=2, layers=2, d_ff=64, lr=3e-3, causal=True)
make_trainer(max_epochs=epochs(quick=12, full=40)).fit(model, data)
x_test, y_test = data.test_set.tensors  # inputs t_1..t_11, targets t_2..t_12
model.eval()
with torch.no_grad():
    logits, maps = model.model(x_test, return_attention=True)
per_position = (logits.argmax(-1) == y_test).float().mean(0)
print("sequence:", x_test[0].tolist(), "-> next tokens:", y_test[0].tolist())
print("accuracy of the next token, by position i (predicting t_{i+1}):")
print(" ".join(f"{i + 1}:{a:.2f}" for i, a in enumerate(per_position.tolist())))

# %%
changed = x_test.clone()
changed[:, 6:] = (changed[:, 6:] + 3) % 10  # change every token from position 7 on
with torch.no_grad():
    delta = (model.model(changed) - logits).abs().amax(dim=(0, 2))
print("max |change of the logits| per position:", [f"{d:.1e}" for d in delta.tolist()])

T = x_test.shape[1]
fig, (left, right) = subplots(1, 2, height=3.1)
heatmap(left, (~causal_mask(T)).float(), cmap="Blues", vmin=0, vmax=1.3, colorbar=False)
heatmap(right, maps[-1][0].mean(0), cmap="magma", vmin=0, vmax=1, colorbar=False)
labels = [str(i + 1) for i in range(T)]
for ax, title in ((left, r"$j \leq i$"), (right, r"$A_{ij}$")):
    ax.set(title=title, xlabel="$j$", ylabel="$i$", xticks=range(0, T, 2), yticks=range(0, T, 2))
    ax.set_xticklabels(labels[::2]), ax.set_yticklabels(labels[::2])

# %% tags=["hide-input"]
assert per_position[1:].min() > 0.95 and per_position[0] < 0.4, per_position  # t_2 is a guess: the step is unknown
assert delta[:6].max() < 1e-5 and delta[6:].min() > 1e-3, delta  # no position sees a later token
assert (maps[-1][..., causal_mask(T)] == 0).all() and int((~causal_mask(T)).sum()) == T * (T + 1) // 2
assert_readable(fig)
