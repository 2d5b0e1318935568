# %% [markdown]
# What the first layer of the trained digits CNN learned: its 16 3x3 kernels, and the
# 16 feature maps (after ReLU) they produce from one test digit.

# %%
import torch

from kb import epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.metrics import predict
from kb.models.cnn import LitCNN, feature_maps
from kb.plotting import assert_readable, subplots

torch.set_num_threads(1)
seed_everything(0)
data = DigitsDataModule(batch_size=64, seed=0)
model = LitCNN(lr=3e-3)
make_trainer(max_epochs=epochs(quick=10, full=40)).fit(model, data)
x_test, y_test = data.test_set.tensors
accuracy = (predict(model, x_test) == y_test).float().mean().item()
print(f"trained {model.trainer.current_epoch} epochs; test accuracy {accuracy:.3f}")

# %%
kernels = model.model.features[0].weight.detach()[:, 0]  # (16, 3, 3)
digit = x_test[:1]  # one test image, (1, 1, 8, 8)
maps = feature_maps(model.model, digit)[0]  # (16, 8, 8): padding 1 keeps 8x8
print("kernels", tuple(kernels.shape), " feature maps", tuple(maps.shape), " label of the digit:", y_test[0].item())
print("largest map (sum of activations): kernel", maps.sum((1, 2)).argmax().item() + 1)

limit = kernels.abs().max().item()
fig, axes = subplots(4, 9, height=3.6, gridspec_kw={"hspace": 0.05, "wspace": 0.05})
for ax in axes.flat:
    ax.set_axis_off()
for k in range(16):
    row, col = 2 * (k // 8), 1 + k % 8
    axes[row][col].imshow(kernels[k], cmap="RdBu_r", vmin=-limit, vmax=limit)
    axes[row + 1][col].imshow(maps[k], cmap="magma", vmin=0, vmax=maps.max().item())
    axes[row][col].set_title(str(k + 1), fontsize="small", pad=2)
for row in (1, 3):
    axes[row][0].imshow(digit[0, 0], cmap="gray_r", vmin=0, vmax=1)
    axes[row][0].set_axis_on()
    axes[row][0].set(xticks=[], yticks=[])
    for spine in axes[row][0].spines.values():
        spine.set_visible(True)
for row in (0, 2):
    axes[row][0].text(0.5, 0.5, "$W_k$", ha="center", va="center", fontsize="small", transform=axes[row][0].transAxes)

# %% tags=["hide-input"]
assert accuracy > 0.9, accuracy
assert kernels.shape == (16, 3, 3) and maps.shape == (16, 8, 8) and (maps >= 0).all()
expected = torch.relu(
    torch.nn.functional.conv2d(digit, model.model.features[0].weight, model.model.features[0].bias, padding=1)
)[0]
assert torch.allclose(maps, expected, atol=1e-6)
assert_readable(fig)
