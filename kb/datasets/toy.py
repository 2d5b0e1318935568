"""Generated two-class data for logistic regression and the MLP.

* ``blobs``: two Gaussian clouds, nearly linearly separable — a line does well.
* ``moons``: scikit-learn's two interleaving half circles — a line cannot separate
  them, a hidden layer can.

>>> x, y = make_toy_classification("moons", n=6)
>>> tuple(x.shape), y.dtype
((6, 2), torch.int64)
"""

from __future__ import annotations

import torch

from kb.datasets.base import DatasetError, TensorDataModule

__all__ = ["make_toy_classification", "ToyClassificationDataModule", "TOY_KINDS"]

TOY_KINDS = ("blobs", "moons")


def make_toy_classification(
    kind: str = "blobs", n: int = 400, noise: float = 0.2, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` points in 2-D (float32, ``(n, 2)``) and labels 0/1 (int64, ``(n,)``)."""
    if kind not in TOY_KINDS:
        raise DatasetError(f"unknown toy dataset {kind!r}; expected one of {TOY_KINDS}")
    if n < 2:
        raise DatasetError(f"need at least 2 points, got n={n}")
    if kind == "moons":
        from sklearn.datasets import make_moons

        x, y = make_moons(n_samples=n, noise=noise, random_state=seed)
        return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.int64)
    g = torch.Generator().manual_seed(seed)
    y = torch.arange(n) % 2
    centres = torch.tensor([[-1.0, -1.0], [1.0, 1.0]])
    x = centres[y] + (0.5 + noise) * torch.randn(n, 2, generator=g)
    return x, y


class ToyClassificationDataModule(TensorDataModule):
    """Train/val/test split (60/20/20, seeded) of :func:`make_toy_classification`; ``train_size``
    keeps only the first training points (see :class:`~kb.datasets.base.TensorDataModule`)."""

    def __init__(
        self,
        kind: str = "blobs",
        n: int = 600,
        noise: float = 0.2,
        batch_size: int | None = 64,
        seed: int = 0,
        train_size: int | None = None,
    ) -> None:
        super().__init__()
        if kind not in TOY_KINDS:
            raise DatasetError(f"unknown toy dataset {kind!r}; expected one of {TOY_KINDS}")
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        hp = self.hparams
        self._set_splits(make_toy_classification(hp.kind, hp.n, hp.noise, hp.seed), (0.6, 0.2, 0.2))
