# %% [markdown]
# One convolution worked out by hand (`kb.convolution`, loops over output positions)
# on an 8x8 digit from scikit-learn, checked against `torch.nn.functional.conv2d`.

# %%
import torch
from matplotlib.patches import Rectangle
from sklearn.datasets import load_digits

from kb.convolution import cross_correlate, patch_product
from kb.plotting import assert_readable, heatmap, subplots

digits = load_digits()
image = torch.tensor(digits.images[0], dtype=torch.float32)  # grey levels 0..16
kernel = torch.tensor([[1.0, 0.0, -1.0], [1.0, 0.0, -1.0], [1.0, 0.0, -1.0]])  # left column minus right column
feature_map = cross_correlate(image, kernel)  # no padding, stride 1: 8 - 3 + 1 = 6
print("label of the image:", digits.target[0])
print("image (8x8):", image.int().numpy(), sep="\n")
print("kernel (3x3):", kernel.int().numpy(), sep="\n")
print("feature map (6x6):", feature_map.int().numpy(), sep="\n")

# %%
i, j = 2, 0  # one output position, worked out
patch, products = patch_product(image, kernel, i, j)
print(f"patch under the kernel at output ({i}, {j}):", patch.int().numpy(), sep="\n")
print("element-wise products:", products.int().numpy(), sep="\n")
print(f"sum = {products.sum().item():.0f} = feature map [{i}, {j}] = {feature_map[i, j].item():.0f}")
reference = torch.nn.functional.conv2d(image[None, None], kernel[None, None])[0, 0]
print("max |by hand - conv2d| =", (feature_map - reference).abs().max().item())

# %%
fig, (a, b, c) = subplots(1, 3, height=2.9, width_ratios=[8, 3, 8.5])
heatmap(a, image, cmap="gray_r", vmin=0, vmax=16, annotate=True, fmt="{:.0f}", fontsize="small", colorbar=False)
heatmap(b, kernel, cmap="RdBu_r", vmin=-1.5, vmax=1.5, annotate=True, fmt="{:.0f}", fontsize="small", colorbar=False)
heatmap(c, feature_map, cmap="RdBu_r", vmin=-40, vmax=40, annotate=True, fmt="{:.0f}", fontsize="small", colorbar=False)
a.add_patch(Rectangle((j - 0.5, i - 0.5), 3, 3, fill=False, edgecolor="C1", linewidth=2.5))
c.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="C1", linewidth=2.5))
for ax, title in ((a, "$X$"), (b, "$W$"), (c, "$Y$")):
    ax.set(title=title, xticks=[], yticks=[], aspect="equal")

# %% tags=["hide-input"]
assert torch.equal(feature_map, reference) and feature_map.shape == (6, 6)
assert products.sum() == feature_map[i, j]
assert_readable(fig)
