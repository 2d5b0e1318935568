# %% [markdown]
# Linear regression trained by gradient descent on the MSE loss, with Lightning.

# %%
from kb import LinearDataModule, LitLinearRegression, LossHistory, closed_form, epochs, make_trainer, seed_everything
from kb.plotting import assert_readable, label, subplots

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
fig, (left, right) = subplots(1, 2, height=3.0)
epochs_run = range(1, len(history.history["train_loss"]) + 1)
left.plot(epochs_run, history.history["train_loss"], label="train_loss")
left.plot(epochs_run, history.history["val_loss"], label="val_loss", linestyle="--")
left.set(xlabel=label("epoch", "轮次"), ylabel="MSE", yscale="log")
left.legend()
right.scatter(x_train[:, 0], y_train, s=8, alpha=0.5, color="C5", label="$(x_i, y_i)$")
xs = x_train[:, 0].sort().values
right.plot(xs, w_gd * xs + b_gd, color="C3", label=f"y = {w_gd:.2f}x {'−' if b_gd < 0 else '+'} {abs(b_gd):.2f}")
right.set(xlabel="$x$", ylabel="$y$")
legend = right.legend(loc="upper left", fontsize="small")

# %% tags=["hide-input"]
assert abs(w_gd - w_cf.item()) < 1e-3 and abs(b_gd - b_cf.item()) < 1e-3
assert history.history["val_loss"][-1] < 0.12  # the noise variance is 0.3² = 0.09
assert_readable(fig)
