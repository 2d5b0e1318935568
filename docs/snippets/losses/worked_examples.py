# %% [markdown]
# Worked examples for the loss-function chapter: the articles' own numbers,
# recomputed with `kb.losses` (checked against `torch.nn.functional` in the tests).

# %%
import math

import torch

from kb.losses import binary_cross_entropy, mse, sum_cross_entropy

# %%
# MSE: true house prices and predictions from the article's example
y = torch.tensor([200.0, 300.0, 400.0])
y_hat = torch.tensor([190.0, 310.0, 410.0])
squared = (y - y_hat) ** 2
print("squared errors:", squared.tolist())
print("sum           :", squared.sum().item())
print("MSE = sum / n :", mse(y_hat, y).item())

# %%
# Cross-entropy: labels [1, 0, 1], predicted probabilities of class 1
labels = torch.tensor([1.0, 0.0, 1.0])
p = torch.tensor([0.6, 0.3, 0.7])
print("-sum y*ln(p)             :", round(sum_cross_entropy(p, labels).item(), 4))
print("  = -(ln 0.6 + ln 0.7)   :", round(-(math.log(0.6) + math.log(0.7)), 4))
print("binary cross-entropy mean:", round(binary_cross_entropy(p, labels).item(), 4))

# %% tags=["hide-input"]
assert mse(y_hat, y).item() == 100.0 and squared.tolist() == [100.0, 100.0, 100.0]
assert abs(sum_cross_entropy(p, labels).item() - (-(math.log(0.6) + math.log(0.7)))) < 1e-6
assert abs(binary_cross_entropy(p, labels).item() - (-(math.log(0.6) + math.log(0.7) + math.log(0.7)) / 3)) < 1e-6
