"""kb.training.plain_fit: the loop ``trainer.fit`` runs, written out, trains the same weights."""

from __future__ import annotations

import pytest
import torch

from kb.datasets.mixture import RingMixtureDataModule
from kb.datasets.synthetic import LinearDataModule
from kb.datasets.toy import ToyClassificationDataModule
from kb.models.gan import LitGAN
from kb.models.linear_regression import LitLinearRegression
from kb.models.logistic_regression import LitLogisticRegression
from kb.training import make_trainer, plain_fit, seed_everything

# name -> (LightningModule factory, data module factory, epochs); the GAN steps two
# optimizers itself (manual optimization), the others leave it to Lightning.
CASES = {
    "linear-full-batch": (LitLinearRegression, LinearDataModule, 5),
    "logistic-mini-batch": (
        LitLogisticRegression,
        lambda: ToyClassificationDataModule("blobs", n=200, batch_size=16),
        3,
    ),
    "gan-manual": (lambda: LitGAN(eval_samples=200), lambda: RingMixtureDataModule(n=512, batch_size=128), 2),
}


def _trained(loop: str, name: str):
    make_module, make_data, epochs = CASES[name]
    seed_everything(0)
    module, data = make_module(), make_data()
    if loop == "lightning":
        make_trainer(epochs, quiet=True, accelerator="cpu", num_sanity_val_steps=0).fit(module, datamodule=data)
    else:
        plain_fit(module, data, epochs)
    return module


@pytest.mark.parametrize("name", sorted(CASES))
def test_plain_fit_trains_the_weights_lightning_trains(name):
    lit, plain = _trained("lightning", name), _trained("plain", name)
    pairs = list(zip(lit.state_dict().items(), plain.state_dict().items(), strict=True))
    assert pairs
    for (key, a), (_, b) in pairs:
        torch.testing.assert_close(a, b, rtol=0, atol=1e-6, msg=lambda m, key=key: f"{name} {key}: {m}")


def test_plain_fit_leaves_the_module_as_it_found_it():
    module = _trained("plain", "gan-manual")
    assert "optimizers" not in module.__dict__ and "manual_backward" not in module.__dict__
    assert module.training
    with pytest.raises(RuntimeError, match="not attached to a `Trainer`"):
        module.trainer  # noqa: B018 - the property raises


@pytest.mark.parametrize(
    "epochs, changes",
    [(0, False), (1, True)],
)
def test_plain_fit_epochs(epochs, changes):
    seed_everything(0)
    module, data = LitLinearRegression(), LinearDataModule()
    before = [p.detach().clone() for p in module.parameters()]
    plain_fit(module, data, epochs)
    moved = any(not torch.equal(a, b) for a, b in zip(before, module.parameters(), strict=True))
    assert moved is changes


def test_plain_fit_rejects_negative_epochs():
    with pytest.raises(ValueError, match="max_epochs must be >= 0, got -1"):
        plain_fit(LitLinearRegression(), LinearDataModule(), -1)


def test_loss_history_keeps_the_metrics_it_is_asked_for():
    from kb.training import LossHistory

    seed_everything(0)
    losses, both = LossHistory(), LossHistory(metrics=("loss", "acc"))
    data = ToyClassificationDataModule("blobs", n=200, batch_size=32)
    make_trainer(2, quiet=True, callbacks=[losses, both]).fit(LitLogisticRegression(), datamodule=data)
    assert set(losses.history) == {"train_loss", "val_loss"}
    assert set(both.history) == {"train_loss", "val_loss", "val_acc"}  # accuracy: held-out stages only
    assert all(len(v) == 2 for v in both.history.values()) and both.history["val_loss"] == losses.history["val_loss"]


def test_accuracy_history_watches_without_changing_training():
    from kb.training import AccuracyHistory

    def run(callbacks):
        seed_everything(0)
        module, data = LitLogisticRegression(), ToyClassificationDataModule("blobs", n=200, batch_size=32)
        make_trainer(3, quiet=True, callbacks=callbacks).fit(module, datamodule=data)
        return module, data

    x, y = torch.randn(50, 2), torch.randint(0, 2, (50,))
    watch = AccuracyHistory(x, y)
    watched, _ = run([watch])
    plain, _ = run([])
    assert len(watch.history) == 3 and all(0 <= a <= 1 for a in watch.history)
    for a, b in zip(watched.parameters(), plain.parameters(), strict=False):
        torch.testing.assert_close(a, b, rtol=0, atol=0)
    watched.eval()
    assert watch.history[-1] == pytest.approx(float((watched(x).argmax(-1) == y).float().mean()))
