# %% [markdown]
# Batch norm and layer norm from their formulas (`kb.normalisation`), on a small batch,
# checked against `torch.nn.BatchNorm1d` and `torch.nn.LayerNorm`.

# %%
import torch

from kb.normalisation import batch_norm, layer_norm

x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0], [0.0, 0.0, 0.0, 12.0]])  # 3 samples, 4 features
bn, ln = batch_norm(x), layer_norm(x)
print("x (3 samples x 4 features):", x.numpy(), sep="\n")
print("batch norm (each column: mean 0, var 1):", bn.numpy().round(3), sep="\n")
print("layer norm (each row: mean 0, var 1):", ln.numpy().round(3), sep="\n")
print(
    "column means after batch norm:",
    bn.mean(0).numpy().round(6),
    " row means after layer norm:",
    ln.mean(1).numpy().round(6),
)

# %%
reference_bn = torch.nn.BatchNorm1d(4).train()(x)  # gamma = 1, beta = 0 at initialisation
reference_ln = torch.nn.LayerNorm(4)(x)
print(f"max |ours - BatchNorm1d| = {(bn - reference_bn).abs().max().item():.1e}")
print(f"max |ours - LayerNorm|   = {(ln - reference_ln).abs().max().item():.1e}")
one = layer_norm(x[:1], eps=0.0)[0]
print("layer norm of (1, 2, 3, 4): mean 2.5, variance 1.25 ->", one.numpy().round(4))

# %% tags=["hide-input"]
torch.testing.assert_close(bn, reference_bn.detach())
torch.testing.assert_close(ln, reference_ln.detach())
assert torch.allclose(bn.mean(0), torch.zeros(4), atol=1e-6) and torch.allclose(ln.mean(1), torch.zeros(3), atol=1e-6)
torch.testing.assert_close(one, (x[0] - 2.5) / 1.25**0.5)
