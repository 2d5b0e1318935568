"""The GPU path: every model trains a few steps on CUDA, and mixed precision works.

Marked ``gpu``: on a machine where torch sees no CUDA device these tests are deselected
before the run (``tests/conftest.py``), never skipped inside it. Run them with
``pytest -m gpu`` (the docs workflow does, on the project's GPU runners).
"""

from __future__ import annotations

import math

import pytest
import pytorch_lightning as pl
import torch

from kb import registry
from kb.train_cli import fit

pytestmark = pytest.mark.gpu

FEW_STEPS = {"max_steps": 3, "limit_val_batches": 1, "limit_test_batches": 1, "num_sanity_val_steps": 0}


class DeviceProbe(pl.Callback):
    """Records where each training batch and the module's parameters were, and whether autocast was on."""

    def __init__(self) -> None:
        self.batches: set[str] = set()
        self.parameters: set[str] = set()
        self.autocast: set[bool] = set()
        self._hook = None

    def on_train_start(self, trainer: pl.Trainer, pl_module: pl.LightningModule) -> None:
        def record(module, inputs, output):
            self.autocast.add(torch.is_autocast_enabled("cuda"))

        first = next(m for m in pl_module.modules() if isinstance(m, torch.nn.Linear | torch.nn.Conv2d))
        self._hook = first.register_forward_hook(record)

    def on_train_batch_start(self, trainer, pl_module, batch, batch_idx) -> None:
        self.batches.update(t.device.type for t in batch if isinstance(t, torch.Tensor))
        self.parameters.update(p.device.type for p in pl_module.parameters())

    def on_train_end(self, trainer, pl_module) -> None:
        self._hook.remove()


def _train(name: str, precision: str = "32-true") -> tuple[dict, DeviceProbe]:
    probe = DeviceProbe()
    run = fit(
        name,
        device="gpu",
        quiet=True,
        callbacks=[probe],
        overrides={"trainer": {**FEW_STEPS, "precision": precision}, "model": {}, "data": {}},
    )
    return run.result, probe


@pytest.mark.parametrize("name", registry.names())
def test_every_model_trains_on_the_gpu(name: str) -> None:
    result, probe = _train(name)
    assert result["device"].startswith("cuda")
    assert probe.batches == {"cuda"} and probe.parameters == {"cuda"} and probe.autocast == {False}
    assert result["metrics"] and all(math.isfinite(v) for v in result["metrics"].values()), result["metrics"]


def _precisions():
    yield "16-mixed"
    if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
        yield "bf16-mixed"


@pytest.mark.parametrize("precision", list(_precisions()))
@pytest.mark.parametrize("name", ["cnn", "transformer", "gan"])  # convolutions, attention, manual optimization
def test_mixed_precision_runs_under_autocast(name: str, precision: str) -> None:
    result, probe = _train(name, precision)
    assert probe.autocast == {True} and probe.batches == {"cuda"}
    assert result["metrics"] and all(math.isfinite(v) for v in result["metrics"].values()), result["metrics"]
