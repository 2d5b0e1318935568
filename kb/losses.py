"""Loss functions written from their formulas (checked against ``torch.nn.functional``).

Conventions (the articles mix them up):

* ``mse(y_hat, y)`` is :math:`\\frac{1}{n}\\sum_i (y_i-\\hat y_i)^2` (what ``F.mse_loss`` computes);
  ``half_mse`` is :math:`\\frac{1}{2n}\\sum_i (y_i-\\hat y_i)^2`, whose gradient has no factor 2.
* ``binary_cross_entropy(p, y)`` is the *mean* over samples of
  :math:`-[y\\log p + (1-y)\\log(1-p)]`; ``sum_cross_entropy`` is the sum form
  :math:`-\\sum_i y_i \\log \\hat y_i` that the articles print.
* ``binary_cross_entropy_with_logits(z, y)`` is the same loss from raw scores
  :math:`z` (``p = sigmoid(z)``), computed stably as :math:`\\max(z,0) - zy + \\log(1+e^{-|z|})`.
* ``categorical_cross_entropy(p, y)`` is :math:`-\\frac{1}{n}\\sum_i\\sum_k y_{ik}\\log p_{ik}` for
  probabilities ``p`` (rows sum to 1) and one-hot ``y``: the batch mean of ``sum_cross_entropy``.
* ``cross_entropy(logits, target)`` is softmax + negative log-likelihood, averaged; it equals
  ``categorical_cross_entropy(softmax(logits), one_hot(target))``.

All logarithms are natural.

>>> import torch
>>> float(mse(torch.tensor([190., 310., 410.]), torch.tensor([200., 300., 400.])))
100.0
"""

from __future__ import annotations

import torch

__all__ = [
    "mse",
    "half_mse",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "sum_cross_entropy",
    "categorical_cross_entropy",
    "cross_entropy",
    "LossShapeError",
]


class LossShapeError(ValueError):
    """Predictions and targets do not have compatible shapes."""


def _same_shape(a: torch.Tensor, b: torch.Tensor, what: str) -> None:
    if a.shape != b.shape:
        raise LossShapeError(f"{what}: prediction shape {tuple(a.shape)} != target shape {tuple(b.shape)}")
    if a.numel() == 0:
        raise LossShapeError(f"{what}: empty input")


def mse(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean squared error, ``mean((y - y_hat)**2)``."""
    _same_shape(y_hat, y, "mse")
    return ((y - y_hat) ** 2).mean()


def half_mse(y_hat: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Half the mean squared error, ``mean((y - y_hat)**2) / 2``."""
    return mse(y_hat, y) / 2


def binary_cross_entropy(p: torch.Tensor, y: torch.Tensor, eps: float = 1e-12) -> torch.Tensor:
    """Mean binary cross-entropy of probabilities ``p`` against 0/1 targets ``y``."""
    _same_shape(p, y, "binary_cross_entropy")
    p = p.clamp(eps, 1 - eps)
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()


def binary_cross_entropy_with_logits(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy of ``sigmoid(z)`` against 0/1 targets, from the scores ``z``.

    ``-[y log s(z) + (1-y) log(1-s(z))]`` simplifies to ``max(z, 0) - z*y + log(1 + exp(-|z|))``,
    which never takes the log of 0 however large ``|z|`` is.
    """
    _same_shape(z, y, "binary_cross_entropy_with_logits")
    return (z.clamp_min(0) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()


def sum_cross_entropy(p: torch.Tensor, y: torch.Tensor, eps: float = 1e-12) -> torch.Tensor:
    """The sum form ``-sum(y * log(p))`` over every element (no averaging)."""
    _same_shape(p, y, "sum_cross_entropy")
    return -(y * torch.log(p.clamp_min(eps))).sum()


def categorical_cross_entropy(p: torch.Tensor, y: torch.Tensor, eps: float = 1e-12) -> torch.Tensor:
    """Batch mean of ``-sum_k y_k log p_k`` for probabilities ``p`` and one-hot targets ``y``.

    Both have shape ``(batch, classes)``.

    >>> import torch
    >>> p = torch.tensor([[0.5, 0.5], [0.9, 0.1]])
    >>> y = torch.tensor([[1.0, 0.0], [1.0, 0.0]])
    >>> round(float(categorical_cross_entropy(p, y)), 4)
    0.3993
    """
    _same_shape(p, y, "categorical_cross_entropy")
    if p.ndim != 2:
        raise LossShapeError(f"categorical_cross_entropy: expected (batch, classes), got {tuple(p.shape)}")
    return -(y * torch.log(p.clamp_min(eps))).sum(dim=1).mean()


def cross_entropy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Softmax cross-entropy averaged over a batch.

    ``logits`` has shape ``(batch, classes)``; ``target`` holds class indices ``(batch,)``.
    Uses the log-sum-exp trick, so large logits do not overflow.
    """
    if logits.ndim != 2 or target.ndim != 1 or logits.shape[0] != target.shape[0]:
        raise LossShapeError(
            f"cross_entropy: expected logits (batch, classes) and targets (batch,), "
            f"got {tuple(logits.shape)} and {tuple(target.shape)}"
        )
    if logits.shape[0] == 0:
        raise LossShapeError("cross_entropy: empty batch")
    if target.numel() and (target.min() < 0 or target.max() >= logits.shape[1]):
        raise LossShapeError(
            f"cross_entropy: class indices must be in [0, {logits.shape[1]}), "
            f"got values in [{int(target.min())}, {int(target.max())}]"
        )
    shifted = logits - logits.max(dim=1, keepdim=True).values
    log_probs = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
    return -log_probs.gather(1, target.long().unsqueeze(1)).mean()
