"""Public API: every exported name resolves, lazily; every docstring example runs."""

import doctest
import importlib
import subprocess
import sys

import pytest

import kb
import kb.datasets
import kb.models

MODULES = [
    "kb.activations",
    "kb.losses",
    "kb.optim",
    "kb.backprop",
    "kb.registry",
    "kb.train_cli",
    "kb.datasets.base",
    "kb.datasets.synthetic",
    "kb.datasets.toy",
    "kb.datasets.digits",
    "kb.datasets.mnist",
    "kb.datasets.sequences",
    "kb.datasets.mixture",
    "kb.datasets.corpus",
    "kb.models.base",
    "kb.models.linear_regression",
    "kb.models.logistic_regression",
    "kb.models.mlp",
    "kb.models.cnn",
    "kb.models.rnn",
    "kb.models.transformer",
    "kb.models.gan",
    "kb.models.vae",
    "kb.models.bert",
    "kb.models.pretraining",
    "kb.models.residual",
    "kb.initialisation",
    "kb.normalisation",
    "kb.datasets.augment",
    "kb.datasets.progressions",
    "kb.models.vit",
]


@pytest.mark.parametrize("package", [kb, kb.models, kb.datasets], ids=lambda p: p.__name__)
def test_every_exported_name_resolves(package):
    for name in package.__all__:
        if name != "__version__":
            assert getattr(package, name) is not None, name
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        package.nope  # noqa: B018 - the access is the test


@pytest.mark.parametrize("module", MODULES)
def test_module_all_is_accurate(module):
    mod = importlib.import_module(module)
    assert mod.__all__ and all(hasattr(mod, name) for name in mod.__all__)


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0


def test_light_modules_do_not_import_torch():
    code = (
        "import sys, kb, kb.models, kb.datasets, kb.registry, kb.train_cli, kb.profiles; "
        "print(any(m.split('.')[0] in {'torch', 'pytorch_lightning'} for m in sys.modules))"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )
