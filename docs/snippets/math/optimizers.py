# %% [markdown]
# GD, momentum and Adam (`kb.optim`, checked against `torch.optim` in the test suite):
# Adam's bias-corrected first step, 30 steps on J(θ) = (θ − 1)², and their paths in a
# 2-D valley J(x, y) = (x² + 25 y²) / 2 (curvature 1 along x, 25 along y).

# %%
import torch

from kb.optim import GD, Adam, Momentum
from kb.plotting import assert_readable, subplots
from kb.trajectories import elongated_bowl, grid, parabola, path

# Adam's first step has size lr whatever the gradient's scale (bias correction)
for scale in (1.0, 1000.0):
    theta = torch.nn.Parameter(torch.tensor([0.0]))
    opt = Adam([theta], lr=0.1)
    (scale * (theta - 1) ** 2).sum().backward()
    opt.step()
    print(f"gradient scale {scale:>6}: first Adam step = {theta.item():.6f}")

# %%
# 30 steps from θ = 0 on J(θ) = (θ - 1)²: distance to the minimum θ* = 1
J = parabola(minimum=1.0)
final = {}
for name, cls, opts in [
    ("GD", GD, {"lr": 0.1}),
    ("Momentum", Momentum, {"lr": 0.1, "momentum": 0.5}),
    ("Adam", Adam, {"lr": 0.1}),
]:
    thetas, _ = path(cls, J, [0.0], 30, **opts)
    final[name] = abs(thetas[-1].item() - 1)
    print(
        f"{name:<8}: θ_1..θ_3 = {[round(v, 3) for v in thetas[1:4].flatten().tolist()]}, "
        f"θ_30 = {thetas[-1].item():.4f}, |θ_30 - 1| = {final[name]:.1e}"
    )

# %%
bowl = elongated_bowl(1.0, 25.0)
start, steps = [-4.0, 1.2], 60
runs = {
    "GD, η = 0.07": path(GD, bowl, start, steps, lr=0.07),
    "momentum, η = 0.07, μ = 0.7": path(Momentum, bowl, start, steps, lr=0.07, momentum=0.7),
    "Adam, η = 0.3": path(Adam, bowl, start, steps, lr=0.3),
}
for name, (_, losses) in runs.items():
    print(f"{name:<28}: J after 5 / 20 / 60 steps = " + " / ".join(f"{losses[t].item():.1e}" for t in (5, 20, 60)))
adam_path = runs["Adam, η = 0.3"][0]
print("Adam's first 3 moves (Δx, Δy):", [tuple(round(v, 2) for v in d.tolist()) for d in adam_path.diff(dim=0)[:3]])

X, Y, Z = grid(bowl, (-4.5, 1.5), (-1.5, 1.5))
fig, (left, right) = subplots(1, 2, height=3.1, width_ratios=[1.35, 1])
left.contour(X, Y, Z, levels=[0.05, 0.2, 0.5, 1, 2, 4, 8, 16], colors="0.55", linewidths=0.8)
for name, (thetas, losses) in runs.items():
    left.plot(thetas[:, 0], thetas[:, 1], marker="o", markersize=2.5, linewidth=1.2, label=name)
    right.plot(losses, label=name)
left.plot([0], [0], marker="*", markersize=11, color="0.5", linestyle="none")
left.set(xlabel="$x$", ylabel="$y$", aspect="equal")
right.set(xlabel="$t$", ylabel="$J(x_t, y_t)$", yscale="log")
legend = fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncols=2, fontsize="small")

# %% tags=["hide-input"]
assert final["Momentum"] < final["GD"] < final["Adam"]  # the ranking the text explains
losses_at = {name.split(",")[0]: losses for name, (_, losses) in runs.items()}
assert losses_at["Adam"][5] < losses_at["momentum"][5] < losses_at["GD"][5]  # Adam starts fastest
assert losses_at["momentum"][-1] < min(losses_at["Adam"][-1], losses_at["GD"][-1])
first = adam_path[1] - adam_path[0]
assert abs(abs(first[0].item()) - 0.3) < 1e-6 and abs(abs(first[1].item()) - 0.3) < 1e-6  # ≈ η in each coordinate
assert_readable(fig)
