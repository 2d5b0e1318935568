"""Classification results beyond one accuracy number: predictions, the confusion matrix,
precision, recall and F1, the ROC curve and its area, and the examples a model gets wrong.

For a class ``k`` of a confusion matrix ``C`` (row = true class, column = prediction):
``TP = C[k, k]``, ``FP`` = the rest of column ``k``, ``FN`` = the rest of row ``k``;
precision ``TP/(TP + FP)``, recall ``TP/(TP + FN)``, F1 their harmonic mean
``2PR/(P + R) = 2TP/(2TP + FP + FN)`` (0 where a denominator is 0, as scikit-learn reports).
The ROC curve of scores ``s`` for binary labels plots the true-positive rate against the
false-positive rate as the threshold falls from above every score to below every score;
its area (AUC) is the probability that a random positive scores above a random negative.

>>> import torch
>>> confusion_matrix(torch.tensor([0, 1, 1, 2]), torch.tensor([0, 1, 2, 2]), classes=3).tolist()
[[1, 0, 0], [0, 1, 0], [0, 1, 1]]
>>> precision_recall_f1(torch.tensor([[30, 20], [10, 40]]))["f1"].tolist()  # class 0, class 1
[0.6666666865348816, 0.7272727489471436]
"""

from __future__ import annotations

import torch

__all__ = ["predict", "confusion_matrix", "precision_recall_f1", "roc_curve", "auc", "misclassified"]


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


def precision_recall_f1(confusion: torch.Tensor) -> dict[str, torch.Tensor]:
    """Per-class ``precision``, ``recall``, ``f1`` and ``support`` (true count) of a square confusion matrix."""
    if confusion.ndim != 2 or confusion.shape[0] != confusion.shape[1]:
        raise ValueError(f"expected a square confusion matrix, got shape {tuple(confusion.shape)}")
    c = confusion.double()
    tp = c.diagonal()
    predicted, actual = c.sum(dim=0), c.sum(dim=1)

    def ratio(num: torch.Tensor, den: torch.Tensor) -> torch.Tensor:
        return torch.where(den > 0, num / den.clamp(min=1), torch.zeros_like(num)).float()

    return {
        "precision": ratio(tp, predicted),
        "recall": ratio(tp, actual),
        "f1": ratio(2 * tp, predicted + actual),
        "support": actual.long(),
    }


def roc_curve(scores: torch.Tensor, labels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """``(fpr, tpr, thresholds)``: one point per distinct score (predict positive when ``score >= threshold``),
    starting at ``(0, 0)`` with threshold ``+inf``. ``labels`` are 0/1 and contain both classes."""
    if scores.shape != labels.shape or scores.ndim != 1:
        raise ValueError(
            f"expected two 1-D tensors of the same length, got {tuple(scores.shape)} and {tuple(labels.shape)}"
        )
    positives = int(labels.sum())
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("the ROC curve needs both positive and negative labels")
    order = torch.argsort(scores.double(), descending=True, stable=True)
    s, y = scores.double()[order], labels.double()[order]
    last = torch.cat([s[1:] != s[:-1], torch.tensor([True])])  # the last row of each run of equal scores
    tp, fp = y.cumsum(0)[last], (1 - y).cumsum(0)[last]
    zero = torch.zeros(1, dtype=torch.float64)
    thresholds = torch.cat([torch.tensor([float("inf")], dtype=torch.float64), s[last]])
    return torch.cat([zero, fp / negatives]), torch.cat([zero, tp / positives]), thresholds


def auc(fpr: torch.Tensor, tpr: torch.Tensor) -> float:
    """Area under a curve given by its points, by the trapezoidal rule (``fpr`` increasing)."""
    return float(torch.trapezoid(tpr.double(), fpr.double()))
