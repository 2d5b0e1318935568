"""Trainer factory and training helpers shared by every model in ``kb``.

:func:`make_trainer` returns a Lightning ``Trainer`` that picks the device itself
(``accelerator="auto"``), is deterministic (``deterministic="warn"``: on CUDA a few ops, such
as the backward pass of ``AdaptiveAvgPool2d``, have no deterministic kernel and warn instead
of failing), and, when ``quiet`` (the default while the docs are built, ``KB_QUIET=1``),
prints no banners, tips or progress bars.
:func:`plain_fit` is what ``trainer.fit`` does for these models, written out as a
plain PyTorch loop (the docs compare the two; ``benchmarks/kb_train_overhead.py``
times them).
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable
from typing import Any

import pytorch_lightning as pl
import torch

__all__ = [
    "make_trainer",
    "plain_fit",
    "seed_everything",
    "LossHistory",
    "AccuracyHistory",
    "quiet_lightning",
    "is_quiet",
]

_LIGHTNING_LOGGERS = ("pytorch_lightning", "lightning", "lightning.pytorch", "lightning.fabric", "lightning_fabric")


def is_quiet() -> bool:
    """True when ``KB_QUIET`` is set to a true value (the docs build sets it)."""
    return os.environ.get("KB_QUIET", "").strip().lower() in {"1", "true", "yes", "on"}


def quiet_lightning() -> None:
    """Silence Lightning's info logs (GPU banners, tips) and its advisory warnings (including
    the one ``self.log`` gives in :func:`plain_fit`, where no Trainer is attached)."""
    for name in _LIGHTNING_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message=r".*does not have many workers.*")
    warnings.filterwarnings("ignore", message=r".*number of training batches.*")
    warnings.filterwarnings("ignore", message=r".*`isinstance\(treespec, LeafSpec\)` is deprecated.*")
    warnings.filterwarnings(
        "ignore", message=r".*`self\.log\(\)` but the `self\.trainer` reference is not registered.*"
    )


def seed_everything(seed: int) -> int:
    """Seed Python, NumPy and torch (quietly) and make torch algorithms deterministic."""
    quiet_lightning()
    torch.use_deterministic_algorithms(True, warn_only=True)
    return pl.seed_everything(seed, workers=True, verbose=False)


class LossHistory(pl.Callback):
    """Record the epoch-level value of every logged ``*_loss`` metric (and any others named).

    After ``trainer.fit`` the attribute ``history`` maps a metric name such as
    ``"train_loss"`` to a list with one float per epoch. ``metrics=("loss", "acc")``
    also keeps ``train_acc`` and ``val_acc``: every logged ``{stage}_{metric}``.
    """

    def __init__(self, metrics: Iterable[str] = ("loss",)) -> None:
        self.suffixes = tuple(f"_{m}" for m in metrics)
        self.history: dict[str, list[float]] = {}

    def _record(self, trainer: pl.Trainer, prefix: str) -> None:
        if trainer.sanity_checking:
            return
        for name, value in trainer.callback_metrics.items():
            if name.startswith(prefix) and name.endswith(self.suffixes):
                self.history.setdefault(name, []).append(float(value))

    def on_train_epoch_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        self._record(trainer, "train")

    def on_validation_epoch_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        self._record(trainer, "val")


class AccuracyHistory(pl.Callback):
    """Accuracy of the module's arg-max predictions on a fixed labelled set ``(x, y)`` after
    every training epoch, in ``history`` (one float per epoch).

    The module is evaluated in eval mode without gradients and then put back, so training
    is unaffected (no random numbers are drawn). Meant for a monitoring set that is neither
    the validation set the run is judged on nor the test set.
    """

    def __init__(self, x: torch.Tensor, y: torch.Tensor) -> None:
        self.x, self.y = x, y
        self.history: list[float] = []

    def on_train_epoch_end(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        was_training = pl_module.training
        pl_module.eval()
        with torch.no_grad():
            predicted = pl_module(self.x.to(pl_module.device)).argmax(dim=-1).cpu()
        pl_module.train(was_training)
        self.history.append(float((predicted == self.y).float().mean()))


def make_trainer(
    max_epochs: int,
    *,
    callbacks: Iterable[pl.Callback] = (),
    quiet: bool | None = None,
    **overrides: Any,
) -> pl.Trainer:
    """A ``Trainer`` with the project's defaults; any Trainer option may be overridden."""
    quiet = is_quiet() if quiet is None else quiet
    if quiet:
        quiet_lightning()
    options: dict[str, Any] = {
        "max_epochs": max_epochs,
        "accelerator": "auto",
        "devices": 1,
        "deterministic": "warn",  # deterministic kernels; on CUDA, ops without one warn instead of failing
        "logger": False,
        "enable_checkpointing": False,
        "enable_model_summary": not quiet,
        "enable_progress_bar": not quiet,
        "callbacks": list(callbacks),
    }
    options.update(overrides)
    return pl.Trainer(**options)


# --8<-- [start:plain_fit]
def plain_fit(module: pl.LightningModule, datamodule: pl.LightningDataModule, max_epochs: int) -> None:
    """Train ``module`` as ``trainer.fit`` would, in a plain PyTorch loop on the CPU.

    Each epoch: one pass over the training batches (forward, backward, optimizer step),
    then a validation pass without gradients. The module's own ``training_step`` and
    ``validation_step`` do the work, so with the same seed the weights match Lightning's
    (``tests/kb/test_training.py`` checks it). Nothing is logged: without a Trainer,
    ``self.log`` returns at once (:func:`quiet_lightning` silences its warning about that).
    A module with ``automatic_optimization = False`` (the GAN) steps its own optimizers;
    it gets them from ``self.optimizers()`` and calls ``self.manual_backward(loss)``,
    which here mean the plain optimizers and ``loss.backward()``.
    """
    if max_epochs < 0:
        raise ValueError(f"max_epochs must be >= 0, got {max_epochs}")
    optimizers = module.configure_optimizers()
    optimizers = list(optimizers) if isinstance(optimizers, (list, tuple)) else [optimizers]
    manual = not module.automatic_optimization
    if manual:  # instance attributes, removed again below
        module.optimizers = lambda: optimizers if len(optimizers) > 1 else optimizers[0]
        module.manual_backward = lambda loss: loss.backward()
    try:
        datamodule.setup("fit")
        train_loader, val_loader = datamodule.train_dataloader(), datamodule.val_dataloader()
        for _ in range(max_epochs):
            module.train()
            for i, batch in enumerate(train_loader):
                if manual:
                    module.training_step(batch, i)
                    continue
                loss = module.training_step(batch, i)
                optimizers[0].zero_grad()
                loss.backward()
                optimizers[0].step()
            module.eval()
            with torch.no_grad():
                for i, batch in enumerate(val_loader):
                    module.validation_step(batch, i)
    finally:
        if manual:
            del module.optimizers, module.manual_backward
        module.train()


# --8<-- [end:plain_fit]
