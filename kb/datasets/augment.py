"""Data augmentation by jitter: every training step sees its inputs plus fresh Gaussian noise.

The noisy copies are new training examples near the real ones with the same label, so the
network cannot fit each training point exactly: its decision boundary has to keep a margin
of about the noise's size around every training point.

>>> import torch
>>> x = torch.zeros(1000, 2)
>>> noisy = jitter(x, 0.3, torch.Generator().manual_seed(0))
>>> round(noisy.std().item(), 1), tuple(noisy.shape)
(0.3, (1000, 2))
"""

from __future__ import annotations

import torch

__all__ = ["jitter"]


def jitter(x: torch.Tensor, std: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """``x + std * noise`` with standard normal noise of the shape of ``x``."""
    if std < 0:
        raise ValueError(f"jitter std must be >= 0, got {std}")
    noise = torch.randn(x.shape, generator=generator, dtype=x.dtype).to(x.device)
    return x + std * noise
