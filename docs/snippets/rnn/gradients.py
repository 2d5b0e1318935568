# %% [markdown]
# Vanishing and exploding gradients in a plain tanh RNN: the norm of
# ∂h_T/∂h_0 (computed with autograd) as the sequence gets longer, for a small and a
# large recurrent weight matrix.

# %%
import torch

from kb import seed_everything

seed_everything(0)
hidden = 16
base, _ = torch.linalg.qr(torch.randn(hidden, hidden))  # orthogonal: every singular value is 1


def _unroll(W, h, steps):
    for _ in range(steps):
        h = torch.tanh(W @ h + 0.1)  # h_t = tanh(W h_{t-1} + b), inputs omitted
    return h


def jacobian_norm(scale: float, steps: int) -> float:
    W = scale * base
    h0 = torch.zeros(hidden)
    J = torch.autograd.functional.jacobian(lambda start: _unroll(W, start, steps), h0)
    return torch.linalg.matrix_norm(J, ord=2).item()


for scale in (0.5, 3.0):
    norms = [jacobian_norm(scale, T) for T in (1, 5, 10, 20, 40)]
    print(f"||W||_2 = {scale}: ||dh_T/dh_0|| for T = 1, 5, 10, 20, 40 ->", ", ".join(f"{v:.1e}" for v in norms))

# %%
# Without the tanh (a linear RNN) the product is just W^T: it explodes when ||W|| > 1.
for scale in (0.5, 1.5):
    W = scale * base
    norms = [torch.linalg.matrix_norm(torch.linalg.matrix_power(W, T), ord=2).item() for T in (1, 10, 40)]
    print(f"linear RNN, ||W||_2 = {scale}: ||W^T|| for T = 1, 10, 40 ->", ", ".join(f"{v:.1e}" for v in norms))
