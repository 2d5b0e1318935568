"""What the LightningModules in ``kb.models`` share, written the way Lightning's own examples are.

Each model module holds a plain ``nn.Module`` and a thin LightningModule around it. The
LightningModule computes its loss (and metrics) in one ``_shared_step(batch, stage)`` and
logs them with ``self.log_dict(stage_metrics(stage, loss, ...), on_step=False, on_epoch=True,
batch_size=...)``: Lightning keeps the batch-size-weighted mean of the epoch and puts it
in ``trainer.callback_metrics`` (where :class:`kb.training.LossHistory` reads it).

* :func:`stage_metrics` — what a step logs: a training step only its loss, a validation or
  test step its other metrics too (accuracy, ...). Each ``self.log`` value costs Lightning
  about 0.4 ms a step (``benchmarks/kb_train_overhead.py``), more than a whole training step
  of most models here, and held-out metrics are what the chapters read;
* :class:`SharedSteps` — the three one-line steps (train, validation, test) around
  ``_shared_step``, written once;
* :class:`LitClassifier` — a subclass builds its plain ``nn.Module`` as ``self.model`` in
  ``__init__`` (after ``save_hyperparameters()``, with an ``lr`` hyper-parameter); this class
  adds softmax cross-entropy and accuracy, logged as ``{stage}_loss`` and ``{stage}_acc``
  (validation and test),
  and an Adam optimizer. Logits of shape ``(batch, time, classes)`` with targets
  ``(batch, time)`` (one label per token) are flattened first.
"""

from __future__ import annotations

import pytorch_lightning as pl
import torch

from kb.losses import cross_entropy

__all__ = ["SharedSteps", "LitClassifier", "accuracy", "stage_metrics"]


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Fraction of rows whose arg-max equals the target."""
    return (logits.argmax(dim=-1) == target).float().mean()


def stage_metrics(stage: str, loss: torch.Tensor, **held_out: torch.Tensor) -> dict[str, torch.Tensor]:
    """The values a ``stage`` step logs: ``{stage}_loss``, and ``{stage}_{name}`` for each of
    ``held_out`` unless the stage is ``train``.

    >>> sorted(stage_metrics("train", 1.0, acc=0.5)), sorted(stage_metrics("val", 1.0, acc=0.5))
    (['train_loss'], ['val_acc', 'val_loss'])
    """
    values = {f"{stage}_loss": loss}
    if stage != "train":
        values.update({f"{stage}_{name}": value for name, value in held_out.items()})
    return values


class SharedSteps:
    """Mixin for a ``pl.LightningModule`` whose train, validation and test steps are one
    ``_shared_step(batch, stage)`` that returns the loss and logs ``f"{stage}_loss"``."""

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        self._shared_step(batch, "val")

    def test_step(self, batch, batch_idx):
        self._shared_step(batch, "test")


class LitClassifier(SharedSteps, pl.LightningModule):
    """Cross-entropy training of ``self.model``; logs loss and accuracy per stage."""

    model: torch.nn.Module

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.model(x)

    def _shared_step(self, batch: tuple[torch.Tensor, torch.Tensor], stage: str) -> torch.Tensor:
        x, y = batch
        logits = self.model(x)
        if logits.ndim == 3:  # one prediction per position
            logits, y = logits.reshape(-1, logits.shape[-1]), y.reshape(-1)
        loss = cross_entropy(logits, y)
        self.log_dict(
            stage_metrics(stage, loss, acc=accuracy(logits, y)),
            on_step=False,
            on_epoch=True,
            prog_bar=True,
            batch_size=len(y),
        )
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
