"""Batch normalisation and layer normalisation from their formulas.

Both standardise activations and then rescale them with learned ``gamma`` and ``beta``:

* **batch norm** (Ioffe & Szegedy, 2015) standardises each *feature* over the *batch*
  while training and keeps running averages of the batch statistics for evaluation;
* **layer norm** (Ba, Kiros & Hinton, 2016) standardises each *sample* over its own
  features, the same way in training and evaluation (what Transformers use).

Tests compare them with ``torch.nn.BatchNorm1d`` and ``torch.nn.LayerNorm``.

>>> import torch
>>> layer_norm(torch.tensor([[1.0, 2.0, 3.0, 4.0]]), eps=0.0).round(decimals=4)
tensor([[-1.3416, -0.4472,  0.4472,  1.3416]])
"""

from __future__ import annotations

import torch
from torch import nn

__all__ = ["batch_norm", "layer_norm", "BatchNorm", "LayerNorm"]


def batch_norm(
    x: torch.Tensor, gamma: torch.Tensor | None = None, beta: torch.Tensor | None = None, eps: float = 1e-5
) -> torch.Tensor:
    """``gamma * (x - mean) / sqrt(var + eps) + beta`` with the mean and (biased) variance of
    each column of ``x (batch, features)`` over the batch."""
    mean = x.mean(dim=0)
    var = x.var(dim=0, unbiased=False)
    return _affine((x - mean) / torch.sqrt(var + eps), gamma, beta)


def layer_norm(
    x: torch.Tensor, gamma: torch.Tensor | None = None, beta: torch.Tensor | None = None, eps: float = 1e-5
) -> torch.Tensor:
    """The same standardisation over the last dimension of ``x`` (each sample on its own)."""
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, unbiased=False, keepdim=True)
    return _affine((x - mean) / torch.sqrt(var + eps), gamma, beta)


def _affine(z: torch.Tensor, gamma: torch.Tensor | None, beta: torch.Tensor | None) -> torch.Tensor:
    if gamma is not None:
        z = z * gamma
    if beta is not None:
        z = z + beta
    return z


class BatchNorm(nn.Module):
    """Batch norm for ``(batch, features)`` with running statistics, as ``nn.BatchNorm1d`` keeps them.

    Training uses the batch's statistics and updates ``running = (1 - momentum) * running +
    momentum * batch`` (the running variance uses the unbiased batch variance); evaluation uses
    the running statistics.
    """

    def __init__(self, features: int, eps: float = 1e-5, momentum: float = 0.1) -> None:
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.gamma = nn.Parameter(torch.ones(features))
        self.beta = nn.Parameter(torch.zeros(features))
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_var", torch.ones(features))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training:
            z = (x - self.running_mean) / torch.sqrt(self.running_var + self.eps)
            return _affine(z, self.gamma, self.beta)
        with torch.no_grad():
            m = self.momentum
            self.running_mean.mul_(1 - m).add_(m * x.mean(dim=0))
            self.running_var.mul_(1 - m).add_(m * x.var(dim=0, unbiased=True))
        return batch_norm(x, self.gamma, self.beta, self.eps)


class LayerNorm(nn.Module):
    """Layer norm over the last dimension (``features`` wide), as ``nn.LayerNorm(features)``."""

    def __init__(self, features: int, eps: float = 1e-5) -> None:
        super().__init__()
        self.eps = eps
        self.gamma = nn.Parameter(torch.ones(features))
        self.beta = nn.Parameter(torch.zeros(features))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return layer_norm(x, self.gamma, self.beta, self.eps)
