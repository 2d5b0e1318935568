"""Activation functions written from their formulas, with their derivatives.

Each function takes and returns a tensor of any shape (``softmax`` works along a
dimension). The ``*_grad`` functions give the derivative that backpropagation
multiplies by, written in terms of the input ``z`` (or, for sigmoid and tanh, in the
cheaper form that reuses the output); :mod:`kb.backprop` uses them. Everything is
checked against ``torch.nn.functional`` (values) and autograd (derivatives).

* ReLU: :math:`\\max(0, z)`, derivative :math:`1[z > 0]` (0 at ``z = 0``, as PyTorch).
* sigmoid: :math:`\\sigma(z) = 1/(1+e^{-z})`, derivative :math:`\\sigma(z)(1-\\sigma(z))`.
* tanh: :math:`(e^{z}-e^{-z})/(e^{z}+e^{-z})`, derivative :math:`1-\\tanh^2 z`.
* softmax: :math:`e^{z_i}/\\sum_j e^{z_j}`, computed after subtracting the maximum so
  that large inputs do not overflow.

>>> import torch
>>> relu(torch.tensor([-1.0, 0.0, 2.0]))
tensor([0., 0., 2.])
>>> round(float(sigmoid(torch.tensor(0.0))), 3)
0.5
>>> softmax(torch.tensor([1.0, 1.0])).tolist()
[0.5, 0.5]
"""

from __future__ import annotations

import torch

__all__ = [
    "relu",
    "sigmoid",
    "tanh",
    "softmax",
    "log_softmax",
    "relu_grad",
    "sigmoid_grad",
    "tanh_grad",
    "softmax_jacobian",
    "ACTIVATIONS",
]


def relu(z: torch.Tensor) -> torch.Tensor:
    """Rectified linear unit, ``max(0, z)`` element-wise."""
    return torch.where(z > 0, z, torch.zeros_like(z))


def relu_grad(z: torch.Tensor) -> torch.Tensor:
    """Derivative of :func:`relu` at ``z``: 1 where ``z > 0``, else 0."""
    return (z > 0).to(z.dtype)


def sigmoid(z: torch.Tensor) -> torch.Tensor:
    """Logistic sigmoid ``1 / (1 + exp(-z))``, evaluated without overflow.

    For negative ``z`` the equivalent form ``exp(z) / (1 + exp(z))`` is used, so
    ``exp`` only ever sees non-positive arguments.
    """
    e = torch.exp(-z.abs())
    return torch.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(z: torch.Tensor) -> torch.Tensor:
    """Derivative of :func:`sigmoid`: ``s * (1 - s)`` with ``s = sigmoid(z)``."""
    s = sigmoid(z)
    return s * (1 - s)


def tanh(z: torch.Tensor) -> torch.Tensor:
    """Hyperbolic tangent, written as ``2 * sigmoid(2z) - 1`` (same function, no overflow)."""
    return 2 * sigmoid(2 * z) - 1


def tanh_grad(z: torch.Tensor) -> torch.Tensor:
    """Derivative of :func:`tanh`: ``1 - tanh(z)**2``."""
    return 1 - tanh(z) ** 2


def softmax(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """``exp(z_i) / sum_j exp(z_j)`` along ``dim``, shifted by the maximum for stability."""
    if z.numel() == 0:
        raise ValueError("softmax: empty input")
    shifted = z - z.max(dim=dim, keepdim=True).values
    e = torch.exp(shifted)
    return e / e.sum(dim=dim, keepdim=True)


def log_softmax(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """``log(softmax(z))`` computed as ``z - logsumexp(z)`` (no ``log(0)``)."""
    if z.numel() == 0:
        raise ValueError("log_softmax: empty input")
    shifted = z - z.max(dim=dim, keepdim=True).values
    return shifted - torch.log(torch.exp(shifted).sum(dim=dim, keepdim=True))


def softmax_jacobian(z: torch.Tensor) -> torch.Tensor:
    """``J[i, j] = d softmax(z)_i / d z_j = s_i (delta_ij - s_j)``, i.e. ``diag(s) - s s^T``, for a 1-D ``z``.

    Every row sums to 0 (the outputs always sum to 1) and the matrix is symmetric.
    """
    if z.ndim != 1:
        raise ValueError(f"softmax_jacobian: expected a 1-D tensor, got shape {tuple(z.shape)}")
    s = softmax(z)
    return torch.diag(s) - torch.outer(s, s)


#: name -> (function, derivative) for the element-wise activations.
ACTIVATIONS = {
    "relu": (relu, relu_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
}
