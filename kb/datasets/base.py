"""Shared plumbing for the in-memory data modules: seeded splits and standard loaders.

Every dataset in ``kb`` is small enough to live in memory as tensors: each split is a
``TensorDataset`` and each loader a plain ``DataLoader`` over it, as in Lightning's own
examples (no worker processes: the data is already in memory). The training loader
shuffles with a generator seeded from the data module's ``seed``, so a run repeats
exactly; Lightning replaces the sampler itself where it must (several processes,
``overfit_batches``).

>>> import torch
>>> parts = split_tensors((torch.arange(10),), (0.6, 0.2, 0.2), seed=0)
>>> [len(p[0]) for p in parts]
[6, 2, 2]
>>> from torch.utils.data import TensorDataset
>>> [b[0].tolist() for b in tensor_loader(TensorDataset(torch.arange(5)), batch_size=2, shuffle=False)]
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

from collections.abc import Sequence

import pytorch_lightning as pl
import torch
from torch.utils.data import DataLoader, TensorDataset

from kb.datasets.errors import DatasetError

__all__ = ["DatasetError", "split_tensors", "tensor_loader", "TensorDataModule"]


def split_tensors(
    tensors: Sequence[torch.Tensor], fractions: Sequence[float], seed: int
) -> list[tuple[torch.Tensor, ...]]:
    """Shuffle the rows of ``tensors`` with a seeded generator and cut them by ``fractions``."""
    n = len(tensors[0])
    if n == 0:
        raise DatasetError("cannot split an empty dataset")
    if any(len(t) != n for t in tensors):
        raise DatasetError(f"tensors have different lengths: {[len(t) for t in tensors]}")
    if abs(sum(fractions) - 1) > 1e-6 or any(f < 0 for f in fractions):
        raise DatasetError(f"split fractions must be >= 0 and sum to 1, got {list(fractions)}")
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    sizes = [round(f * n) for f in fractions[:-1]]
    sizes.append(n - sum(sizes))
    parts, start = [], 0
    for size in sizes:
        idx = order[start : start + size]
        parts.append(tuple(t[idx] for t in tensors))
        start += size
    return parts


def tensor_loader(dataset: TensorDataset, batch_size: int | None, shuffle: bool, seed: int = 0) -> DataLoader:
    """``DataLoader(dataset, batch_size, shuffle)``, shuffled by a generator seeded with ``seed``.

    ``batch_size=None`` means the whole dataset in one batch (gradient descent).
    """
    generator = torch.Generator().manual_seed(seed) if shuffle else None
    return DataLoader(dataset, batch_size=batch_size or len(dataset), shuffle=shuffle, generator=generator)


class TensorDataModule(pl.LightningDataModule):
    """Base class: subclasses fill ``train_set``, ``val_set``, ``test_set`` in ``setup``.

    Subclasses call ``save_hyperparameters()`` with ``batch_size`` and ``seed`` among them.
    A ``train_size`` hyper-parameter (if the subclass has one and it is not ``None``) keeps only
    the first ``train_size`` training examples, the validation and test sets unchanged: a small
    training set, to show overfitting.
    """

    train_set: TensorDataset
    val_set: TensorDataset
    test_set: TensorDataset

    def _set_splits(self, tensors: Sequence[torch.Tensor], fractions: Sequence[float]) -> None:
        train, val, test = split_tensors(tensors, fractions, self.hparams.seed)
        n = self.hparams.get("train_size")
        if n is not None:
            if not 0 < n <= len(train[0]):
                raise DatasetError(f"train_size must be in 1..{len(train[0])}, got {n}")
            train = tuple(t[:n] for t in train)
        self.train_set, self.val_set, self.test_set = TensorDataset(*train), TensorDataset(*val), TensorDataset(*test)

    def train_dataloader(self) -> DataLoader:
        return tensor_loader(self.train_set, self.hparams.batch_size, shuffle=True, seed=self.hparams.seed)

    def val_dataloader(self) -> DataLoader:
        return tensor_loader(self.val_set, self.hparams.get("eval_batch_size", 1024), shuffle=False)

    def test_dataloader(self) -> DataLoader:
        return tensor_loader(self.test_set, self.hparams.get("eval_batch_size", 1024), shuffle=False)
