"""A long-range memory task: read a sequence, answer with its *first* token.

Each sequence starts with a signal token in ``0..classes-1``; the remaining
``length - 1`` positions are noise tokens from ``classes..vocab-1``. The label is the
signal. To answer, a recurrent network must carry one piece of information across
every step: a plain RNN's gradient through ``length`` tanh steps shrinks
geometrically (vanishing gradients), while the additive cell state of an LSTM/GRU
lets it flow — the gap grows with ``length``.

>>> x, y = make_recall_data(n=3, length=5, classes=2, vocab=6, seed=0)
>>> tuple(x.shape), bool((x[:, 0] == y).all()), bool((x[:, 1:] >= 2).all())
((3, 5), True, True)
"""

from __future__ import annotations

import torch

from kb.datasets.base import DatasetError, TensorDataModule

__all__ = ["make_recall_data", "RecallDataModule", "make_reversal_data", "ReversalDataModule"]


def make_recall_data(
    n: int = 2000, length: int = 40, classes: int = 4, vocab: int = 12, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """Token sequences ``(n, length)`` (int64) and labels ``(n,)`` = the first token."""
    if length < 2:
        raise DatasetError(f"length must be at least 2, got {length}")
    if not 2 <= classes < vocab:
        raise DatasetError(f"need 2 <= classes < vocab, got classes={classes}, vocab={vocab}")
    if n < 1:
        raise DatasetError(f"need at least one sequence, got n={n}")
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, classes, (n,), generator=g)
    x = torch.randint(classes, vocab, (n, length), generator=g)
    x[:, 0] = y
    return x, y


class RecallDataModule(TensorDataModule):
    """Seeded 70/15/15 split of :func:`make_recall_data`."""

    def __init__(
        self, n: int = 2000, length: int = 40, classes: int = 4, vocab: int = 12, batch_size: int = 64, seed: int = 0
    ) -> None:
        super().__init__()
        make_recall_data(1, length, classes, vocab)  # validate early
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        self._set_splits(make_recall_data(hp.n, hp.length, hp.classes, hp.vocab, hp.seed), (0.7, 0.15, 0.15))


def make_reversal_data(
    n: int = 3000, length: int = 8, vocab: int = 10, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """Random token sequences ``(n, length)`` and the same sequences reversed (the targets).

    Position ``i`` of the output must copy position ``length - 1 - i`` of the input:
    a model can only do it if it knows positions, and its attention maps show the
    anti-diagonal it learned.

    >>> x, y = make_reversal_data(n=2, length=4, seed=0)
    >>> bool((y == x.flip(1)).all())
    True
    """
    if length < 2:
        raise DatasetError(f"length must be at least 2, got {length}")
    if vocab < 2 or n < 1:
        raise DatasetError(f"need vocab >= 2 and n >= 1, got vocab={vocab}, n={n}")
    g = torch.Generator().manual_seed(seed)
    x = torch.randint(0, vocab, (n, length), generator=g)
    return x, x.flip(1)


class ReversalDataModule(TensorDataModule):
    """Seeded 70/15/15 split of :func:`make_reversal_data`."""

    def __init__(self, n: int = 3000, length: int = 8, vocab: int = 10, batch_size: int = 64, seed: int = 0) -> None:
        super().__init__()
        make_reversal_data(1, length, vocab)  # validate early
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        self._set_splits(make_reversal_data(hp.n, hp.length, hp.vocab, hp.seed), (0.7, 0.15, 0.15))
