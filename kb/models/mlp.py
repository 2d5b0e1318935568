"""A small multi-layer perceptron: ``Linear -> activation -> ... -> Linear`` (logits).

Its forward/backward pass written by hand is :func:`kb.backprop.mlp_forward` /
:func:`kb.backprop.mlp_backward`.

>>> import torch
>>> MLP(in_features=2, hidden=(8,), classes=2)(torch.zeros(5, 2)).shape
torch.Size([5, 2])
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn

from kb.models.base import LitClassifier

__all__ = ["MLP", "LitMLP"]

_ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


class MLP(nn.Module):
    """Fully connected network for inputs ``(batch, in_features)``; returns ``(batch, classes)`` logits."""

    def __init__(
        self, in_features: int = 2, hidden: Sequence[int] = (32, 32), classes: int = 2, activation: str = "relu"
    ) -> None:
        super().__init__()
        if activation not in _ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; expected one of {sorted(_ACTIVATIONS)}")
        self.in_features = in_features
        layers: list[nn.Module] = []
        width = in_features
        for h in hidden:
            layers += [nn.Linear(width, h), _ACTIVATIONS[activation]()]
            width = h
        layers.append(nn.Linear(width, classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != self.in_features:
            raise ValueError(f"expected input of shape (batch, {self.in_features}), got {tuple(x.shape)}")
        return self.net(x)


class LitMLP(LitClassifier):
    """Cross-entropy + Adam around :class:`MLP`."""

    def __init__(
        self,
        in_features: int = 2,
        hidden: Sequence[int] = (32, 32),
        classes: int = 2,
        activation: str = "relu",
        lr: float = 0.01,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = MLP(in_features, tuple(hidden), classes, activation)
