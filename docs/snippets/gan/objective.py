# %% [markdown]
# The GAN objective, checked numerically on 1-D Gaussians: the optimal discriminator
# D*(x) = p_data / (p_data + p_g), the value V(D*, G) = -log 4 + 2 JS(p_data || p_g),
# and why the generator uses the non-saturating loss.

# %%
import math

import torch

torch.manual_seed(0)
x = torch.linspace(-10, 10, 200_001, dtype=torch.float64)
dx = (x[1] - x[0]).item()


def normal_pdf(x, mean, std):
    return torch.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2 * math.pi))


p_data = normal_pdf(x, 0.0, 1.0)
for mean_g in (3.0, 1.0, 0.0):
    p_g = normal_pdf(x, mean_g, 1.0)
    d_star = p_data / (p_data + p_g)
    value = ((p_data * torch.log(d_star) + p_g * torch.log(1 - d_star)) * dx).sum().item()
    m = 0.5 * (p_data + p_g)
    js = 0.5 * ((p_data * torch.log(p_data / m) + p_g * torch.log(p_g / m)) * dx).sum().item()
    print(
        f"p_g = N({mean_g}, 1): V(D*, G) = {value:.4f}   -log 4 + 2 JS = {-math.log(4) + 2 * js:.4f}   "
        f"D*(0) = {d_star[100_000].item():.3f}"
    )

# %%
# Gradient reaching the generator through the discriminator's logit a, D = sigmoid(a)
for d in (0.001, 0.01, 0.1, 0.5):
    a = torch.tensor(math.log(d / (1 - d)), requires_grad=True)
    (g_sat,) = torch.autograd.grad(torch.log(1 - torch.sigmoid(a)), a)  # minimise log(1 - D)
    (g_ns,) = torch.autograd.grad(-torch.log(torch.sigmoid(a)), a)  # minimise -log D
    print(f"D(G(z)) = {d:<5}: |d/da log(1-D)| = {abs(g_sat.item()):.3f}   |d/da -log D| = {abs(g_ns.item()):.3f}")

# %% tags=["hide-input"]
for mean_g in (3.0, 1.0, 0.0):
    p_g = normal_pdf(x, mean_g, 1.0)
    d_star = p_data / (p_data + p_g)
    m = 0.5 * (p_data + p_g)
    value = ((p_data * torch.log(d_star) + p_g * torch.log(1 - d_star)) * dx).sum().item()
    js = 0.5 * ((p_data * torch.log(p_data / m) + p_g * torch.log(p_g / m)) * dx).sum().item()
    assert abs(value - (-math.log(4) + 2 * js)) < 1e-4
assert abs(d_star[100_000].item() - 0.5) < 1e-9  # p_g = p_data: D* = 1/2
a = torch.tensor(math.log(0.01 / 0.99), requires_grad=True)  # D(G(z)) = 0.01: D spots the fake
(g_sat,) = torch.autograd.grad(torch.log(1 - torch.sigmoid(a)), a)
(g_ns,) = torch.autograd.grad(-torch.log(torch.sigmoid(a)), a)
assert abs(g_ns.item()) > 50 * abs(g_sat.item())  # the non-saturating loss keeps its gradient
