"""Data augmentation for small images: random shifts by a pixel or two.

A shifted digit is still the same digit, so shifted copies are new training examples
for free: the network has to learn features that do not depend on the exact position.

>>> import torch
>>> shift(torch.arange(9.0).view(3, 3), 1, 0)
tensor([[0., 0., 0.],
        [0., 1., 2.],
        [3., 4., 5.]])
"""

from __future__ import annotations

import torch

__all__ = ["shift", "random_shift"]


def shift(image: torch.Tensor, dy: int, dx: int) -> torch.Tensor:
    """``image (..., H, W)`` moved down by ``dy`` and right by ``dx`` pixels (negative: up, left),
    filled with zeros where nothing moves in."""
    h, w = image.shape[-2:]
    out = torch.zeros_like(image)
    if abs(dy) >= h or abs(dx) >= w:
        return out
    src_y, dst_y = slice(max(0, -dy), h - max(0, dy)), slice(max(0, dy), h - max(0, -dy))
    src_x, dst_x = slice(max(0, -dx), w - max(0, dx)), slice(max(0, dx), w - max(0, -dx))
    out[..., dst_y, dst_x] = image[..., src_y, src_x]
    return out


def random_shift(images: torch.Tensor, max_shift: int = 1, generator: torch.Generator | None = None) -> torch.Tensor:
    """Each image of the batch ``(B, ..., H, W)`` shifted by its own random ``(dy, dx)``, each in
    ``[-max_shift, max_shift]``."""
    if max_shift < 0:
        raise ValueError(f"max_shift must be >= 0, got {max_shift}")
    offsets = torch.randint(-max_shift, max_shift + 1, (len(images), 2), generator=generator)
    return torch.stack([shift(image, dy, dx) for image, (dy, dx) in zip(images, offsets.tolist(), strict=True)])
