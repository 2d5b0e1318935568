"""scikit-learn's bundled 8x8 handwritten digits (1,797 images, ships with the package).

Images become float tensors ``(N, 1, 8, 8)`` scaled to ``[0, 1]`` (the raw pixels are
0-16); labels are ``int64`` in ``0..9``. The split is seeded: 72% train, 13%
validation, 15% test (1294 / 234 / 269 images).

>>> x, y = load_digits_tensors()
>>> tuple(x.shape), float(x.max()), int(y.max())
((1797, 1, 8, 8), 1.0, 9)
"""

from __future__ import annotations

import torch

from kb.datasets.base import TensorDataModule

__all__ = ["load_digits_tensors", "DigitsDataModule"]


def load_digits_tensors() -> tuple[torch.Tensor, torch.Tensor]:
    """All 1,797 digits as ``(images (N, 1, 8, 8) in [0, 1], labels (N,))``."""
    from sklearn.datasets import load_digits

    data = load_digits()
    x = torch.tensor(data.images, dtype=torch.float32).unsqueeze(1) / 16.0
    return x, torch.tensor(data.target, dtype=torch.int64)


class DigitsDataModule(TensorDataModule):
    """Seeded train/val/test split of the 8x8 digits, held in memory.

    ``flatten=True`` gives ``(N, 64)`` vectors instead of images (for MLPs and the VAE).
    ``train_size=n`` keeps only the first ``n`` training images (see :class:`TensorDataModule`).
    """

    def __init__(
        self, batch_size: int = 64, flatten: bool = False, seed: int = 0, train_size: int | None = None
    ) -> None:
        super().__init__()
        self.save_hyperparameters()

    def setup(self, stage: str | None = None) -> None:
        x, y = load_digits_tensors()
        if self.hparams.flatten:
            x = x.flatten(1)
        self._set_splits((x, y), (0.72, 0.13, 0.15))
