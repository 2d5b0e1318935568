"""Vision Transformer input (Dosovitskiy et al., ICLR 2021): an image as a sequence of patch tokens.

An image ``(C, H, W)`` is cut into non-overlapping ``P x P`` patches, ``N = (H / P) * (W / P)`` of
them; each patch is flattened to ``C * P * P`` numbers and mapped by one linear layer to a
``d``-dimensional token. A learned class token is prepended and position embeddings are added;
from there on it is a Transformer encoder. The linear map of flattened patches is the same as a
convolution with kernel ``P`` and stride ``P`` (tests check both).

>>> import torch
>>> patchify(torch.zeros(2, 3, 224, 224), 16).shape  # 14 * 14 = 196 patches of 3 * 16 * 16 = 768
torch.Size([2, 196, 768])
"""

from __future__ import annotations

import torch
from torch import nn

__all__ = ["patchify", "PatchEmbedding"]


def patchify(images: torch.Tensor, patch: int) -> torch.Tensor:
    """``(B, C, H, W) -> (B, N, C * patch * patch)``, patches in row-major order, each flattened
    channel by channel, then row by row."""
    if images.ndim != 4:
        raise ValueError(f"expected images of shape (batch, C, H, W), got {tuple(images.shape)}")
    B, C, H, W = images.shape
    if H % patch or W % patch:
        raise ValueError(f"image side {H}x{W} is not a multiple of the patch size {patch}")
    x = images.reshape(B, C, H // patch, patch, W // patch, patch)  # (B, C, rows, P, cols, P)
    return x.permute(0, 2, 4, 1, 3, 5).reshape(B, (H // patch) * (W // patch), C * patch * patch)


class PatchEmbedding(nn.Module):
    """Patches -> linear tokens, a class token in front, learned position embeddings: ``(B, N + 1, d)``."""

    def __init__(self, image_size: int, patch: int, channels: int, d_model: int) -> None:
        super().__init__()
        self.patch = patch
        self.tokens = (image_size // patch) ** 2
        self.proj = nn.Linear(channels * patch * patch, d_model)
        self.cls = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos = nn.Parameter(torch.zeros(1, self.tokens + 1, d_model))

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        x = self.proj(patchify(images, self.patch))
        return torch.cat([self.cls.expand(len(x), -1, -1), x], dim=1) + self.pos
