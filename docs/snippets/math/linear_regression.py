# %% [markdown]
# Linear regression y = β0 + β1 x: gradient descent with the hand-derived gradients
# (article 004, second part, §4.5) against the closed-form least-squares solution, and
# the path it takes over the loss surface J(β0, β1).

# %%
import torch

from kb import closed_form, make_linear_data
from kb.plotting import assert_readable, subplots

x, y = make_linear_data(n=200, weight=2.0, bias=-1.0, noise=0.3, seed=0)  # y = 2x - 1 + noise
x = x[:, 0]
n = len(y)
b0, b1, lr = 0.0, 0.0, 0.5
path = [(b0, b1)]
for step in range(1, 201):
    residual = y - (b0 + b1 * x)
    grad_b0 = -2 / n * residual.sum()
    grad_b1 = -2 / n * (residual * x).sum()
    b0, b1 = b0 - lr * grad_b0.item(), b1 - lr * grad_b1.item()
    path.append((b0, b1))
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

# %%
# J(β0, β1) on a grid: a bowl whose lowest point is the least-squares solution
B0, B1 = torch.meshgrid(torch.linspace(-2.5, 1.0, 141), torch.linspace(-0.5, 3.5, 161), indexing="xy")
J = ((y[None, None, :] - B0[..., None] - B1[..., None] * x[None, None, :]) ** 2).mean(-1)
steps = torch.tensor(path)
fig, (ax, curve) = subplots(1, 2, height=3.3, width_ratios=[1.1, 1])
contours = ax.contour(B0, B1, J, levels=[0.1, 0.2, 0.4, 0.8, 1.6, 3.2], colors="0.55", linewidths=0.9)
ax.clabel(contours, fontsize="small", fmt="%.1f")
ax.plot(steps[:, 0], steps[:, 1], marker="o", markersize=3, linewidth=1.2, label="GD, η = 0.5")
ax.plot(
    [b_cf.item()],
    [w_cf.item()],
    marker="*",
    markersize=13,
    linestyle="none",
    color="C3",
    label=r"$(\beta_0^*, \beta_1^*)$",
)
ax.set(xlabel=r"$\beta_0$", ylabel=r"$\beta_1$", aspect="equal")
mse_path = [((y - p0 - p1 * x) ** 2).mean().item() for p0, p1 in path]
curve.plot(mse_path)
curve.axhline(((y - b_cf - w_cf * x) ** 2).mean().item(), color="C3", linestyle=":", linewidth=1.5)
curve.set(xlabel="$t$", ylabel=r"$J(\beta_0, \beta_1)$", yscale="log", xlim=(0, 30))
legend = fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2)
print(
    f"J at the start (0, 0) = {(y**2).mean().item():.3f}, "
    f"at the closed form = {((y - b_cf - w_cf * x) ** 2).mean().item():.4f}"
)

# %% tags=["hide-input"]
assert abs(b0 - b_cf.item()) < 1e-3 and abs(b1 - w_cf.item()) < 1e-3
assert torch.allclose(theta.float(), torch.tensor([b_cf.item(), w_cf.item()]), atol=1e-4)
assert_readable(fig)
