"""Linear regression trained by gradient descent on the mean squared error.

The model is a plain ``nn.Module``; :class:`LitLinearRegression` wraps it for Lightning.
:func:`closed_form` solves the normal equations, the answer gradient descent should reach.
"""

from __future__ import annotations

import pytorch_lightning as pl
import torch
from torch import nn

from kb.losses import mse
from kb.models.base import SharedSteps

__all__ = ["LinearRegression", "LitLinearRegression", "closed_form"]


class LinearRegression(nn.Module):
    """``y_hat = x @ w + b`` for inputs of shape ``(batch, in_features)``."""

    def __init__(self, in_features: int = 1) -> None:
        super().__init__()
        self.linear = nn.Linear(in_features, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != self.linear.in_features:
            raise ValueError(f"expected input of shape (batch, {self.linear.in_features}), got {tuple(x.shape)}")
        return self.linear(x).squeeze(-1)


def closed_form(x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Least-squares weights and bias from the normal equations ``[x 1]^T [x 1] θ = [x 1]^T y``."""
    design = torch.cat([x, torch.ones(x.shape[0], 1, dtype=x.dtype)], dim=1).double()
    theta = torch.linalg.lstsq(design, y.double().unsqueeze(1)).solution.squeeze(1)
    return theta[:-1].to(x.dtype), theta[-1].to(x.dtype)


class LitLinearRegression(SharedSteps, pl.LightningModule):
    """Gradient descent (``torch.optim.SGD`` over full batches) on the MSE loss."""

    def __init__(self, in_features: int = 1, lr: float = 0.1) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = LinearRegression(in_features)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)

    def _shared_step(self, batch: tuple[torch.Tensor, torch.Tensor], stage: str) -> torch.Tensor:
        x, y = batch
        loss = mse(self.model(x), y)
        self.log(f"{stage}_loss", loss, on_step=False, on_epoch=True, prog_bar=stage == "train", batch_size=len(y))
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.SGD(self.parameters(), lr=self.hparams.lr)
