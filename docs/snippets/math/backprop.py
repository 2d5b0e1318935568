# %% [markdown]
# Backpropagation by hand (`kb.backprop`) for a 4 -> 5 -> 3 MLP on a batch of 8,
# compared with PyTorch autograd.

# %%
import torch

from kb import seed_everything
from kb.backprop import init_mlp, mlp_backward, mlp_forward

seed_everything(0)
n, d, h, k = 8, 4, 5, 3
params = init_mlp(d, h, k, seed=0, dtype=torch.float64)
X = torch.randn(n, d, dtype=torch.float64)
y = torch.randint(0, k, (n,))

loss, cache = mlp_forward(params, X, y, activation="tanh")
grads = mlp_backward(params, cache)
print(f"loss = {loss.item():.6f}")
for name in ("W1", "b1", "W2", "b2"):
    print(f"{name}: parameter {tuple(params[name].shape)}  gradient {tuple(grads[name].shape)}")

# %%
leaves = {name: p.clone().requires_grad_(True) for name, p in params.items()}
auto_loss, _ = mlp_forward(leaves, X, y, activation="tanh")
auto_loss.backward()
for name in ("W1", "b1", "W2", "b2"):
    diff = (grads[name] - leaves[name].grad).abs().max().item()
    print(f"max |by hand - autograd| for {name}: {diff:.1e}")
