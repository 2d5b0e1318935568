# %% [markdown]
# Linear regression trained by gradient descent on the MSE loss, with Lightning.

# %%
import matplotlib.pyplot as plt

from kb import LinearDataModule, LitLinearRegression, LossHistory, closed_form, epochs, make_trainer, seed_everything

seed_everything(0)
data = LinearDataModule(n=200, weight=2.0, bias=-1.0, noise=0.3)  # y = 2x - 1 + noise
model = LitLinearRegression(lr=0.5)
history = LossHistory()
trainer = make_trainer(max_epochs=epochs(quick=60, full=300), callbacks=[history])
trainer.fit(model, data)

# %%
w_gd = model.model.linear.weight.item()
b_gd = model.model.linear.bias.item()
x_train, y_train = data.train_set.tensors
w_cf, b_cf = closed_form(x_train, y_train)
print(f"gradient descent: w = {w_gd:.4f}, b = {b_gd:.4f}")
print(f"closed form     : w = {w_cf.item():.4f}, b = {b_cf.item():.4f}")
print(
    f"final train MSE = {history.history['train_loss'][-1]:.4f}, validation MSE = {history.history['val_loss'][-1]:.4f}"
)

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2))
left.plot(range(1, len(history.history["train_loss"]) + 1), history.history["train_loss"], label="train")
left.plot(range(1, len(history.history["val_loss"]) + 1), history.history["val_loss"], label="validation")
left.set_xlabel("epoch")
left.set_ylabel("MSE")
left.set_yscale("log")
left.legend()
left.set_title("loss curve")
left.grid(alpha=0.3)
right.scatter(x_train[:, 0], y_train, s=8, alpha=0.5)
xs = x_train[:, 0].sort().values
right.plot(xs, w_gd * xs + b_gd, color="C3", label=f"GD: y = {w_gd:.2f}x {b_gd:+.2f}")
right.set_xlabel("x")
right.set_ylabel("y")
right.legend()
right.set_title("fitted line")
fig.tight_layout()
plt.show()
