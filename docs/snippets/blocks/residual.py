# %% [markdown]
# A deep plain MLP against the same MLP with residual connections (`kb.models.residual`):
# 20 blocks of two linear layers (42 linear layers with the input and output layers), width 32, on the 8x8 digits,
# the same seed, optimizer and epochs.

# %%
import torch

from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.models.residual import LitDeepMLP
from kb.plotting import assert_readable, subplots

torch.set_num_threads(1)
depth, width = 20, 32
probe = torch.nn.Linear(width, width).weight  # PyTorch's default: U(-1/sqrt(n), 1/sqrt(n))
print(
    f"default nn.Linear({width}, {width}): Var(W) = {probe.var().item():.4f};",
    f"1/(3n) = {1 / (3 * width):.4f}; He 2/n = {2 / width:.4f}",
)
histories, results, first_grads = {}, {}, {}
for residual in (False, True):
    seed_everything(0)
    data = DigitsDataModule(batch_size=64, flatten=True, seed=0)
    model = LitDeepMLP(width=width, depth=depth, residual=residual, lr=1e-3)
    data.setup()
    x, y = data.train_set.tensors
    model.model(x[:256]).logsumexp(-1).mean().backward()  # a gradient at initialisation
    first_grads[residual] = model.model.stem.weight.grad.norm().item()
    model.zero_grad()
    history = LossHistory()
    trainer = make_trainer(max_epochs=epochs(quick=8, full=40), callbacks=[history])
    trainer.fit(model, data)
    histories[residual] = history.history
    results[residual] = trainer.test(model, data, verbose=False)[0]
    print(
        f"residual={residual!s:<5}  |grad of the first layer| at init {first_grads[residual]:.2e}  "
        f"train_loss {history.history['train_loss'][0]:.3f} -> {history.history['train_loss'][-1]:.3f}  "
        f"test_acc {results[residual]['test_acc']:.3f}"
    )

fig, ax = subplots(height=3.0)
for residual, style in ((False, "--"), (True, "-")):
    h = histories[residual]
    t = range(1, len(h["train_loss"]) + 1)
    ax.plot(t, h["train_loss"], style, label=f"train_loss, residual={residual}")
    ax.plot(t, h["val_loss"], style, alpha=0.6, label=f"val_loss, residual={residual}")
ax.set(xlabel="$t$", ylabel="$L$", yscale="log")
legend = ax.legend(loc="center right")

# %% tags=["hide-input"]
assert results[True]["test_acc"] > 0.9 and results[False]["test_acc"] < results[True]["test_acc"] - 0.2, results
assert histories[True]["train_loss"][-1] < 0.5 * histories[False]["train_loss"][-1]
assert first_grads[True] > 10 * first_grads[False], first_grads  # the identity path carries the gradient back
assert abs(probe.var().item() * 3 * width - 1) < 0.15
assert_readable(fig)
