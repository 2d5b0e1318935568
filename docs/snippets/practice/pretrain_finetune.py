# %% [markdown]
# Pre-training then fine-tuning, in miniature. "Pre-train" a small CNN on the digits
# 0-4 (plenty of labels), then adapt it to a new task, the digits 5-9, with only
# 5 labelled images per class; compare with the same CNN trained from scratch on
# those 25 images. All models see the same seeded split; the test images are
# the held-out 5-9 digits.

# %%
import warnings

import torch
from torch.utils.data import DataLoader, TensorDataset

from kb import epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.models.cnn import LitCNN
from kb.plotting import assert_readable, label, subplots

warnings.filterwarnings("ignore", message=".*val_dataloader.*")  # no validation loop here
torch.set_num_threads(1)
seed_everything(0)
data = DigitsDataModule(seed=0)
data.setup()
x_train, y_train = data.train_set.tensors
x_test, y_test = data.test_set.tensors


def subset(x, y, classes, per_class=None):
    keep = []
    for c in classes:
        idx = (y == c).nonzero().flatten()
        keep.append(idx if per_class is None else idx[:per_class])
    keep = torch.cat(keep)
    return x[keep], y[keep] - min(classes)  # labels 0..4


def fit(model, x, y, n_epochs):
    loader = DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
    make_trainer(max_epochs=n_epochs).fit(model, loader)
    return model


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    return (model(x).argmax(1) == y).float().mean().item()


# %%
x_pre, y_pre = subset(x_train, y_train, range(5))
x_few, y_few = subset(x_train, y_train, range(5, 10), per_class=5)
x_new, y_new = subset(x_test, y_test, range(5, 10))
print("pre-training images (digits 0-4):", len(y_pre))
print("fine-tuning images (digits 5-9) :", len(y_few))
print("test images (digits 5-9)        :", len(y_new))

pretrained = fit(LitCNN(classes=5, lr=3e-3), x_pre, y_pre, epochs(quick=6, full=30))

# %%
results = {"from scratch": [], "fine-tuned": [], "frozen features": []}
for seed in (1, 2, 3):
    for name in results:
        seed_everything(seed)
        model = LitCNN(classes=5, lr=3e-3)
        if name != "from scratch":
            model.model.features.load_state_dict(pretrained.model.features.state_dict())
        if name == "frozen features":
            model.model.features.requires_grad_(False)  # train only the new linear head
        fit(model, x_few, y_few, epochs(quick=20, full=60))
        results[name].append(accuracy(model, x_new, y_new))

for name, accs in results.items():
    accs = torch.tensor(accs)
    print(
        f"{name:<16}: test accuracy on digits 5-9 over 3 seeds = "
        f"{', '.join(f'{a:.3f}' for a in accs)}  (mean {accs.mean():.3f})"
    )

fig, ax = subplots(height=2.8)
for k, accs in enumerate(results.values()):
    ax.plot([k] * len(accs), accs, linestyle="none", marker="o", markersize=7, color=f"C{k}", alpha=0.8)
    ax.plot([k - 0.25, k + 0.25], [sum(accs) / len(accs)] * 2, color=f"C{k}", linewidth=3)
zh_names = {"from scratch": "从零训练", "fine-tuned": "微调", "frozen features": "冻结特征"}
ax.set_xticks(range(len(results)), [label(name, zh_names[name]) for name in results])
ax.set(
    xlim=(-0.6, len(results) - 0.4),
    ylabel=label("test acc (5–9)", "测试准确率（5–9）"),
    xlabel=label("seed = 1, 2, 3 (●); mean (▬)", "种子 1、2、3（●）；均值（▬）"),
)

# %% tags=["hide-input"]
assert len(y_few) == 25 and all(len(a) == 3 for a in results.values())
assert all(0.5 < a <= 1 for accs in results.values() for a in accs)
assert_readable(fig)
