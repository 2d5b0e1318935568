"""Logistic regression: a linear score squashed by the sigmoid, trained on binary cross-entropy.

``p(y=1 | x) = sigmoid(x @ w + b)``. The hand-derived gradient ``X^T (p - y) / n``
lives in :mod:`kb.backprop` and is checked against autograd; here Lightning and
autograd do the work.

>>> import torch
>>> model = LogisticRegression(in_features=2)
>>> model(torch.zeros(3, 2)).shape   # one score (logit) per row
torch.Size([3])
"""

from __future__ import annotations

import pytorch_lightning as pl
import torch
from torch import nn

from kb.losses import binary_cross_entropy_with_logits
from kb.models.base import SharedSteps, stage_metrics

__all__ = ["LogisticRegression", "LitLogisticRegression"]


class LogisticRegression(nn.Module):
    """Scores ``z = x @ w + b`` for inputs ``(batch, in_features)``; ``sigmoid(z)`` is ``p(y=1|x)``."""

    def __init__(self, in_features: int = 2) -> None:
        super().__init__()
        self.linear = nn.Linear(in_features, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != self.linear.in_features:
            raise ValueError(f"expected input of shape (batch, {self.linear.in_features}), got {tuple(x.shape)}")
        return self.linear(x).squeeze(-1)

    def predict_proba(self, x: torch.Tensor) -> torch.Tensor:
        """``p(y=1 | x)`` for each row."""
        return torch.sigmoid(self(x))


class LitLogisticRegression(SharedSteps, pl.LightningModule):
    """Mini-batch training on the mean binary cross-entropy; logs loss and accuracy."""

    def __init__(self, in_features: int = 2, lr: float = 0.1) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = LogisticRegression(in_features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)

    def _shared_step(self, batch: tuple[torch.Tensor, torch.Tensor], stage: str) -> torch.Tensor:
        x, y = batch
        z = self.model(x)
        loss = binary_cross_entropy_with_logits(z, y.float())
        acc = ((z > 0).long() == y).float().mean()
        self.log_dict(
            stage_metrics(stage, loss, acc=acc), on_step=False, on_epoch=True, prog_bar=True, batch_size=len(y)
        )
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)
