"""A small multi-layer perceptron: ``Linear -> activation -> ... -> Linear`` (logits).

Three regularisers are options (the generalisation chapter compares them): ``dropout``
(an ``nn.Dropout`` after every hidden activation), ``weight_decay`` (an L2 penalty
``weight_decay / 2 * ||w||^2``: Adam's ``weight_decay`` adds ``weight_decay * w`` to every
gradient) and ``jitter`` (data augmentation: Gaussian noise of that std added to the
training inputs in every training step, :func:`kb.datasets.augment.jitter`).

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

from kb.datasets.augment import jitter
from kb.models.base import LitClassifier

__all__ = ["MLP", "LitMLP"]

_ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


class MLP(nn.Module):
    """Fully connected network for inputs ``(batch, in_features)``; returns ``(batch, classes)`` logits."""

    def __init__(
        self,
        in_features: int = 2,
        hidden: Sequence[int] = (32, 32),
        classes: int = 2,
        activation: str = "relu",
        dropout: float = 0.0,
    ) -> None:
        super().__init__()
        if activation not in _ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; expected one of {sorted(_ACTIVATIONS)}")
        if not 0 <= dropout < 1:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        self.in_features = in_features
        layers: list[nn.Module] = []
        width = in_features
        for h in hidden:
            layers += [nn.Linear(width, h), _ACTIVATIONS[activation]()]
            if dropout:
                layers.append(nn.Dropout(dropout))  # active in train(), the identity in eval()
            width = h
        layers.append(nn.Linear(width, classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != self.in_features:
            raise ValueError(f"expected input of shape (batch, {self.in_features}), got {tuple(x.shape)}")
        return self.net(x)


class LitMLP(LitClassifier):
    """Cross-entropy + Adam around :class:`MLP`, with the optional regularisers of the module docstring."""

    def __init__(
        self,
        in_features: int = 2,
        hidden: Sequence[int] = (32, 32),
        classes: int = 2,
        activation: str = "relu",
        lr: float = 0.01,
        dropout: float = 0.0,
        weight_decay: float = 0.0,
        jitter: float = 0.0,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = MLP(in_features, tuple(hidden), classes, activation, dropout)

    def training_step(self, batch, batch_idx):
        x, y = batch
        if self.hparams.jitter:  # fresh noise on every training input, every step
            x = jitter(x, self.hparams.jitter)
        return self._shared_step((x, y), "train")

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
