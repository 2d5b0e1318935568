# %% [markdown]
# Vanishing and exploding gradients in a plain tanh RNN: the norm of ∂h_T/∂h_0
# (computed with autograd) as the sequence gets longer, for recurrent weight matrices
# W = s · Q (Q orthogonal, so ||W||_2 = s); then the same without the tanh.

# %%
import torch

from kb.plotting import assert_readable, subplots

torch.manual_seed(0)
hidden = 16
base, _ = torch.linalg.qr(torch.randn(hidden, hidden))  # orthogonal: every singular value is 1
lengths = [1, 2, 5, 10, 15, 20, 30, 40]


def _unroll(W, h, steps):
    for _ in range(steps):
        h = torch.tanh(W @ h + 0.1)  # h_t = tanh(W h_{t-1} + b), inputs omitted
    return h


def jacobian_norm(scale: float, steps: int) -> float:
    W = scale * base
    J = torch.autograd.functional.jacobian(lambda start: _unroll(W, start, steps), torch.zeros(hidden))
    return torch.linalg.matrix_norm(J, ord=2).item()


tanh_norms = {s: [jacobian_norm(s, T) for T in lengths] for s in (0.5, 1.0, 3.0)}
for s, norms in tanh_norms.items():
    print(
        f"tanh RNN, ||W||_2 = {s}: ||dh_T/dh_0|| for T = 1, 10, 40 ->",
        ", ".join(f"{norms[lengths.index(T)]:.1e}" for T in (1, 10, 40)),
    )

# %%
# Without the tanh (a linear RNN) the Jacobian is W multiplied by itself T times
linear_norms = {
    s: [torch.linalg.matrix_norm(torch.linalg.matrix_power(s * base, T), ord=2).item() for T in lengths]
    for s in (0.5, 1.0, 3.0)
}
for s, norms in linear_norms.items():
    print(
        f"linear RNN, ||W||_2 = {s}: ||matrix_power(W, T)|| for T = 1, 10, 40 ->",
        ", ".join(f"{norms[lengths.index(T)]:.1e}" for T in (1, 10, 40)),
    )

fig, (left, right) = subplots(1, 2, height=3.0, sharey=True)
left.set_ylabel(r"$\|\partial h_T / \partial h_0\|_2$")
for ax, norms, title in (
    (left, tanh_norms, "$h_t = \\tanh(W h_{t-1} + b)$"),
    (right, linear_norms, "$h_t = W h_{t-1}$"),
):
    for s, values in norms.items():
        ax.semilogy(lengths, values, marker="o", markersize=4, label=f"$\\|W\\|_2$ = {s}")
    ax.set(title=title, xlabel="$T$")
legend = fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncols=3)

# %% tags=["hide-input"]
assert tanh_norms[0.5][-1] < 1e-10 < 1e3 < tanh_norms[3.0][-1]  # vanishes / explodes
assert abs(linear_norms[1.0][-1] - 1) < 1e-4 and abs(linear_norms[3.0][-1] / 3.0**40 - 1) < 1e-3
assert_readable(fig)
