# %% [markdown]
# The articles' digit-recognition project with kb and Lightning: a small CNN on
# scikit-learn's 8x8 digits (bundled, nothing downloaded), cross-entropy loss,
# Adam, a seeded train / validation / test split; the test set is used once.

# %%
from kb import LossHistory, epochs, make_trainer, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.models.cnn import LitCNN

seed_everything(0)
data = DigitsDataModule(batch_size=64, seed=0)
model = LitCNN(lr=3e-3)
history = LossHistory()
trainer = make_trainer(max_epochs=epochs(quick=10, full=40), callbacks=[history])
trainer.fit(model, data)

# %%
print("split sizes (train / val / test):", len(data.train_set), "/", len(data.val_set), "/", len(data.test_set))
batches = -(-len(data.train_set) // 64)
print("optimizer steps per epoch = ceil(train / batch) =", batches)
for epoch in sorted({0, len(history.history["train_loss"]) // 2, len(history.history["train_loss"]) - 1}):
    print(
        f"epoch {epoch + 1:>2}: train_loss {history.history['train_loss'][epoch]:.4f}  "
        f"val_loss {history.history['val_loss'][epoch]:.4f}"
    )
result = trainer.test(model, data, verbose=False)[0]
print(f"test: loss {result['test_loss']:.4f}, accuracy {result['test_acc']:.4f}")

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
