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
