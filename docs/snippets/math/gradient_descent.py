# %% [markdown]
# Gradient descent on J(θ) = (θ − 1)², and the optimizers of `kb.optim`
# (checked against `torch.optim` in the test suite).

# %%
import torch

from kb.optim import GD, Adam, Momentum


def run(optimizer_cls, theta0, steps, **options):
    theta = torch.nn.Parameter(torch.tensor([float(theta0)]))
    opt = optimizer_cls([theta], **options)
    path = [theta.item()]
    for _ in range(steps):
        opt.zero_grad()
        loss = ((theta - 1) ** 2).sum()  # J(θ) = (θ - 1)², gradient 2(θ - 1)
        loss.backward()
        opt.step()
        path.append(theta.item())
    return path


# %%
print("GD, lr=0.1, from θ=2:", [round(v, 4) for v in run(GD, 2.0, 3, lr=0.1)])
print("GD, lr=0.1, from θ=0:", [round(v, 4) for v in run(GD, 0.0, 3, lr=0.1)])

# %%
# 30 steps from θ = 0 with three optimizers: distance to the minimum θ* = 1
for name, cls, opts in [
    ("GD      ", GD, {"lr": 0.1}),
    ("Momentum", Momentum, {"lr": 0.1, "momentum": 0.5}),
    ("Adam    ", Adam, {"lr": 0.1}),
]:
    path = run(cls, 0.0, 30, **opts)
    print(f"{name}: θ_1 = {path[1]:.4f}, θ_30 = {path[-1]:.4f}, |θ_30 - 1| = {abs(path[-1] - 1):.2e}")

# %%
# Adam's first step has size lr whatever the gradient's scale (bias correction)
for scale in (1.0, 1000.0):
    theta = torch.nn.Parameter(torch.tensor([0.0]))
    opt = Adam([theta], lr=0.1)
    (scale * (theta - 1) ** 2).sum().backward()
    opt.step()
    print(f"gradient scale {scale:>6}: first Adam step = {theta.item():.6f}")
