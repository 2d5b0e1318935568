"""EpochMeans logs the same epoch values as Lightning's own per-step ``self.log``, once per epoch."""

import pytest

from kb.datasets.toy import ToyClassificationDataModule
from kb.models.mlp import LitMLP
from kb.training import LossHistory, make_trainer, seed_everything


class NativeLogging(LitMLP):
    """The same model logging every step through ``self.log(..., on_epoch=True)``."""

    def log_epoch_means(self, stage, batch_size, prog_bar=True, **values):
        for name, value in values.items():
            self.log(f"{stage}_{name}", value, on_step=False, on_epoch=True, batch_size=batch_size)


def _history(cls, **trainer_args):
    seed_everything(0)
    history = LossHistory()
    trainer = make_trainer(3, quiet=True, callbacks=[history], **trainer_args)
    model, data = cls(), ToyClassificationDataModule("moons", n=250, batch_size=32)  # last batch is smaller
    trainer.fit(model, datamodule=data)
    test = trainer.test(model, datamodule=data, verbose=False)[0]
    return history.history, test


def test_same_values_as_native_logging():
    ours, ours_test = _history(LitMLP)
    native, native_test = _history(NativeLogging)
    assert set(ours) == {"train_loss", "val_loss"} and len(ours["train_loss"]) == 3
    for name in ours:
        assert ours[name] == pytest.approx(native[name], rel=1e-6)
    assert ours_test == pytest.approx(native_test, rel=1e-6)


def test_limited_batches_still_log():
    ours, _ = _history(LitMLP, limit_train_batches=2, limit_val_batches=1)
    assert len(ours["train_loss"]) == 3 and len(ours["val_loss"]) == 3


class TwoValidationSets(LitMLP):
    def validation_step(self, batch, batch_idx, dataloader_idx=0):
        self._shared_step(batch, "val")


def test_several_validation_loaders_log_one_mean_each():
    from kb.datasets.base import TensorBatches

    seed_everything(0)
    data = ToyClassificationDataModule("moons", n=250, batch_size=32)
    data.setup("fit")
    x, y = data.val_set.tensors
    val = [TensorBatches((x[:20], y[:20]), 8), TensorBatches((x[20:], y[20:]), 8)]
    trainer = make_trainer(1, quiet=True)
    trainer.fit(TwoValidationSets(), TensorBatches(data.train_set.tensors, 32, shuffle=True), val)
    logged = trainer.callback_metrics
    assert {"val_loss/dataloader_idx_0", "val_loss/dataloader_idx_1", "val_acc/dataloader_idx_1"} <= set(logged)


def test_fast_hook_calls_store_the_hook_name_as_nn_module_would():
    import torch

    from kb.models.base import FastHookCalls

    model = LitMLP()
    assert isinstance(model, FastHookCalls)
    model._current_fx_name = "training_step"
    assert model.__dict__["_current_fx_name"] == "training_step" == model._current_fx_name
    model.extra = torch.nn.Parameter(torch.zeros(1))  # everything else still goes through nn.Module
    assert "extra" in dict(model.named_parameters())


def test_every_registered_model_uses_the_cheap_bookkeeping():
    from kb import registry
    from kb.models.base import EpochMeans, FastHookCalls

    for name in registry.names():
        model_cls, _ = registry.get(name).load("quick")
        assert issubclass(model_cls, EpochMeans) and issubclass(model_cls, FastHookCalls), name
