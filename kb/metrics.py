"""Classification results beyond one accuracy number: predictions, the confusion matrix
and the examples a model gets wrong.

>>> import torch
>>> confusion_matrix(torch.tensor([0, 1, 1, 2]), torch.tensor([0, 1, 2, 2]), classes=3).tolist()
[[1, 0, 0], [0, 1, 0], [0, 1, 1]]
"""

from __future__ import annotations

import torch

__all__ = ["predict", "confusion_matrix", "misclassified"]


@torch.no_grad()
def predict(model: torch.nn.Module, x: torch.Tensor, batch_size: int = 512) -> torch.Tensor:
    """Arg-max class of ``model(x)`` for every row of ``x`` (evaluation mode, no gradients)."""
    was_training = model.training
    model.eval()
    try:
        device = next(model.parameters()).device
        return torch.cat(
            [model(x[i : i + batch_size].to(device)).argmax(dim=-1).cpu() for i in range(0, len(x), batch_size)]
        )
    finally:
        model.train(was_training)


def confusion_matrix(predicted: torch.Tensor, target: torch.Tensor, classes: int) -> torch.Tensor:
    """``(classes, classes)`` counts: row = true class, column = predicted class."""
    if predicted.shape != target.shape or predicted.ndim != 1:
        raise ValueError(
            f"expected two 1-D tensors of the same length, got {tuple(predicted.shape)} and {tuple(target.shape)}"
        )
    if len(target) and (min(predicted.min(), target.min()) < 0 or max(predicted.max(), target.max()) >= classes):
        raise ValueError(f"class indices must be in [0, {classes})")
    counts = torch.bincount(target.long() * classes + predicted.long(), minlength=classes * classes)
    return counts.reshape(classes, classes)


def misclassified(predicted: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Indices of the examples whose prediction differs from the target, in order."""
    return (predicted != target).nonzero().flatten()
