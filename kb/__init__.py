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
