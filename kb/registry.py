"""Every trainable model in ``kb`` by name, without importing torch.

A :class:`ModelSpec` stores *dotted paths* (``"kb.models.cnn:LitCNN"``) to the
LightningModule and the data module, the keyword arguments both get, the epochs
of each profile and the metric that says how well a run went. ``kb list`` and
``kb train NAME`` read this table; :meth:`ModelSpec.load` imports the classes.

>>> get("mlp").metric
'test_acc'
>>> get("no-such-model")
Traceback (most recent call last):
...
kb.registry.UnknownModelError: unknown model 'no-such-model'; known models: ...
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ModelSpec", "UnknownModelError", "MODELS", "get", "names", "resolve"]


class UnknownModelError(KeyError):
    """No model is registered under the requested name."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


def resolve(path: str) -> Any:
    """Import ``"package.module:Name"`` and return ``Name``."""
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


@dataclass(frozen=True)
class ModelSpec:
    """How to build and train one model, and how to judge the result."""

    name: str
    description: str
    model: str
    data: str
    quick_epochs: int
    full_epochs: int
    metric: str
    mode: str = "max"  # "max": higher is better ("min" for losses)
    model_args: dict[str, Any] = field(default_factory=dict)
    data_args: dict[str, Any] = field(default_factory=dict)
    full_data: str | None = None  # used by the full profile when :attr:`full_data_available`
    full_data_args: dict[str, Any] = field(default_factory=dict)

    def epochs(self, profile: str) -> int:
        """Epochs for the ``quick`` or ``full`` profile."""
        from kb.profiles import epochs

        return epochs(quick=self.quick_epochs, full=self.full_epochs, profile=profile)

    def data_for(self, profile: str) -> tuple[str, dict[str, Any]]:
        """The data module path and arguments for ``profile``."""
        if profile == "full" and self.full_data and _full_data_available(self.full_data):
            return self.full_data, dict(self.full_data_args)
        return self.data, dict(self.data_args)

    def load(self, profile: str = "quick") -> tuple[type, type]:
        """Import and return ``(LightningModule class, DataModule class)``."""
        return resolve(self.model), resolve(self.data_for(profile)[0])

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (what ``kb list --json`` prints)."""
        return {
            "name": self.name,
            "description": self.description,
            "model": self.model,
            "data": self.data,
            "epochs": {"quick": self.quick_epochs, "full": self.full_epochs},
            "metric": self.metric,
            "mode": self.mode,
        }


def _full_data_available(path: str) -> bool:
    if path.startswith("kb.datasets.mnist:"):
        return bool(os.environ.get("KB_MNIST_DIR"))
    return True


_DIGITS = "kb.datasets.digits:DigitsDataModule"
_SEQ = "kb.datasets.sequences:RecallDataModule"

MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in [
        ModelSpec(
            "linear_regression",
            "Linear regression by gradient descent on MSE (generated line)",
            "kb.models.linear_regression:LitLinearRegression",
            "kb.datasets.synthetic:LinearDataModule",
            quick_epochs=100,
            full_epochs=300,
            metric="val_loss",
            mode="min",
        ),
        ModelSpec(
            "logistic_regression",
            "Logistic regression on two Gaussian blobs",
            "kb.models.logistic_regression:LitLogisticRegression",
            "kb.datasets.toy:ToyClassificationDataModule",
            quick_epochs=10,
            full_epochs=50,
            metric="test_acc",
            data_args={"kind": "blobs"},
        ),
        ModelSpec(
            "mlp",
            "Two-hidden-layer MLP on the two-moons data",
            "kb.models.mlp:LitMLP",
            "kb.datasets.toy:ToyClassificationDataModule",
            quick_epochs=30,
            full_epochs=100,
            metric="test_acc",
            data_args={"kind": "moons"},
        ),
        ModelSpec(
            "cnn",
            "Small CNN on the 8x8 digits (full profile: MNIST from KB_MNIST_DIR when set)",
            "kb.models.cnn:LitCNN",
            _DIGITS,
            quick_epochs=25,
            full_epochs=30,
            metric="test_acc",
            full_data="kb.datasets.mnist:MNISTDataModule",
        ),
        *(
            ModelSpec(
                cell,
                f"{label} on 40-step sequences: recall the first token (long-range memory)",
                "kb.models.rnn:LitRecurrent",
                _SEQ,
                quick_epochs=10,
                full_epochs=40,
                metric="test_acc",
                model_args={"cell": cell},
            )
            for cell, label in (("rnn", "Plain RNN"), ("lstm", "LSTM"), ("gru", "GRU"))
        ),
        ModelSpec(
            "transformer",
            "Transformer encoder reversing 8-token sequences (per-token accuracy)",
            "kb.models.transformer:LitTransformer",
            "kb.datasets.sequences:ReversalDataModule",
            quick_epochs=20,
            full_epochs=60,
            metric="test_acc",
        ),
        ModelSpec(
            "gan",
            "GAN learning a ring of 8 Gaussians in 2-D (modes covered, of 8)",
            "kb.models.gan:LitGAN",
            "kb.datasets.mixture:RingMixtureDataModule",
            quick_epochs=40,
            full_epochs=200,
            metric="test_modes",
        ),
        ModelSpec(
            "vae",
            "Variational auto-encoder on the 8x8 digits (negative ELBO, nats per image)",
            "kb.models.vae:LitVAE",
            _DIGITS,
            quick_epochs=30,
            full_epochs=150,
            metric="test_loss",
            mode="min",
            data_args={"flatten": True},
        ),
        ModelSpec(
            "bert_mlm",
            "Mini BERT pre-trained by masked-token prediction on the generated corpus",
            "kb.models.bert:LitMaskedLM",
            "kb.datasets.corpus:CorpusDataModule",
            quick_epochs=25,
            full_epochs=80,
            metric="test_acc",
        ),
        ModelSpec(
            "bert_classifier",
            "Mini BERT opinion classifier, tested on unseen words "
            "(from scratch; --model.encoder=FILE from bert_mlm to fine-tune)",
            "kb.models.bert:LitBertClassifier",
            "kb.datasets.corpus:SentimentDataModule",
            quick_epochs=15,
            full_epochs=40,
            metric="test_acc",
        ),
    ]
}


def names() -> list[str]:
    """Registered model names, in the book's order."""
    return list(MODELS)


def get(name: str) -> ModelSpec:
    """The spec registered as ``name`` (``-`` and ``_`` are interchangeable)."""
    key = name.strip().lower().replace("-", "_")
    try:
        return MODELS[key]
    except KeyError:
        raise UnknownModelError(f"unknown model {name!r}; known models: {', '.join(MODELS)}") from None
