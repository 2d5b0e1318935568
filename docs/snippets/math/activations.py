# %% [markdown]
# Sigmoid, tanh and ReLU with their derivatives (`kb.activations`, checked against
# autograd in the tests), where the derivative is small, and article 000's examples.

# %%
import torch

from kb.activations import relu, relu_grad, sigmoid, sigmoid_grad, softmax, tanh, tanh_grad
from kb.plotting import assert_readable, subplots

x = torch.linspace(-6, 6, 1201)
functions = {"σ": (sigmoid, sigmoid_grad), "tanh": (tanh, tanh_grad), "ReLU": (relu, relu_grad)}
fig, axes = subplots(1, 3, height=2.6, sharey=True)
for ax, (name, (f, df)) in zip(axes, functions.items(), strict=False):
    small = df(x) < 0.1  # where the derivative has fallen below 0.1
    ax.fill_between(x, -1.1, 1.1, where=small, color="C3", alpha=0.15, linewidth=0, label="f′(x) < 0.1")
    ax.plot(x, f(x), label="f(x)")
    ax.plot(x, df(x), label="f′(x)", linestyle="--")
    ax.set_title(name)
    ax.set_xlabel("$x$")
    if name != "ReLU":
        edge = x[~small].abs().max().item()
        print(f"{name}′(x) < 0.1 for |x| > {edge:.2f};  max {name}′ = {df(x).max().item():.2f}")
axes[0].set(ylim=(-1.1, 1.1), ylabel="f(x), f′(x)")
axes[0].set_xticks([-5, 0, 5])
legend = fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=3)
print("ReLU′(x) = 0 for every x < 0 and 1 for every x > 0")
print(f"best case through 10 stacked sigmoids: 0.25^10 = {0.25**10:.1e}")

# %%
# article 000's examples
z = torch.tensor([-2.0, 0.0, 2.0])
print("x          :", z.tolist())
print("relu(x)    :", relu(torch.tensor([-1.0, 2.0, -3.0])).tolist(), " (input [-1, 2, -3])")
print("sigmoid(x) :", [round(v, 4) for v in sigmoid(z).tolist()])
print("tanh(x)    :", [round(v, 4) for v in tanh(z).tolist()])
print("tanh(1)    :", round(tanh(torch.tensor(1.0)).item(), 4))
print("relu'(x)   :", relu_grad(z).tolist())
print("sigmoid'(x):", [round(v, 4) for v in sigmoid_grad(z).tolist()])
print("tanh'(x)   :", [round(v, 4) for v in tanh_grad(z).tolist()])

# %%
# softmax turns scores into probabilities that sum to 1
scores = torch.tensor([2.0, 1.0, 0.1])
p = softmax(scores)
print("softmax([2, 1, 0.1]) :", [round(v, 4) for v in p.tolist()], " sum =", round(p.sum().item(), 6))

# %% tags=["hide-input"]
assert abs(sigmoid(torch.tensor(-2.0)).item() - 0.1192) < 5e-5 and abs(tanh(torch.tensor(1.0)).item() - 0.7616) < 5e-5
assert abs(sigmoid_grad(x).max().item() - 0.25) < 1e-6 and abs(tanh_grad(x).max().item() - 1) < 1e-6
assert_readable(fig)
