"""Next-token data: arithmetic progressions modulo ``vocab``, for a tiny causal language model.

Each sequence is ``t_i = (a + i * s) mod vocab`` with a random start ``a`` and a random step
``s`` in ``1..vocab-1``. The first token says nothing about the second (the step is unknown);
from the second token on, every next token is determined by the previous two. GPT's objective
is built by :func:`next_token_pairs`: the input is the sequence without its last token, the
target the sequence without its first, so position ``i`` predicts token ``i + 1``.

>>> tokens = make_progressions(1, length=5, vocab=10, seed=0)
>>> x, y = next_token_pairs(tokens)
>>> bool((x[:, 1:] == y[:, :-1]).all()), tuple(x.shape), tuple(y.shape)
(True, (1, 4), (1, 4))
"""

from __future__ import annotations

import torch

from kb.datasets.base import DatasetError, TensorDataModule

__all__ = ["make_progressions", "next_token_pairs", "ProgressionsDataModule"]


def make_progressions(n: int, length: int = 12, vocab: int = 10, seed: int = 0) -> torch.Tensor:
    """``n`` sequences ``(n, length)`` of int64 tokens ``(a + i * s) mod vocab``."""
    if vocab < 2 or length < 2 or n < 1:
        raise DatasetError(f"need n >= 1, length >= 2 and vocab >= 2; got n={n}, length={length}, vocab={vocab}")
    g = torch.Generator().manual_seed(seed)
    start = torch.randint(0, vocab, (n, 1), generator=g)
    step = torch.randint(1, vocab, (n, 1), generator=g)
    return (start + step * torch.arange(length)) % vocab


def next_token_pairs(tokens: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """``(inputs, targets) = (tokens[:, :-1], tokens[:, 1:])``: the next-token objective."""
    return tokens[:, :-1], tokens[:, 1:]


class ProgressionsDataModule(TensorDataModule):
    """Seeded 80/10/10 split of :func:`make_progressions`, served as next-token pairs."""

    def __init__(self, n: int = 2000, length: int = 12, vocab: int = 10, batch_size: int = 64, seed: int = 0) -> None:
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        x, y = next_token_pairs(make_progressions(hp.n, hp.length, hp.vocab, hp.seed))
        self._set_splits((x, y), (0.8, 0.1, 0.1))
