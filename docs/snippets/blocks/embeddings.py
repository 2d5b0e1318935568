# %% [markdown]
# An embedding layer is a lookup table: row `i` of its weight matrix is the vector of token `i`,
# which is the same as multiplying a one-hot vector by the matrix.

# %%
import torch
import torch.nn.functional as F

torch.manual_seed(0)
vocab, d = 6, 3
embedding = torch.nn.Embedding(vocab, d)  # weight E: (vocab, d), learned like any other weight
tokens = torch.tensor([[4, 0, 4, 2]])  # a batch of one sequence of 4 token ids
vectors = embedding(tokens)
one_hot = F.one_hot(tokens, vocab).float()  # (1, 4, vocab)
print(
    "tokens",
    tuple(tokens.shape),
    "-> vectors",
    tuple(vectors.shape),
    "  parameters vocab x d =",
    embedding.weight.numel(),
)
print("E:", embedding.weight.detach().numpy().round(3), sep="\n")
print("vectors of tokens 4, 0, 4, 2:", vectors[0].detach().numpy().round(3), sep="\n")
print(f"max |lookup - one_hot @ E| = {(vectors - one_hot @ embedding.weight).abs().max().item():.1e}")

# %% tags=["hide-input"]
assert vectors.shape == (1, 4, d) and embedding.weight.numel() == vocab * d
torch.testing.assert_close(vectors, one_hot @ embedding.weight)
assert torch.equal(vectors[0, 0], vectors[0, 2]) and torch.equal(vectors[0, 1], embedding.weight[0])
