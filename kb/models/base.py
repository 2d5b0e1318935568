"""What the LightningModules in ``kb.models`` share: cheap epoch-level logging and
the thin classifier step.

:class:`EpochMeans` — ``self.log`` costs about half a millisecond per call in
Lightning 2.6 (it builds metadata, extracts the batch size, moves the running sum),
which is more than a whole training step of the small models here. Each step
therefore only *adds* its values to running sums; on the stage's last batch the
batch-size-weighted means are logged once, as ``{stage}_{name}``. The numbers are
the same as ``self.log(..., on_epoch=True)`` would give, and they reach
``trainer.callback_metrics`` (and :class:`kb.training.LossHistory`) at the same time.

:class:`LitClassifier` — a subclass builds its plain ``nn.Module`` as ``self.model``
in ``__init__`` (after ``save_hyperparameters()``, with an ``lr`` hyper-parameter);
this class adds the one shared step — softmax cross-entropy and accuracy, logged as
``{stage}_loss`` and ``{stage}_acc`` — and an Adam optimizer. Logits of shape
``(batch, time, classes)`` with targets ``(batch, time)`` (one label per token) are
flattened first.
"""

from __future__ import annotations

import math

import pytorch_lightning as pl
import torch

from kb.losses import cross_entropy

__all__ = ["EpochMeans", "SharedSteps", "LitClassifier", "accuracy"]


def accuracy(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Fraction of rows whose arg-max equals the target."""
    return (logits.argmax(dim=-1) == target).float().mean()


class SharedSteps:
    """Mixin for a ``pl.LightningModule`` whose train, validation and test steps are one
    ``_shared_step(batch, stage)`` that returns the loss and logs ``f"{stage}_loss"``."""

    def training_step(self, batch, batch_idx):  # noqa: D102
        return self._shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):  # noqa: D102
        self._shared_step(batch, "val")

    def test_step(self, batch, batch_idx):  # noqa: D102
        self._shared_step(batch, "test")


class EpochMeans:
    """Mixin for a ``pl.LightningModule``: :meth:`log_epoch_means` logs once per epoch."""

    def _stage_batches(self, stage: str) -> float:
        trainer = self._trainer
        if stage == "train":
            return trainer.num_training_batches
        if stage == "val":
            batches = trainer.num_sanity_val_batches if trainer.sanity_checking else trainer.num_val_batches
        else:
            batches = trainer.num_test_batches
        return batches[0] if len(batches) == 1 else math.inf  # several loaders: log every step

    def log_epoch_means(self, stage: str, batch_size: int, prog_bar: bool = True, **values: torch.Tensor) -> None:
        """Add this batch's ``values``; on the stage's last batch log each mean as ``{stage}_{name}``."""
        if self._trainer is None:  # used outside a Trainer: nothing to log to
            return
        sums, count = self.__dict__.setdefault("_epoch_sums", {}).get(stage, ({}, 0))
        for name, value in values.items():
            sums[name] = sums.get(name, 0.0) + value.detach() * batch_size
        count += batch_size
        self._epoch_sums[stage] = (sums, count)
        batches = self.__dict__.setdefault("_epoch_batches", {})
        batches[stage] = batches.get(stage, 0) + 1
        if batches[stage] >= self._stage_batches(stage):
            for name, total in sums.items():
                self.log(f"{stage}_{name}", total / count, on_step=False, on_epoch=True, prog_bar=prog_bar,
                         sync_dist=True, batch_size=count)
            self._reset_epoch_sums(stage)

    def _reset_epoch_sums(self, stage: str) -> None:
        self.__dict__.setdefault("_epoch_sums", {}).pop(stage, None)
        self.__dict__.setdefault("_epoch_batches", {}).pop(stage, None)

    # an epoch cut short (max_steps, an interrupted run) must not leak into the next one
    def on_train_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_sums("train")

    def on_validation_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_sums("val")

    def on_test_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_sums("test")


class LitClassifier(SharedSteps, EpochMeans, pl.LightningModule):
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
        self.log_epoch_means(stage, len(y), loss=loss, acc=accuracy(logits, y))
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
