"""kb: the executable knowledge base of foundation-kb.

Small, readable PyTorch Lightning models and data modules for every algorithm the
book teaches. Importing ``kb`` is cheap: names are loaded on first use (PEP 562), so
``import kb`` does not import torch or Lightning, and a docs snippet that uses one
model depends only on that model's modules.

>>> import kb
>>> kb.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # profiles and training helpers
    "current_profile": "kb.profiles",
    "epochs": "kb.profiles",
    "make_trainer": "kb.training",
    "seed_everything": "kb.training",
    "LossHistory": "kb.training",
    # losses
    "mse": "kb.losses",
    "half_mse": "kb.losses",
    "binary_cross_entropy": "kb.losses",
    "sum_cross_entropy": "kb.losses",
    "cross_entropy": "kb.losses",
    # models
    "LinearRegression": "kb.models.linear_regression",
    "LitLinearRegression": "kb.models.linear_regression",
    "closed_form": "kb.models.linear_regression",
    # data
    "LinearDataModule": "kb.datasets.synthetic",
    "make_linear_data": "kb.datasets.synthetic",
    # activations (from their formulas)
    "relu": "kb.activations",
    "sigmoid": "kb.activations",
    "tanh": "kb.activations",
    "softmax": "kb.activations",
    "log_softmax": "kb.activations",
    "relu_grad": "kb.activations",
    "sigmoid_grad": "kb.activations",
    "tanh_grad": "kb.activations",
    # more losses
    "binary_cross_entropy_with_logits": "kb.losses",
    "categorical_cross_entropy": "kb.losses",
    "LossShapeError": "kb.losses",
    # optimizers (from their update rules)
    "GD": "kb.optim",
    "SGD": "kb.optim",
    "Momentum": "kb.optim",
    "Adam": "kb.optim",
    "OptimizerConfigError": "kb.optim",
    # backpropagation by hand
    "logistic_forward": "kb.backprop",
    "logistic_backward": "kb.backprop",
    "init_mlp": "kb.backprop",
    "mlp_forward": "kb.backprop",
    "mlp_backward": "kb.backprop",
    "gradient_step": "kb.backprop",
    "BackpropShapeError": "kb.backprop",
    # registry and training entry points
    "ModelSpec": "kb.registry",
    "UnknownModelError": "kb.registry",
    "train": "kb.train_cli",
    "fit": "kb.train_cli",
    "TrainingRun": "kb.train_cli",
    # more models
    "LitClassifier": "kb.models.base",
    "LogisticRegression": "kb.models.logistic_regression",
    "LitLogisticRegression": "kb.models.logistic_regression",
    "MLP": "kb.models.mlp",
    "LitMLP": "kb.models.mlp",
    "CNN": "kb.models.cnn",
    "LitCNN": "kb.models.cnn",
    "RecurrentClassifier": "kb.models.rnn",
    "LitRecurrent": "kb.models.rnn",
    "input_gradient_norms": "kb.models.rnn",
    "positional_encoding": "kb.models.transformer",
    "MultiHeadSelfAttention": "kb.models.transformer",
    "EncoderLayer": "kb.models.transformer",
    "TransformerEncoder": "kb.models.transformer",
    "LitTransformer": "kb.models.transformer",
    "plot_attention": "kb.models.transformer",
    "Generator": "kb.models.gan",
    "Discriminator": "kb.models.gan",
    "LitGAN": "kb.models.gan",
    "SampleSnapshots": "kb.models.gan",
    "plot_gan_samples": "kb.models.gan",
    "VAE": "kb.models.vae",
    "LitVAE": "kb.models.vae",
    "vae_loss": "kb.models.vae",
    "plot_reconstructions": "kb.models.vae",
    "plot_vae_samples": "kb.models.vae",
    "MiniBERT": "kb.models.bert",
    "mask_tokens": "kb.models.bert",
    "LitMaskedLM": "kb.models.bert",
    "BertClassifier": "kb.models.bert",
    "LitBertClassifier": "kb.models.bert",
    "compare_pretraining": "kb.models.pretraining",
    # more data
    "DatasetError": "kb.datasets.errors",
    "ToyClassificationDataModule": "kb.datasets.toy",
    "make_toy_classification": "kb.datasets.toy",
    "DigitsDataModule": "kb.datasets.digits",
    "load_digits_tensors": "kb.datasets.digits",
    "MNISTDataModule": "kb.datasets.mnist",
    "read_idx": "kb.datasets.mnist",
    "write_idx": "kb.datasets.mnist",
    "IDXFormatError": "kb.datasets.mnist",
    "DatasetNotFoundError": "kb.datasets.mnist",
    "RecallDataModule": "kb.datasets.sequences",
    "make_recall_data": "kb.datasets.sequences",
    "ReversalDataModule": "kb.datasets.sequences",
    "make_reversal_data": "kb.datasets.sequences",
    "RingMixtureDataModule": "kb.datasets.mixture",
    "make_ring_mixture": "kb.datasets.mixture",
    "mode_statistics": "kb.datasets.mixture",
    "Vocab": "kb.datasets.corpus",
    "make_corpus": "kb.datasets.corpus",
    "make_labelled": "kb.datasets.corpus",
    "CorpusDataModule": "kb.datasets.corpus",
    "SentimentDataModule": "kb.datasets.corpus",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kb' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
