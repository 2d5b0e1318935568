"""Generated datasets: small, seeded, held in memory as tensors."""

from __future__ import annotations

import pytorch_lightning as pl
import torch
from torch.utils.data import DataLoader, TensorDataset

from kb.datasets.base import tensor_loader

__all__ = ["make_linear_data", "LinearDataModule"]


def make_linear_data(
    n: int = 200,
    weight: float = 2.0,
    bias: float = -1.0,
    noise: float = 0.3,
    seed: int = 0,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Points ``y = weight * x + bias + noise * N(0, 1)`` with ``x ~ U(-1, 1)``.

    Returns ``x`` of shape ``(n, 1)`` and ``y`` of shape ``(n,)``.

    >>> x, y = make_linear_data(n=4)
    >>> tuple(x.shape), tuple(y.shape)
    ((4, 1), (4,))
    """
    if n < 2:
        raise ValueError(f"need at least 2 points, got n={n}")
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, 1, generator=g) * 2 - 1
    y = weight * x[:, 0] + bias + noise * torch.randn(n, generator=g)
    return x, y


class LinearDataModule(pl.LightningDataModule):
    """A seeded train/validation split of :func:`make_linear_data`.

    ``batch_size=None`` gives full-batch loaders, i.e. plain gradient descent.
    """

    def __init__(
        self,
        n: int = 200,
        weight: float = 2.0,
        bias: float = -1.0,
        noise: float = 0.3,
        val_fraction: float = 0.2,
        batch_size: int | None = None,
        seed: int = 0,
    ) -> None:
        super().__init__()
        if not 0 < val_fraction < 1:
            raise ValueError(f"val_fraction must be in (0, 1), got {val_fraction}")
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        x, y = make_linear_data(hp.n, hp.weight, hp.bias, hp.noise, hp.seed)
        order = torch.randperm(hp.n, generator=torch.Generator().manual_seed(hp.seed + 1))
        n_val = max(1, round(hp.n * hp.val_fraction))
        val, train = order[:n_val], order[n_val:]
        self.train_set = TensorDataset(x[train], y[train])
        self.val_set = TensorDataset(x[val], y[val])

    def train_dataloader(self) -> DataLoader:
        shuffle = self.hparams.batch_size is not None  # full batches: nothing to shuffle
        return tensor_loader(self.train_set, self.hparams.batch_size, shuffle, self.hparams.seed)

    def val_dataloader(self) -> DataLoader:
        return tensor_loader(self.val_set, self.hparams.batch_size, shuffle=False)
