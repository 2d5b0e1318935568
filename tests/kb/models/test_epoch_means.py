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
