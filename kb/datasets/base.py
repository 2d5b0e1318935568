"""Shared plumbing for the in-memory data modules: seeded splits and fast loaders.

Every dataset in ``kb`` is small enough to live in memory as tensors, so a loader
needs no worker processes, no per-sample indexing and no collate step.
:class:`TensorBatches` shuffles the rows once per epoch (one seeded ``randperm``)
and hands out slices (views) of the shuffled tensors: fetching a batch does no
indexing, copying or collating.
The plain loop in ``benchmarks/kb_train_overhead.py`` and Lightning both take these
loaders from the data module. In a distributed run (or with ``overfit_batches``)
the data modules return :func:`batch_loader`'s ``DataLoader`` instead, which
Lightning knows how to give a distributed (or sequential) sampler.

>>> import torch
>>> parts = split_tensors((torch.arange(10),), (0.6, 0.2, 0.2), seed=0)
>>> [len(p[0]) for p in parts]
[6, 2, 2]
>>> [b[0].tolist() for b in TensorBatches((torch.arange(5),), batch_size=2)]
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytorch_lightning as pl
import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, SequentialSampler, TensorDataset

from kb.datasets.errors import DatasetError

__all__ = ["DatasetError", "split_tensors", "TensorBatches", "batch_loader", "tensor_loader", "TensorDataModule"]


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
    sizes = [int(round(f * n)) for f in fractions[:-1]]
    sizes.append(n - sum(sizes))
    parts, start = [], 0
    for size in sizes:
        idx = order[start : start + size]
        parts.append(tuple(t[idx] for t in tensors))
        start += size
    return parts


class TensorBatches:
    """An iterable of ``(tensor[batch], ...)`` tuples cut from in-memory tensors: a loader
    with no per-step work.

    ``shuffle=True``: each pass (epoch) draws one permutation ``torch.randperm(n)`` from
    a generator seeded with ``seed``, at its first batch, and slices the permuted
    tensors: the epochs differ, their sequence is reproducible, and it does not depend
    on whether the consumer stops after ``len()`` batches (Lightning) or at
    ``StopIteration`` (a ``for`` loop). A ``DataLoader``'s ``RandomSampler`` draws a second,
    unused permutation when it runs out, so its later epochs depend on that. Otherwise
    the batches are the rows in order, cut once. ``batch_size=None`` means one batch
    of all rows. ``len()`` is the number of batches (the last one may be smaller).
    """

    def __init__(self, tensors: Sequence[torch.Tensor], batch_size: int | None = None, shuffle: bool = False,
                 seed: int = 0) -> None:
        self.tensors = tuple(tensors)
        if not self.tensors or any(len(t) != len(self.tensors[0]) for t in self.tensors):
            raise DatasetError(f"need tensors of one length, got {[len(t) for t in self.tensors]}")
        self.rows = len(self.tensors[0])
        self.batch_size = batch_size or max(self.rows, 1)
        self.shuffle = shuffle
        self.generator = torch.Generator().manual_seed(seed) if shuffle else None
        self._in_order: list[tuple[torch.Tensor, ...]] | None = None

    def __len__(self) -> int:
        return -(-self.rows // self.batch_size)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, ...]]:
        if not self.rows:
            return iter(())
        if self.shuffle:
            return self._shuffled()
        if self._in_order is None:
            self._in_order = list(zip(*(t.split(self.batch_size) for t in self.tensors)))
        return iter(self._in_order)

    def _shuffled(self) -> Iterator[tuple[torch.Tensor, ...]]:
        # a generator: the permutation is drawn at the first batch, not by ``iter()`` alone
        # (Lightning calls ``iter()`` once to check that a loader is iterable)
        order = torch.randperm(self.rows, generator=self.generator)
        yield from zip(*(t[order].split(self.batch_size) for t in self.tensors))


def batch_loader(dataset: TensorDataset, batch_size: int | None, shuffle: bool, seed: int = 0) -> DataLoader:
    """A ``DataLoader`` that fetches whole batches by tensor indexing.

    ``batch_size=None`` means the whole dataset in one batch (gradient descent).
    """
    size = batch_size or len(dataset)
    sampler = RandomSampler(dataset, generator=torch.Generator().manual_seed(seed)) if shuffle else SequentialSampler(dataset)
    return DataLoader(dataset, sampler=BatchSampler(sampler, size, drop_last=False), batch_size=None)


def tensor_loader(dataset: TensorDataset, batch_size: int | None, shuffle: bool, seed: int = 0,
                  trainer: pl.Trainer | None = None) -> TensorBatches | DataLoader:
    """:class:`TensorBatches` over ``dataset.tensors``; :func:`batch_loader` when ``trainer``
    must replace the loader's sampler (several processes, or ``overfit_batches``)."""
    if trainer is not None and (trainer.world_size > 1 or trainer.overfit_batches > 0):
        return batch_loader(dataset, batch_size, shuffle, seed)
    return TensorBatches(dataset.tensors, batch_size, shuffle, seed)


class TensorDataModule(pl.LightningDataModule):
    """Base class: subclasses fill ``train_set``, ``val_set``, ``test_set`` in ``setup``.

    Subclasses call ``save_hyperparameters()`` with ``batch_size`` and ``seed`` among them.
    """

    train_set: TensorDataset
    val_set: TensorDataset
    test_set: TensorDataset

    def _set_splits(self, tensors: Sequence[torch.Tensor], fractions: Sequence[float]) -> None:
        train, val, test = split_tensors(tensors, fractions, self.hparams.seed)
        self.train_set, self.val_set, self.test_set = TensorDataset(*train), TensorDataset(*val), TensorDataset(*test)

    def _loader(self, dataset: TensorDataset, batch_size: int | None, shuffle: bool = False) -> Any:
        return tensor_loader(dataset, batch_size, shuffle, self.hparams.seed, self.trainer)

    def train_dataloader(self) -> TensorBatches | DataLoader:
        return self._loader(self.train_set, self.hparams.batch_size, shuffle=True)

    def val_dataloader(self) -> TensorBatches | DataLoader:
        return self._loader(self.val_set, self.hparams.get("eval_batch_size", 1024))

    def test_dataloader(self) -> TensorBatches | DataLoader:
        return self._loader(self.test_set, self.hparams.get("eval_batch_size", 1024))
