# %% [markdown]
# Linear regression y = β0 + β1 x: gradient descent with the hand-derived gradients
# (article 004, second part, §4.5) against the closed-form least-squares solution.

# %%
import torch

from kb import closed_form, make_linear_data

x, y = make_linear_data(n=200, weight=2.0, bias=-1.0, noise=0.3, seed=0)  # y = 2x - 1 + noise
x = x[:, 0]
n = len(y)
b0, b1, lr = 0.0, 0.0, 0.5
for step in range(1, 201):
    residual = y - (b0 + b1 * x)
    grad_b0 = -2 / n * residual.sum()
    grad_b1 = -2 / n * (residual * x).sum()
    b0, b1 = b0 - lr * grad_b0.item(), b1 - lr * grad_b1.item()
    if step in (1, 10, 50, 200):
        mse = ((y - (b0 + b1 * x)) ** 2).mean().item()
        print(f"step {step:>3}: beta0 = {b0:+.4f}, beta1 = {b1:+.4f}, MSE = {mse:.4f}")

# %%
w_cf, b_cf = closed_form(x[:, None], y)
print(f"closed form: beta0 = {b_cf.item():+.4f}, beta1 = {w_cf.item():+.4f}")

# normal equations by hand: (A^T A) theta = A^T y with A = [1, x]
A = torch.stack([torch.ones(n), x], dim=1).double()
theta = torch.linalg.solve(A.T @ A, A.T @ y.double())
print(f"normal eqs : beta0 = {theta[0].item():+.4f}, beta1 = {theta[1].item():+.4f}")
