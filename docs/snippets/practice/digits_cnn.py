# %% [markdown]
# The articles' digit-recognition project with kb and Lightning: a small CNN on
# scikit-learn's 8x8 digits (bundled, nothing downloaded), cross-entropy loss,
# Adam, a seeded train / validation / test split; the test set is used once.

# %%
import torch

from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.metrics import confusion_matrix, misclassified, predict
from kb.models.cnn import LitCNN
from kb.plotting import assert_readable, heatmap, image_grid, label, subplots

torch.set_num_threads(1)
seed_everything(0)
data = DigitsDataModule(batch_size=64, seed=0)
data.setup()
print(
    "images:",
    sum(len(s) for s in (data.train_set, data.val_set, data.test_set)),
    " split sizes (train / val / test):",
    len(data.train_set),
    "/",
    len(data.val_set),
    "/",
    len(data.test_set),
)
x_train, y_train = data.train_set.tensors
samples = image_grid(x_train[:16, 0], [str(int(c)) for c in y_train[:16]], ncols=8)

# %%
model = LitCNN(lr=3e-3)
history = LossHistory(metrics=("loss", "acc"))
trainer = make_trainer(max_epochs=epochs(quick=10, full=40), callbacks=[history])
trainer.fit(model, data)
h = history.history
print("optimizer steps per epoch = ceil(train / batch) =", -(-len(data.train_set) // 64))
for epoch in sorted({0, len(h["train_loss"]) // 2, len(h["train_loss"]) - 1}):
    print(
        f"epoch {epoch + 1:>2}: train_loss {h['train_loss'][epoch]:.4f}  val_loss {h['val_loss'][epoch]:.4f}"
        f"  val_acc {h['val_acc'][epoch]:.4f}"
    )

curves, (loss_ax, acc_ax) = subplots(1, 2, height=2.9)
run = range(1, len(h["train_loss"]) + 1)
for name, style in (("train", "-"), ("val", "--")):
    loss_ax.plot(run, h[f"{name}_loss"], style, label=f"{name}_loss")
acc_ax.plot(run, h["val_acc"], "--", color="C1", label="val_acc")  # kb logs accuracy on held-out data only
loss_ax.set(xlabel=label("epoch", "轮次"), ylabel=label("loss", "损失"), yscale="log")
acc_ax.set(xlabel=label("epoch", "轮次"), ylabel=label("acc", "准确率"), ylim=(0, 1.02))
loss_ax.legend()
legend = acc_ax.legend(loc="lower right")

# %%
# The test set, used once
result = trainer.test(model, data, verbose=False)[0]
print(f"test: loss {result['test_loss']:.4f}, accuracy {result['test_acc']:.4f}")
x_test, y_test = data.test_set.tensors
predicted = predict(model, x_test)
matrix = confusion_matrix(predicted, y_test, classes=10)
wrong = misclassified(predicted, y_test)
print(f"{len(wrong)} of {len(y_test)} test images misclassified")

confusion, ax = subplots(height=4.6)
heatmap(
    ax,
    matrix,
    cmap="Blues",
    annotate=True,
    fmt="{:.0f}",
    fontsize="small",
    xticks=list("0123456789"),
    yticks=list("0123456789"),
)
ax.set(xlabel=r"$\hat y$", ylabel="$y$")

shown = wrong[:16]
mistakes = image_grid(x_test[shown, 0], [f"{int(y_test[i])}→{int(predicted[i])}" for i in shown], ncols=8)

# %%
# What the articles' MNIST settings imply (Keras prints optimizer steps per epoch)
import math

mnist_train, mnist_test = 60_000, 10_000
for batch, split in [(32, 0.0), (32, 0.1), (64, 0.1)]:
    n_val = int(mnist_train * split)
    n_fit = mnist_train - n_val
    print(
        f"batch_size={batch}, validation_split={split}: fit on {n_fit}, validate on {n_val}, "
        f"steps per epoch = {math.ceil(n_fit / batch)}"
    )

# %% tags=["hide-input"]
assert result["test_acc"] > 0.9 and abs(result["test_acc"] - (predicted == y_test).float().mean().item()) < 1e-6
assert matrix.sum() == len(y_test) and matrix.trace() == len(y_test) - len(wrong)
assert len(h["val_acc"]) == len(h["train_loss"]) == trainer.current_epoch
assert_readable(samples, curves, confusion, mistakes)
