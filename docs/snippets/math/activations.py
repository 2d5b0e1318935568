# %% [markdown]
# The activation-function examples of article 000, recomputed with `kb.activations`.

# %%
import torch

from kb.activations import relu, relu_grad, sigmoid, sigmoid_grad, softmax, tanh, tanh_grad

x = torch.tensor([-2.0, 0.0, 2.0])
print("x          :", x.tolist())
print("relu(x)    :", relu(torch.tensor([-1.0, 2.0, -3.0])).tolist(), " (input [-1, 2, -3])")
print("sigmoid(x) :", [round(v, 4) for v in sigmoid(x).tolist()])
print("tanh(x)    :", [round(v, 4) for v in tanh(x).tolist()])
print("tanh(1)    :", round(tanh(torch.tensor(1.0)).item(), 4))

# %%
# derivatives at the same points
print("relu'(x)   :", relu_grad(x).tolist())
print("sigmoid'(x):", [round(v, 4) for v in sigmoid_grad(x).tolist()])
print("tanh'(x)   :", [round(v, 4) for v in tanh_grad(x).tolist()])

# %%
# softmax turns scores into probabilities that sum to 1
z = torch.tensor([2.0, 1.0, 0.1])
p = softmax(z)
print("softmax([2, 1, 0.1]) :", [round(v, 4) for v in p.tolist()], " sum =", round(p.sum().item(), 6))
