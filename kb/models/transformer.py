"""A small Transformer encoder: positional encoding + multi-head self-attention, by hand.

Shapes (``B`` batch, ``T`` positions, ``d`` model width, ``h`` heads, ``d_k = d / h``)::

    tokens (B, T) -embed * sqrt(d) + PE-> X (B, T, d)
    Q, K, V = X W_q, X W_k, X W_v, split into heads       (B, h, T, d_k)
    A = softmax(Q K^T / sqrt(d_k))                        (B, h, T, T)   attention map
    heads = A V -> concatenated -> W_o                    (B, T, d)
    X = LayerNorm(X + attention(X)); X = LayerNorm(X + FFN(X))   (post-norm, as in the paper)

The sinusoidal positional encoding is ``PE[t, 2i] = sin(t / 10000^(2i/d))``,
``PE[t, 2i+1] = cos(t / 10000^(2i/d))``. Without it self-attention is
permutation-equivariant and cannot tell positions apart.
:class:`MultiHeadSelfAttention` and :class:`EncoderLayer` are checked against
``nn.MultiheadAttention`` and ``nn.TransformerEncoderLayer`` with the same weights.

>>> import torch
>>> model = TransformerEncoder(vocab=10, classes=10, d_model=16, heads=2, layers=1)
>>> logits, maps = model(torch.zeros(3, 8, dtype=torch.long), return_attention=True)
>>> tuple(logits.shape), tuple(maps[0].shape)
((3, 8, 10), (3, 2, 8, 8))
"""

from __future__ import annotations

import math

import torch
from torch import nn

from kb.activations import softmax
from kb.models.base import LitClassifier

__all__ = [
    "positional_encoding",
    "causal_mask",
    "MultiHeadSelfAttention",
    "EncoderLayer",
    "TransformerEncoder",
    "LitTransformer",
    "plot_attention",
]


def positional_encoding(length: int, d_model: int) -> torch.Tensor:
    """The sinusoidal table ``(length, d_model)``."""
    if d_model % 2:
        raise ValueError(f"d_model must be even for sinusoidal encodings, got {d_model}")
    t = torch.arange(length, dtype=torch.float32).unsqueeze(1)
    freq = torch.exp(-math.log(10000.0) * torch.arange(0, d_model, 2, dtype=torch.float32) / d_model)
    pe = torch.zeros(length, d_model)
    pe[:, 0::2], pe[:, 1::2] = torch.sin(t * freq), torch.cos(t * freq)
    return pe


def causal_mask(length: int, device: torch.device | str | None = None) -> torch.Tensor:
    """``(length, length)`` booleans, True above the diagonal: the keys ``j > i`` query ``i`` may not see.

    >>> causal_mask(3).int()
    tensor([[0, 1, 1],
            [0, 0, 1],
            [0, 0, 0]], dtype=torch.int32)
    """
    return torch.triu(torch.ones(length, length, dtype=torch.bool, device=device), diagonal=1)


class MultiHeadSelfAttention(nn.Module):
    """Scaled dot-product self-attention with ``heads`` heads; returns output and weights.

    ``causal=True`` (a decoder, GPT) masks every key after the query with :func:`causal_mask`."""

    def __init__(self, d_model: int, heads: int, causal: bool = False) -> None:
        super().__init__()
        if d_model % heads:
            raise ValueError(f"d_model ({d_model}) must be divisible by heads ({heads})")
        self.heads, self.d_k, self.causal = heads, d_model // heads, causal
        self.q, self.k, self.v, self.out = (nn.Linear(d_model, d_model) for _ in range(4))

    def forward(self, x: torch.Tensor, padding_mask: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        """``x (B, T, d)``; ``padding_mask (B, T)`` is True at positions no query may attend to."""
        B, T, d = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:  # (B, T, d) -> (B, h, T, d_k)
            return t.view(B, T, self.heads, self.d_k).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_k)  # (B, h, T, T)
        if padding_mask is not None:
            scores = scores.masked_fill(padding_mask[:, None, None, :], float("-inf"))
        if self.causal:
            scores = scores.masked_fill(causal_mask(T, x.device), float("-inf"))
        weights = softmax(scores, dim=-1)
        heads = (weights @ v).transpose(1, 2).reshape(B, T, d)
        return self.out(heads), weights


class EncoderLayer(nn.Module):
    """Self-attention and a position-wise feed-forward network, each with residual + LayerNorm."""

    def __init__(self, d_model: int, heads: int, d_ff: int, dropout: float = 0.0, causal: bool = False) -> None:
        super().__init__()
        self.attn = MultiHeadSelfAttention(d_model, heads, causal)
        self.ff = nn.Sequential(nn.Linear(d_model, d_ff), nn.ReLU(), nn.Linear(d_ff, d_model))
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, padding_mask: torch.Tensor | None = None) -> tuple[torch.Tensor, torch.Tensor]:
        a, weights = self.attn(x, padding_mask)
        x = self.norm1(x + self.drop(a))
        return self.norm2(x + self.drop(self.ff(x))), weights


class TransformerEncoder(nn.Module):
    """Token embedding + positional encoding, ``layers`` encoder layers, a per-token linear head.

    With ``causal=True`` every layer masks future positions: the decoder-only stack of GPT
    (trained on next-token targets, :mod:`kb.datasets.progressions`)."""

    def __init__(
        self,
        vocab: int = 10,
        classes: int = 10,
        d_model: int = 32,
        heads: int = 2,
        layers: int = 2,
        d_ff: int = 64,
        max_len: int = 64,
        dropout: float = 0.0,
        causal: bool = False,
    ) -> None:
        super().__init__()
        self.vocab, self.max_len, self.d_model = vocab, max_len, d_model
        self.embed = nn.Embedding(vocab, d_model)
        self.register_buffer("pe", positional_encoding(max_len, d_model), persistent=False)
        self.layers = nn.ModuleList(EncoderLayer(d_model, heads, d_ff, dropout, causal) for _ in range(layers))
        self.head = nn.Linear(d_model, classes)

    def encode(self, tokens: torch.Tensor) -> tuple[torch.Tensor, list[torch.Tensor]]:
        """Contextual vectors ``(B, T, d)`` and one attention map ``(B, h, T, T)`` per layer."""
        if tokens.ndim != 2 or tokens.dtype.is_floating_point:
            raise ValueError(
                f"expected integer tokens of shape (batch, time), got {tuple(tokens.shape)} {tokens.dtype}"
            )
        if tokens.shape[1] > self.max_len:
            raise ValueError(f"sequence length {tokens.shape[1]} exceeds max_len={self.max_len}")
        x = self.embed(tokens) * math.sqrt(self.d_model) + self.pe[: tokens.shape[1]]
        maps = []
        for layer in self.layers:
            x, weights = layer(x)
            maps.append(weights)
        return x, maps

    def forward(self, tokens: torch.Tensor, return_attention: bool = False):
        x, maps = self.encode(tokens)
        logits = self.head(x)
        return (logits, maps) if return_attention else logits


class LitTransformer(LitClassifier):
    """Per-token cross-entropy + Adam around :class:`TransformerEncoder`."""

    def __init__(
        self,
        vocab: int = 10,
        classes: int = 10,
        d_model: int = 32,
        heads: int = 2,
        layers: int = 2,
        d_ff: int = 64,
        dropout: float = 0.0,
        lr: float = 3e-3,
        causal: bool = False,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = TransformerEncoder(vocab, classes, d_model, heads, layers, d_ff, dropout=dropout, causal=causal)

    @torch.no_grad()
    def attention_maps(self, tokens: torch.Tensor) -> list[torch.Tensor]:
        """One ``(B, heads, T, T)`` attention map per layer for ``tokens``."""
        return self.model.encode(tokens.to(self.device))[1]


def plot_attention(maps: list[torch.Tensor], tokens: torch.Tensor | None = None, index: int = 0):
    """Plot every layer and head of one example's attention as a grid of heat maps.

    ``maps`` is what :meth:`LitTransformer.attention_maps` returns; row = query
    position ``i``, column = key position ``j`` (labelled with the input tokens ``x_j`` when
    given); panel titles give the layer ``ℓ`` and head ``h``. In the book's style
    (:mod:`kb.plotting`). Returns the matplotlib ``Figure``.
    """
    from kb.plotting import heatmap, subplots

    if not maps:
        raise ValueError("no attention maps to plot")
    layers, heads = len(maps), maps[0].shape[1]
    fig, axes = subplots(layers, heads, height=2.9 * layers + 0.4, squeeze=False)
    labels = [str(int(t)) for t in tokens[index]] if tokens is not None else None
    positions = [str(i) for i in range(maps[0].shape[-1])]
    for layer, m in enumerate(maps):
        for head in range(heads):
            ax = axes[layer][head]
            image = heatmap(
                ax, m[index, head], vmin=0, vmax=1, colorbar=False, xticks=labels or positions, yticks=positions
            )
            ax.set_aspect("equal")
            ax.set_title(f"ℓ = {layer + 1}, h = {head + 1}", fontsize="small")
    fig.colorbar(image, ax=axes, shrink=0.8)
    fig.supxlabel("key: $x_j$" if labels else "key $j$"), fig.supylabel("query $i$")
    return fig
