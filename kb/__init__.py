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

from kb._lazy import lazy_exports
from kb.datasets import _EXPORTS as _DATASETS
from kb.models import _EXPORTS as _MODELS

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # profiles and training helpers
    "current_profile": "kb.profiles",
    "epochs": "kb.profiles",
    "make_trainer": "kb.training",
    "plain_fit": "kb.training",
    "seed_everything": "kb.training",
    "LossHistory": "kb.training",
    "AccuracyHistory": "kb.training",
    # losses
    "mse": "kb.losses",
    "half_mse": "kb.losses",
    "binary_cross_entropy": "kb.losses",
    "sum_cross_entropy": "kb.losses",
    "cross_entropy": "kb.losses",
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
    # building blocks: initialisation and normalisation
    "xavier_std": "kb.initialisation",
    "he_std": "kb.initialisation",
    "activation_stds": "kb.initialisation",
    "batch_norm": "kb.normalisation",
    "layer_norm": "kb.normalisation",
    "BatchNorm": "kb.normalisation",
    "LayerNorm": "kb.normalisation",
    # registry and training entry points
    "ModelSpec": "kb.registry",
    "UnknownModelError": "kb.registry",
    "train": "kb.train_cli",
    "fit": "kb.train_cli",
    "TrainingRun": "kb.train_cli",
    # every model and data module (their packages list them)
    **_MODELS,
    **_DATASETS,
}

__all__ = ["__version__", *_EXPORTS]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
