# %% [markdown]
# Overfitting in epochs, and four fixes in the same experiment: an MLP (2 -> 128 -> 128 -> 2)
# on 40 noisy "moons" points, validated on 120; then L2 weight decay, dropout, data
# augmentation (input jitter) and early stopping, each with the same seed, data and optimizer.

# %%
import torch
from pytorch_lightning.callbacks import EarlyStopping

from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.toy import ToyClassificationDataModule
from kb.models.mlp import LitMLP
from kb.plotting import assert_readable, label, subplots

torch.set_num_threads(1)
max_epochs = epochs(quick=40, full=200)
runs = {  # name -> (LitMLP options, extra callbacks)
    "baseline": ({}, []),
    "weight_decay=0.01": ({"weight_decay": 0.01}, []),
    "dropout=0.5": ({"dropout": 0.5}, []),
    "jitter=0.3": ({"jitter": 0.3}, []),
    "early stopping": ({}, [EarlyStopping(monitor="val_loss", patience=5)]),
}
histories, tests = {}, {}
for name, (options, callbacks) in runs.items():
    seed_everything(0)
    data = ToyClassificationDataModule("moons", noise=0.3, train_size=40, batch_size=8, seed=2)
    model = LitMLP(in_features=2, hidden=(128, 128), classes=2, lr=1e-2, **options)
    history = LossHistory()
    trainer = make_trainer(max_epochs=max_epochs, callbacks=[history, *callbacks])
    trainer.fit(model, data)
    histories[name], tests[name] = history.history, trainer.test(model, data, verbose=False)[0]
    h = history.history
    print(
        f"{name:<18} epochs {len(h['train_loss']):>3}  train_loss {h['train_loss'][-1]:.3f}  "
        f"val_loss: lowest {min(h['val_loss']):.3f}, last {h['val_loss'][-1]:.3f}  "
        f"test_acc {tests[name]['test_acc']:.3f}"
    )
print("train / val / test points:", len(data.train_set), "/", len(data.val_set), "/", len(data.test_set))

# %%
fig, (left, right) = subplots(1, 2, height=3.1)
base = histories["baseline"]
t = range(1, len(base["train_loss"]) + 1)
left.plot(t, base["train_loss"], label="train_loss")
left.plot(t, base["val_loss"], "--", label="val_loss")
left.set(xlabel="$t$", ylabel="$L$", yscale="log", title=label("baseline", "基线"))
left.legend(loc="lower left")
for name, style in zip(runs, ("--", "-", "-", "-", ":"), strict=True):
    v = histories[name]["val_loss"]
    right.plot(range(1, len(v) + 1), v, style, label=name if name != "early stopping" else "EarlyStopping")
right.set(xlabel="$t$", ylabel="val_loss", title="val_loss")
legend = right.legend(loc="upper left", fontsize="small")

# %% tags=["hide-input"]
last = {name: h["val_loss"][-1] for name, h in histories.items()}
assert base["train_loss"][-1] < 0.1 and base["val_loss"][-1] > 2 * min(base["val_loss"]), base  # overfitting
assert last["weight_decay=0.01"] < 0.5 * last["baseline"] and last["jitter=0.3"] < 0.5 * last["baseline"], last
assert last["dropout=0.5"] < 0.5 * last["baseline"], last
stopped = len(histories["early stopping"]["val_loss"])
assert stopped < max_epochs and last["early stopping"] < 0.5 * last["baseline"], (stopped, last)
assert_readable(fig)
