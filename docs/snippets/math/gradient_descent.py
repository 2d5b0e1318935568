# %% [markdown]
# Gradient descent on J(θ) = (θ − 1)² with `kb.optim.GD` (checked against `torch.optim`
# in the test suite): the first steps, then what the learning rate does.

# %%
from kb.optim import GD
from kb.plotting import assert_readable, subplots
from kb.trajectories import parabola, path

J = parabola(minimum=1.0)  # J(θ) = (θ - 1)², gradient 2(θ - 1)
print("GD, lr=0.1, from θ=2:", [round(v, 4) for v in path(GD, J, [2.0], 3, lr=0.1)[0].flatten().tolist()])
print("GD, lr=0.1, from θ=0:", [round(v, 4) for v in path(GD, J, [0.0], 3, lr=0.1)[0].flatten().tolist()])

# %%
# The learning rate: θ_{t+1} − 1 = (1 − 2η)(θ_t − 1), 15 steps from θ = 0
rates = [0.1, 0.5, 0.9, 1.05]
fig, axes = subplots(2, 2, height=3.8, sharex=True, sharey=True)
for lr, ax in zip(rates, axes.flat, strict=False):
    thetas, _ = path(GD, J, [0.0], 15, lr=lr)
    ax.axhline(1.0, color="0.5", linewidth=1, linestyle=":")
    ax.plot(thetas.flatten(), marker="o", markersize=3, color="C3" if abs(1 - 2 * lr) > 1 else "C0")
    ax.set_title(f"η = {lr}:  1 − 2η = {1 - 2 * lr:+.1f}".replace("-", "−"))
    print(
        f"η = {lr:<4}: θ_1..θ_4 = {[round(v, 3) for v in thetas[1:5].flatten().tolist()]},",
        f"θ_15 = {thetas[-1].item():.3f}",
    )
axes[0][0].set_ylim(-1.5, 3.5)
for ax in axes[1]:
    ax.set_xlabel("$t$")
for ax in axes[:, 0]:
    ax.set_ylabel(r"$\theta_t$")

# %% tags=["hide-input"]
assert abs(path(GD, J, [2.0], 1, lr=0.1)[0][1].item() - 1.8) < 1e-12
assert abs(path(GD, J, [0.0], 2, lr=0.1)[0][2].item() - 0.36) < 1e-12
assert abs(path(GD, J, [0.0], 15, lr=1.05)[0][-1].item() - 1) > 3  # diverges
assert abs(path(GD, J, [0.0], 15, lr=0.9)[0][-1].item() - 1) < 0.05  # oscillates, converges
assert_readable(fig)
