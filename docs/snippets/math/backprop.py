# %% [markdown]
# Backpropagation by hand (`kb.backprop`) for a hand-sized 2 -> 2 -> 2 network on a
# batch of 2, every value drawn in its place in the computation graph, then compared
# with PyTorch autograd; finally the same check for a 4 -> 5 -> 3 network on a batch of 8.

# %%
import torch

from kb.backprop import init_mlp, mlp_backward, mlp_forward
from kb.backprop_figure import draw_backprop
from kb.plotting import assert_readable

f64 = {"dtype": torch.float64}
params = {
    "W1": torch.tensor([[0.5, -0.3], [0.2, 0.4]], **f64),
    "b1": torch.tensor([0.0, 0.1], **f64),
    "W2": torch.tensor([[0.6, -0.4], [-0.5, 0.3]], **f64),
    "b2": torch.tensor([0.0, 0.0], **f64),
}
X = torch.tensor([[1.0, 2.0], [-1.0, 0.5]], **f64)  # two samples, one per row
y = torch.tensor([0, 1])  # their classes

loss, cache = mlp_forward(params, X, y, activation="tanh")
grads = mlp_backward(params, cache)
fig = draw_backprop(params, cache, grads, loss)

# %%
leaves = {name: p.clone().requires_grad_(True) for name, p in params.items()}
auto_loss, _ = mlp_forward(leaves, X, y, activation="tanh")
auto_loss.backward()
print(f"loss: by hand {loss.item():.6f}, autograd {auto_loss.item():.6f}")
for name in ("W1", "b1", "W2", "b2"):
    print(
        f"d{name} by hand {[round(v, 4) for v in grads[name].flatten().tolist()]}, "
        f"max |by hand - autograd| = {(grads[name] - leaves[name].grad).abs().max().item():.1e}"
    )
print(
    "db2 = 1ᵀ dZ2 (the rows of dZ2, one per sample, added up):",
    [round(v, 4) for v in ((cache["P"] - torch.eye(2, **f64)[y]) / 2).sum(0).tolist()],
)

# %%
# The same code on a 4 -> 5 -> 3 network and a batch of 8 random samples
torch.manual_seed(0)
n, d, h, k = 8, 4, 5, 3
big = init_mlp(d, h, k, seed=0, dtype=torch.float64)
Xb, yb = torch.randn(n, d, dtype=torch.float64), torch.randint(0, k, (n,))
big_grads = mlp_backward(big, mlp_forward(big, Xb, yb, activation="tanh")[1])
big_leaves = {name: p.clone().requires_grad_(True) for name, p in big.items()}
mlp_forward(big_leaves, Xb, yb, activation="tanh")[0].backward()
for name in ("W1", "b1", "W2", "b2"):
    diff = (big_grads[name] - big_leaves[name].grad).abs().max().item()
    print(
        f"{name}: parameter {tuple(big[name].shape)}, gradient {tuple(big_grads[name].shape)}, "
        f"max |by hand - autograd| = {diff:.1e}"
    )

# %% tags=["hide-input"]
assert all(torch.allclose(grads[k], leaves[k].grad, atol=1e-12) for k in params)
assert all(torch.allclose(big_grads[k], big_leaves[k].grad, atol=1e-12) for k in big)
assert torch.allclose(grads["b2"], ((cache["P"] - torch.eye(2, **f64)[y]) / 2).sum(0))
assert_readable(fig)
