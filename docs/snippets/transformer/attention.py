# %% [markdown]
# Scaled dot-product self-attention written from the formula, checked against
# `torch.nn.functional.scaled_dot_product_attention`; then the sinusoidal
# positional encoding.

# %%
import math

import torch
import torch.nn.functional as F

from kb import seed_everything

seed_everything(0)
n, d_model, d_k = 4, 8, 8  # 4 tokens, model width 8
X = torch.randn(n, d_model)  # token embeddings (+ positions)
W_q, W_k, W_v = (torch.randn(d_model, d_k) / math.sqrt(d_model) for _ in range(3))

Q, K, V = X @ W_q, X @ W_k, X @ W_v
scores = Q @ K.T / math.sqrt(d_k)  # (n, n)
A = torch.softmax(scores, dim=-1)  # each row sums to 1
out = A @ V  # (n, d_k)

print("Q, K, V shapes:", tuple(Q.shape), tuple(K.shape), tuple(V.shape))
print("attention weights A (rows = queries):")
for row in A:
    print("  ", [round(v, 3) for v in row.tolist()], " sum =", round(row.sum().item(), 6))
print("output shape:", tuple(out.shape))
ref = F.scaled_dot_product_attention(Q[None], K[None], V[None])[0]
print("max |ours - torch| =", f"{(out - ref).abs().max().item():.1e}")

# %%
# causal mask (decoder): token i may only attend to tokens 0..i
mask = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
A_causal = torch.softmax(scores.masked_fill(mask, float("-inf")), dim=-1)
print("causal attention weights:")
for row in A_causal:
    print("  ", [round(v, 3) for v in row.tolist()])


# %%
def positional_encoding(positions: int, d: int) -> torch.Tensor:
    pos = torch.arange(positions).unsqueeze(1)
    i = torch.arange(0, d, 2)
    angle = pos / 10000 ** (i / d)
    pe = torch.zeros(positions, d)
    pe[:, 0::2], pe[:, 1::2] = torch.sin(angle), torch.cos(angle)
    return pe


pe = positional_encoding(4, d_model)
print("PE(pos, :) for pos = 0..3, d_model = 8:")
for p, row in enumerate(pe):
    print(f"  pos {p}:", [round(v, 3) for v in row.tolist()])
