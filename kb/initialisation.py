"""Weight initialisation: why the variance of the weights matters, and Xavier/He.

For a layer ``h = W x`` with ``n_in`` inputs and independent zero-mean weights of variance
``s**2``, ``Var(h_i) = n_in * s**2 * E[x_j**2]``. Keeping this constant through depth gives

* **Xavier/Glorot** (Glorot & Bengio, 2010): ``s**2 = 2 / (n_in + n_out)`` (for tanh-like units);
* **He/Kaiming** (He et al., 2015): ``s**2 = 2 / n_in`` (for ReLU, which zeroes half its inputs).

:func:`activation_stds` pushes a batch through a deep stack of equal-width layers and returns
the standard deviation of the activations after each one: the figure of the chapter.

>>> round(he_std(50) ** 2, 4), round(xavier_std(50, 50) ** 2, 4)
(0.04, 0.02)
"""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

__all__ = ["xavier_std", "he_std", "activation_stds", "ACTIVATIONS"]

#: The activations :func:`activation_stds` knows, by name.
ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "relu": torch.relu,
    "tanh": torch.tanh,
    "linear": lambda x: x,
}


def xavier_std(fan_in: int, fan_out: int) -> float:
    """Standard deviation of Xavier/Glorot normal initialisation, ``sqrt(2 / (fan_in + fan_out))``."""
    return math.sqrt(2.0 / (fan_in + fan_out))


def he_std(fan_in: int) -> float:
    """Standard deviation of He/Kaiming normal initialisation for ReLU, ``sqrt(2 / fan_in)``."""
    return math.sqrt(2.0 / fan_in)


def activation_stds(
    weight_std: float, *, depth: int = 50, width: int = 256, activation: str = "relu", batch: int = 512, seed: int = 0
) -> list[float]:
    """Std of the activations after each of ``depth`` layers ``h <- act(W h)`` with
    ``W ~ N(0, weight_std**2)`` (no biases), starting from standard normal inputs.
    Element 0 is the input's std."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; expected one of {sorted(ACTIVATIONS)}")
    act = ACTIVATIONS[activation]
    generator = torch.Generator().manual_seed(seed)
    h = torch.randn(batch, width, generator=generator)
    stds = [h.std().item()]
    for _ in range(depth):
        w = torch.randn(width, width, generator=generator) * weight_std
        h = act(h @ w.T)
        stds.append(h.std().item())
    return stds
