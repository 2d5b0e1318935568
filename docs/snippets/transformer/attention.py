# %% [markdown]
# Scaled dot-product self-attention by hand for 3 tokens (d_model = 4, d_k = d_v = 2),
# every intermediate printed and checked against
# `torch.nn.functional.scaled_dot_product_attention`; then the causal mask.

# %%
import math

import torch
import torch.nn.functional as F

from kb.plotting import assert_readable, heatmap, label, subplots

X = torch.tensor(
    [
        [1.0, 0.0, 1.0, 0.0],  # token 1
        [0.0, 2.0, 0.0, 2.0],  # token 2
        [1.0, 1.0, 1.0, 1.0],
    ]
)  # token 3    X: (3, 4)
W_q = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 0.0]])
W_k = torch.tensor([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
W_v = torch.tensor([[1.0, 0.0], [0.0, 0.5], [0.0, 0.0], [0.0, 0.5]])
d_k = W_k.shape[1]

Q, K, V = X @ W_q, X @ W_k, X @ W_v
S = Q @ K.T / math.sqrt(d_k)  # scores (3, 3): row i = how well query i matches each key
A = torch.softmax(S, dim=-1)  # each row sums to 1
out = A @ V  # (3, 2): row i = weighted average of the value vectors
for name, value in (
    ("Q = X W_q", Q),
    ("K = X W_k", K),
    ("V = X W_v", V),
    ("Q K^T", Q @ K.T),
    (f"S = Q K^T / sqrt({d_k})", S),
    ("A = softmax(S) by rows", A),
    ("output = A V", out),
):
    print(f"{name}:", value.numpy().round(3), sep="\n")
print("row sums of A:", [round(v, 6) for v in A.sum(-1).tolist()])
reference = F.scaled_dot_product_attention(Q[None], K[None], V[None])[0]
print(f"max |ours - torch| = {(out - reference).abs().max().item():.1e}")

# %%
# causal mask (decoder): token i may only attend to tokens 1..i
mask = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)
A_causal = torch.softmax(S.masked_fill(mask, float("-inf")), dim=-1)
print("causal attention weights:", A_causal.numpy().round(3), sep="\n")

names = ["$x_1$", "$x_2$", "$x_3$"]
fig, axes = subplots(1, 3, height=2.6)
for ax, matrix, title, vmax in (
    (axes[0], S, "$S = QK^{\\top}/\\sqrt{d_k}$", None),
    (axes[1], A, "$A$", 1.0),
    (axes[2], A_causal, label("$A$ (causal)", "$A$（因果）"), 1.0),
):
    heatmap(
        ax,
        matrix,
        vmin=0,
        vmax=vmax,
        annotate=True,
        fmt="{:.2f}",
        fontsize="small",
        colorbar=False,
        xticks=names,
        yticks=names,
    )
    ax.set(title=title, aspect="equal")

# %% tags=["hide-input"]
assert torch.allclose(out, reference, atol=1e-6) and torch.allclose(A.sum(-1), torch.ones(3))
assert (A_causal[mask] == 0).all() and A_causal[0, 0] == 1
assert_readable(fig)
