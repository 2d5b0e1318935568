# %% [markdown]
# Entropy, cross-entropy, KL and JS (kb.information, checked against torch.distributions), the
# maximum-likelihood view of the cross-entropy loss, the softmax + cross-entropy gradient, the
# Gaussian KL of the VAE and the GAN's optimal discriminator, each on small numbers.

# %%
import math

import torch

from kb.information import cross_entropy, entropy, gaussian_kl, js_divergence, kl_divergence, standard_normal_kl
from kb.plotting import assert_readable, subplots

torch.set_default_dtype(torch.float64)
p = torch.tensor([0.6, 0.3, 0.1])
q = torch.tensor([1 / 3, 1 / 3, 1 / 3])
print("p =", p.tolist(), " q = uniform")
print(f"H(p)       = {entropy(p):.4f} nats = {entropy(p, base=2):.4f} bits")
print(f"H(q)       = {entropy(q):.4f} nats = ln 3")
print(f"H(p, q)    = {cross_entropy(p, q):.4f}")
print(f"KL(p || q) = {kl_divergence(p, q):.4f} = H(p, q) - H(p)")
print(f"KL(q || p) = {kl_divergence(q, p):.4f}")
print(f"JS(p, q)   = {js_divergence(p, q):.4f} (at most ln 2 = {math.log(2):.4f})")

# %%
# Cross-entropy loss = mean negative log-likelihood of the observed classes.
torch.manual_seed(0)
logits = torch.randn(5, 3)
targets = torch.tensor([0, 2, 1, 1, 0])
nll = -torch.log_softmax(logits, dim=1)[torch.arange(5), targets].mean()
ce = torch.nn.functional.cross_entropy(logits, targets)
print(f"mean -log q(y_i | x_i) = {nll:.6f}, F.cross_entropy = {ce:.6f}")
# Maximum likelihood for a categorical distribution: the observed frequencies.
draws = torch.multinomial(p, 10_000, replacement=True, generator=torch.Generator().manual_seed(0))
freq = torch.bincount(draws, minlength=3) / len(draws)
for name, r in [("frequencies", freq), ("p", p), ("uniform", q)]:
    print(f"mean NLL of the draws under {name:<11} {[round(v, 3) for v in r.tolist()]}: {-r.log()[draws].mean():.4f}")

# %%
# The gradient of softmax + cross-entropy with respect to the logits is softmax(z) - y.
z = torch.tensor([2.0, 1.0, -1.0], requires_grad=True)
y = torch.tensor([0.0, 1.0, 0.0])
loss = -(y * torch.log_softmax(z, 0)).sum()
loss.backward()
print("autograd dL/dz =", [round(v, 4) for v in z.grad.tolist()])
print("softmax(z) - y =", [round(v, 4) for v in (torch.softmax(z.detach(), 0) - y).tolist()])

# %%
# Gaussian KL in closed form, against torch.distributions and a Monte Carlo estimate.
from torch.distributions import Normal
from torch.distributions import kl_divergence as torch_kl

closed = gaussian_kl(1.0, 2.0, 0.0, 1.0)
samples = Normal(1.0, 2.0).sample((200_000,))
mc = (Normal(1.0, 2.0).log_prob(samples) - Normal(0.0, 1.0).log_prob(samples)).mean()
print(f"KL(N(1, 2²) || N(0, 1)): closed form {closed:.4f}, Monte Carlo {mc:.4f} (200000 samples)")
mu, logvar = torch.tensor([0.5, -1.0]), torch.tensor([0.0, math.log(0.25)])
print(
    f"VAE term KL(N(mu, diag(σ²)) || N(0, I)), mu = {mu.tolist()}, σ² = [1, 0.25]: {standard_normal_kl(mu, logvar):.4f}"
)

# %%
# GAN: the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) on five points.
p_data = torch.tensor([0.1, 0.4, 0.3, 0.15, 0.05])
p_g = torch.tensor([0.3, 0.2, 0.2, 0.2, 0.1])


def value(D: torch.Tensor) -> float:
    """V(D, G) = E_data[log D] + E_g[log(1 - D)]."""
    return float((p_data * D.log()).sum() + (p_g * (1 - D).log()).sum())


D_star = p_data / (p_data + p_g)
print("D*(x)          =", [round(v, 3) for v in D_star.tolist()])
print(f"V(D*, G)       = {value(D_star):.4f}")
print(f"2 JS - log 4   = {2 * js_divergence(p_data, p_g) - math.log(4):.4f}")
print(f"V(D = 1/2, G)  = {value(torch.full((5,), 0.5)):.4f} (= -log 4)")

# %%
fig, (left, right) = subplots(1, 2, height=3.3)
grid = torch.linspace(0.001, 0.999, 999)
bern = lambda r: torch.stack([1 - r, r], dim=-1)  # noqa: E731 - Bernoulli(r) as a two-outcome vector
left.plot(grid, entropy(bern(grid), base=2))
left.set(xlabel="$p$", ylabel="$H(\\mathrm{Bern}(p))$ (bits)")
a = bern(torch.tensor(0.2)).expand(len(grid), 2)
right.plot(grid, kl_divergence(a, bern(grid)), label="$\\mathrm{KL}(a \\,\\|\\, b)$")
right.plot(grid, kl_divergence(bern(grid), a), label="$\\mathrm{KL}(b \\,\\|\\, a)$")
right.plot(grid, js_divergence(a, bern(grid)), label="$\\mathrm{JS}(a, b)$")
right.set(xlabel="$q$", ylabel="$D$ (nats)", ylim=(0, 2.5))
right.set_title("$a = \\mathrm{Bern}(0.2)$, $b = \\mathrm{Bern}(q)$", fontsize="small")
legend = fig.legend(*right.get_legend_handles_labels(), loc="outside lower center", ncols=3)

# %% tags=["hide-input"]
from torch.distributions import Categorical

assert abs(entropy(p) - Categorical(probs=p).entropy()) < 1e-12
assert abs(kl_divergence(p, q) - torch_kl(Categorical(probs=p), Categorical(probs=q))) < 1e-12
assert abs(cross_entropy(p, q) - entropy(p) - kl_divergence(p, q)) < 1e-12
assert kl_divergence(p, q) != kl_divergence(q, p) and kl_divergence(p, q) > 0
assert abs(entropy(q) - math.log(3)) < 1e-12 and entropy(p) < entropy(q)
assert abs(nll - ce) < 1e-12
nlls = {name: -r.log()[draws].mean() for name, r in [("freq", freq), ("p", p), ("q", q)]}
assert nlls["freq"] <= nlls["p"] < nlls["q"]  # the frequencies maximise the likelihood
assert torch.allclose(z.grad, torch.softmax(z.detach(), 0) - y)
assert abs(closed - torch_kl(Normal(1.0, 2.0), Normal(0.0, 1.0))) < 1e-12 and abs(mc - closed) < 0.03
assert abs(standard_normal_kl(mu, logvar) - torch_kl(Normal(mu, (0.5 * logvar).exp()), Normal(0.0, 1.0)).sum()) < 1e-12
assert abs(value(D_star) - (2 * js_divergence(p_data, p_g) - math.log(4))) < 1e-12
assert value(D_star) > value(torch.full((5,), 0.5)) and abs(value(torch.full((5,), 0.5)) + math.log(4)) < 1e-12
assert abs(entropy(bern(torch.tensor(0.5)), base=2) - 1) < 1e-12
assert_readable(fig)
