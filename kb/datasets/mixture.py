"""A 2-D Gaussian mixture: ``modes`` tight clusters evenly spaced on a circle.

The classic toy data for GANs: a reader can scatter-plot real and generated points
and *see* whether the generator covers every mode (or collapses onto a few).
:func:`mode_statistics` turns that picture into numbers.

>>> x = make_ring_mixture(n=8, modes=4, std=0.0, seed=0)
>>> sorted(set(round(float(r), 3) for r in x.norm(dim=1)))
[2.0]
"""

from __future__ import annotations

import math

import torch

from kb.datasets.base import DatasetError, TensorDataModule

__all__ = ["ring_centres", "make_ring_mixture", "mode_statistics", "RingMixtureDataModule"]


def ring_centres(modes: int = 8, radius: float = 2.0) -> torch.Tensor:
    """The ``(modes, 2)`` cluster centres."""
    angles = torch.arange(modes, dtype=torch.float32) * 2 * math.pi / modes
    return radius * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)


def make_ring_mixture(
    n: int = 4000, modes: int = 8, radius: float = 2.0, std: float = 0.1, seed: int = 0
) -> torch.Tensor:
    """``n`` points ``(n, 2)``, each from a randomly chosen mode with isotropic noise ``std``."""
    if modes < 1 or n < 1:
        raise DatasetError(f"need n >= 1 and modes >= 1, got n={n}, modes={modes}")
    g = torch.Generator().manual_seed(seed)
    which = torch.randint(0, modes, (n,), generator=g)
    return ring_centres(modes, radius)[which] + std * torch.randn(n, 2, generator=g)


def mode_statistics(
    samples: torch.Tensor, modes: int = 8, radius: float = 2.0, std: float = 0.1, min_share: float = 0.02
) -> tuple[int, float]:
    """``(modes covered, quality)`` of generated ``samples`` ``(n, 2)``.

    A sample is *good* when it lies within ``4 * std`` of its nearest centre;
    ``quality`` is the fraction of good samples and a mode is *covered* when at least
    ``min_share`` of all samples are good samples of that mode.
    """
    if samples.ndim != 2 or samples.shape[1] != 2:
        raise ValueError(f"expected samples of shape (n, 2), got {tuple(samples.shape)}")
    centres = ring_centres(modes, radius).to(samples)
    dist, nearest = torch.cdist(samples, centres).min(dim=1)
    good = dist < 4 * std
    counts = torch.bincount(nearest[good], minlength=modes)
    return int((counts >= min_share * len(samples)).sum()), float(good.float().mean())


class RingMixtureDataModule(TensorDataModule):
    """Points of :func:`make_ring_mixture` (unlabelled), split 80/10/10."""

    def __init__(
        self, n: int = 4000, modes: int = 8, radius: float = 2.0, std: float = 0.1, batch_size: int = 128, seed: int = 0
    ) -> None:
        super().__init__()
        make_ring_mixture(1, modes)  # validate early
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        self._set_splits((make_ring_mixture(hp.n, hp.modes, hp.radius, hp.std, hp.seed),), (0.8, 0.1, 0.1))
