"""What the LightningModules in ``kb.models`` share: cheap epoch-level logging, cheap hook calls and
the thin classifier step.

:class:`EpochMeans` — ``self.log`` costs 0.2-0.5 ms per call in
Lightning 2.6 (it builds metadata and moves the stored metric, deep-copying its metadata),
which is more than a whole training step of the small models here. Each step
therefore only *keeps* its (detached) values, with no arithmetic; on the stage's
last batch the batch-size-weighted means are computed (one ``stack`` per value) and
logged once, as ``{stage}_{name}``. The numbers are the same as
``self.log(..., on_epoch=True)`` would give, and they reach ``trainer.callback_metrics``
(and :class:`kb.training.LossHistory`) at the same time.

:class:`FastHookCalls` — Lightning records the name of the hook it is calling on the
module, twice per hook; this mixin makes that a plain attribute write (see the class).

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

__all__ = ["EpochMeans", "FastHookCalls", "SharedSteps", "LitClassifier", "accuracy"]


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


class FastHookCalls:
    """Mixin for a ``pl.LightningModule``: cheaper hook calls, same behaviour.

    Around every hook it calls (about 22 a training step), Lightning sets the module's
    ``_current_fx_name`` and restores it afterwards. ``nn.Module.__setattr__`` checks
    each value against ``Parameter``, ``Module`` and ``Buffer`` (Python-level
    ``isinstance`` hooks): 1.9 us a time against 0.2 us for a plain attribute, about
    75 us a step. The value is always a string or ``None``, which ``nn.Module`` stores
    in the instance ``__dict__``; this mixin puts it there directly.
    """

    def __setattr__(self, name: str, value) -> None:
        if name == "_current_fx_name":
            self.__dict__[name] = value
        else:
            super().__setattr__(name, value)


class _StageValues:
    """One stage's values of the current epoch, kept as they come (no arithmetic per step)."""

    __slots__ = ("expected", "sizes", "values")

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.sizes: list[int] = []
        self.values: dict[str, list[torch.Tensor]] = {}

    def add(self, batch_size: int, values: dict[str, torch.Tensor]) -> None:
        self.sizes.append(batch_size)
        for name, value in values.items():
            column = self.values.get(name)
            if column is None:
                column = self.values[name] = []
            column.append(value.detach())

    def means(self) -> tuple[dict[str, torch.Tensor], int]:
        """Batch-size-weighted means of every value, and the number of examples."""
        count = sum(self.sizes)
        means = {}
        for name, column in self.values.items():
            stacked = torch.stack(column)
            stacked = stacked.to(torch.promote_types(stacked.dtype, torch.float32))
            weights = torch.tensor(self.sizes, dtype=stacked.dtype, device=stacked.device)
            means[name] = (stacked * weights).sum() / count
        return means, count


class EpochMeans:
    """Mixin for a ``pl.LightningModule``: :meth:`log_epoch_means` logs once per epoch."""

    def _stage_batches(self, stage: str) -> int:
        trainer = self._trainer
        if stage == "train":
            batches = [trainer.num_training_batches]
        elif stage == "val":
            batches = trainer.num_sanity_val_batches if trainer.sanity_checking else trainer.num_val_batches
        else:
            batches = trainer.num_test_batches
        if len(batches) != 1 or not math.isfinite(batches[0]):
            return 1  # several loaders, or no length: log every step, Lightning averages
        return int(batches[0])

    def log_epoch_means(self, stage: str, batch_size: int, prog_bar: bool = True, **values: torch.Tensor) -> None:
        """Keep this batch's ``values`` (detached, not to be modified in place); on the stage's
        last batch log each batch-size-weighted mean as ``{stage}_{name}``."""
        if self._trainer is None:  # used outside a Trainer: nothing to log to
            return
        stages = self.__dict__.setdefault("_epoch_values", {})
        kept = stages.get(stage)
        if kept is None:  # the stage's first batch of the epoch: how many batches will come
            kept = stages[stage] = _StageValues(self._stage_batches(stage))
        kept.add(batch_size, values)
        if len(kept.sizes) >= kept.expected:
            del stages[stage]
            means, count = kept.means()
            for name, mean in means.items():
                self.log(f"{stage}_{name}", mean, on_step=False, on_epoch=True, prog_bar=prog_bar,
                         sync_dist=True, batch_size=count)

    def _reset_epoch_values(self, stage: str) -> None:
        self.__dict__.setdefault("_epoch_values", {}).pop(stage, None)

    # an epoch cut short (max_steps, an interrupted run) must not leak into the next one
    def on_train_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_values("train")

    def on_validation_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_values("val")

    def on_test_epoch_start(self) -> None:  # noqa: D102
        self._reset_epoch_values("test")


class LitClassifier(SharedSteps, EpochMeans, FastHookCalls, pl.LightningModule):
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
