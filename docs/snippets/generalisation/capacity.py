# %% [markdown]
# Under- and overfitting against capacity: polynomials of degree d fitted by least squares
# to 15 noisy samples of sin(pi x); training and validation error for every degree, and
# 5-fold cross-validation on the training points to choose d.

# %%
import warnings

import numpy as np
from numpy.polynomial import legendre
from sklearn.model_selection import KFold

from kb.plotting import assert_readable, label, subplots

rng = np.random.default_rng(0)


def sample(n):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(np.pi * x) + rng.normal(0, 0.25, n)  # noise variance 0.0625


x_train, y_train = sample(15)
x_val, y_val = sample(500)
degrees = range(13)


def mse(coef, x, y):
    return float(np.mean((legendre.legval(x, coef) - y) ** 2))


fits = {d: legendre.legfit(x_train, y_train, d) for d in degrees}  # least squares in a Legendre basis
train_err = [mse(fits[d], x_train, y_train) for d in degrees]
val_err = [mse(fits[d], x_val, y_val) for d in degrees]
for d in degrees:
    print(f"d = {d:>2}: {d + 1:>2} parameters  train MSE {train_err[d]:.4f}  val MSE {val_err[d]:.4f}")

# %%
warnings.simplefilter("ignore", np.exceptions.RankWarning)  # d >= 11: more coefficients than a fold's 12 points
folds = KFold(n_splits=5, shuffle=True, random_state=0)
cv_err = [
    np.mean([mse(legendre.legfit(x_train[a], y_train[a], d), x_train[b], y_train[b]) for a, b in folds.split(x_train)])
    for d in degrees
]
best_val, best_cv = int(np.argmin(val_err)), int(np.argmin(cv_err))
print(f"lowest validation MSE at d = {best_val}; 5-fold cross-validation on the 15 training points picks d = {best_cv}")

fig, (left, right) = subplots(1, 2, height=3.0)
grid = np.linspace(-1, 1, 200)
left.plot(x_train, y_train, "o", color="C6", label=label("train", "训练集"))
for d, color in ((1, "C0"), (best_cv, "C2"), (12, "C3")):
    left.plot(grid, legendre.legval(grid, fits[d]), color=color, label=f"$d={d}$")
left.set(xlabel="$x$", ylabel="$y$", ylim=(-2, 2))
left.legend(loc="lower right")
right.plot(degrees, train_err, "o-", label=label("train", "训练集"))
right.plot(degrees, val_err, "s--", label=label("val", "验证集"))
right.axvline(best_cv, color="C2", linewidth=1)
right.set(xlabel="$d$", ylabel="MSE", yscale="log")
legend = right.legend(loc="upper center")

# %% tags=["hide-input"]
assert (np.diff(train_err) <= 1e-12).all()  # more capacity, lower training error
assert train_err[12] < 0.02 < val_err[12] and val_err[12] > 5 * min(val_err)  # overfitting: fits the noise
# underfitting up to d = 2 (an x^2 term cannot help the odd sin(pi x))
assert val_err[0] > 0.3 and min(val_err[1:3]) > 2 * min(val_err)
# overfitting from d = 7; by orders of magnitude from d = 10
assert val_err[7] > 4 * min(val_err) and min(val_err[10:]) > 100 * min(val_err)
assert 3 <= best_val <= 8 and 3 <= best_cv <= 8 and min(val_err) < 0.1
assert_readable(fig)
