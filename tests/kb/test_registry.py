"""The model registry: names, dotted paths, errors; importing it does not import torch."""

import subprocess
import sys

import pytest

from kb import registry


def test_importing_the_registry_and_cli_does_not_import_torch():
    code = "import sys, kb.registry, kb.train_cli; print('torch' in sys.modules, 'pytorch_lightning' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("name", registry.names())
def test_every_spec_resolves(name):
    import pytorch_lightning as pl

    spec = registry.get(name)
    model_cls, data_cls = spec.load("quick")
    assert issubclass(model_cls, pl.LightningModule)
    assert issubclass(data_cls, pl.LightningDataModule)
    assert spec.epochs("quick") <= spec.epochs("full")
    assert spec.mode in {"min", "max"} and spec.metric.split("_", 1)[0] in {"val", "test"}
    assert set(spec.as_dict()) >= {"name", "metric", "epochs"}


@pytest.mark.parametrize("alias, name", [("MLP", "mlp"), ("linear-regression", "linear_regression"), (" cnn ", "cnn")])
def test_names_are_normalised(alias, name):
    assert registry.get(alias).name == name


def test_unknown_name_lists_known_models():
    with pytest.raises(registry.UnknownModelError, match=r"unknown model 'resnet'; known models: linear_regression, "):
        registry.get("resnet")


def test_mnist_is_used_by_the_full_profile_only_when_present(monkeypatch, tmp_path):
    spec = registry.get("cnn")
    monkeypatch.delenv("KB_MNIST_DIR", raising=False)
    assert spec.data_for("full")[0].endswith("DigitsDataModule")
    monkeypatch.setenv("KB_MNIST_DIR", str(tmp_path))
    assert spec.data_for("full")[0].endswith("MNISTDataModule")
    assert spec.data_for("quick")[0].endswith("DigitsDataModule")
