"""A deep MLP with or without residual connections (He et al., 2015, "Deep Residual Learning").

Each block computes ``F(h) = W2 relu(W1 h + b1) + b2`` at a fixed width and outputs

* ``relu(h + F(h))`` with the skip connection (``residual=True``): the block only has to learn
  the change ``F`` and the gradient reaches early layers through the identity path;
* ``relu(F(h))`` without it: a plain stack of ``2 * depth`` linear layers.

>>> import torch
>>> DeepMLP(in_features=64, width=32, depth=3, classes=10)(torch.zeros(5, 64)).shape
torch.Size([5, 10])
>>> sum(p.numel() for p in ResidualBlock(32).parameters()) == 2 * 32 * (32 + 1)
True
"""

from __future__ import annotations

import torch
from torch import nn

from kb.models.base import LitClassifier

__all__ = ["ResidualBlock", "DeepMLP", "LitDeepMLP"]


class ResidualBlock(nn.Module):
    """Two linear layers of width ``width``; with ``residual``, the input is added before the last ReLU."""

    def __init__(self, width: int, residual: bool = True) -> None:
        super().__init__()
        self.residual = residual
        self.fc1, self.fc2 = nn.Linear(width, width), nn.Linear(width, width)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        f = self.fc2(torch.relu(self.fc1(h)))
        return torch.relu(h + f if self.residual else f)


class DeepMLP(nn.Module):
    """``Linear(in, width)`` + ReLU, ``depth`` blocks, ``Linear(width, classes)`` (logits)."""

    def __init__(
        self, in_features: int = 64, width: int = 32, depth: int = 10, classes: int = 10, residual: bool = True
    ) -> None:
        super().__init__()
        self.in_features = in_features
        self.stem = nn.Linear(in_features, width)
        self.blocks = nn.Sequential(*(ResidualBlock(width, residual) for _ in range(depth)))
        self.head = nn.Linear(width, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != self.in_features:
            raise ValueError(f"expected input of shape (batch, {self.in_features}), got {tuple(x.shape)}")
        return self.head(self.blocks(torch.relu(self.stem(x))))


class LitDeepMLP(LitClassifier):
    """Cross-entropy + Adam around :class:`DeepMLP`."""

    def __init__(
        self,
        in_features: int = 64,
        width: int = 32,
        depth: int = 10,
        classes: int = 10,
        residual: bool = True,
        lr: float = 1e-3,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = DeepMLP(in_features, width, depth, classes, residual)
