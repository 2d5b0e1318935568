# %% [markdown]
# The VAE's KL term: the closed form for a diagonal Gaussian against N(0, I),
# checked by Monte Carlo with reparameterised samples; the same samples give
# gradients with respect to mu and log sigma^2.

# %%
import torch

torch.manual_seed(0)
mu = torch.tensor([0.5, -1.0, 0.0], requires_grad=True)
log_var = torch.tensor([0.0, -0.5, 0.7], requires_grad=True)

closed = 0.5 * (mu**2 + log_var.exp() - log_var - 1).sum()

eps = torch.randn(200_000, 3)
z = mu + (0.5 * log_var).exp() * eps  # reparameterisation
log_q = torch.distributions.Normal(mu, (0.5 * log_var).exp()).log_prob(z).sum(1)
log_p = torch.distributions.Normal(0.0, 1.0).log_prob(z).sum(1)
monte_carlo = (log_q - log_p).mean()

print(f"KL closed form : {closed.item():.4f}")
print(f"KL Monte Carlo : {monte_carlo.item():.4f}  (200000 samples)")

# %%
g_closed = torch.autograd.grad(closed, [mu, log_var])
g_mc = torch.autograd.grad(monte_carlo, [mu, log_var])
print(
    "dKL/dmu      closed:", [round(v, 3) for v in g_closed[0].tolist()], " MC:", [round(v, 3) for v in g_mc[0].tolist()]
)
print(
    "dKL/dlogvar  closed:", [round(v, 3) for v in g_closed[1].tolist()], " MC:", [round(v, 3) for v in g_mc[1].tolist()]
)

# %% tags=["hide-input"]
assert abs(closed.item() - monte_carlo.item()) < 0.02
assert all(torch.allclose(a, b, atol=0.05) for a, b in zip(g_closed, g_mc, strict=False))
