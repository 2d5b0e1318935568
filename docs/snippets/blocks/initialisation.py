# %% [markdown]
# Why the variance of the initial weights matters: the std of the activations after each of
# 50 layers h <- act(W h) (width 256, no biases), for several weight variances
# (`kb.initialisation.activation_stds`).

# %%
import math

import torch

from kb.initialisation import activation_stds, he_std, xavier_std
from kb.plotting import assert_readable, subplots

torch.set_num_threads(1)
n, depth = 256, 50
runs = {  # label -> (std of the weights, activation)
    r"ReLU, $\sigma_w^2 = 4/n$": (math.sqrt(4 / n), "relu"),
    r"ReLU, $\sigma_w^2 = 2/n$ (He)": (he_std(n), "relu"),
    r"ReLU, $\sigma_w^2 = 1/n$ (Xavier)": (xavier_std(n, n), "relu"),
    r"tanh, $\sigma_w^2 = 1/n$ (Xavier)": (xavier_std(n, n), "tanh"),
}
stds = {label: activation_stds(std, depth=depth, width=n, activation=act) for label, (std, act) in runs.items()}
print(f"n = {n}: He std = sqrt(2/n) = {he_std(n):.4f}, Xavier std = sqrt(2/(n+n)) = {xavier_std(n, n):.4f}")
for label, s in stds.items():
    plain = label.replace("$", "").replace(r"\sigma_w^2", "var(W)")
    print(f"{plain:<28} std after layer 1: {s[1]:.3g}   after layer {depth}: {s[-1]:.3g}")

fig, ax = subplots(height=3.2)
for label, s in stds.items():
    ax.plot(range(depth + 1), s, label=label)
ax.set(xlabel="$l$", ylabel=r"$\mathrm{std}(h_l)$", yscale="log")
legend = ax.legend(loc="lower left")

# %% tags=["hide-input"]
double, he, xavier, tanh = stds.values()
assert 0.2 < he[-1] < 5, he[-1]  # He keeps the scale through 50 ReLU layers
assert double[-1] > 1e5 and xavier[-1] < 1e-5  # twice He explodes, Xavier's 1/n halves the variance per ReLU layer
assert abs(math.log2(double[-1] / he[-1]) - depth / 2) < 3  # a factor sqrt(2) per layer
# tanh with Xavier shrinks from the first layer on, ever more slowly; it does not vanish
assert 0.05 < tanh[-1] < tanh[depth // 2] < tanh[1] < 0.9
assert tanh[1] - tanh[depth // 2] > tanh[depth // 2] - tanh[-1]
assert_readable(fig)
