"""Backpropagation by hand: logistic regression and a two-layer MLP, no autograd.

Each ``*_forward`` returns the loss and a cache of the intermediate values; the
matching ``*_backward`` walks the chain rule backwards through that cache and returns
one gradient per parameter, with the parameter's shape. Tests compare every gradient
with ``torch.autograd`` (float64, tolerance 1e-10).

Shapes (``n`` samples, ``d`` inputs, ``h`` hidden units, ``k`` classes)::

    logistic regression                      two-layer MLP
    X  (n, d)   w (d,)   b ()                X  (n, d)   W1 (d, h)  b1 (h,)   W2 (h, k)  b2 (k,)
    z  = X w + b              (n,)           Z1 = X W1 + b1            (n, h)
    p  = sigmoid(z)           (n,)           A1 = act(Z1)              (n, h)
    L  = mean BCE(p, y)       ()             Z2 = A1 W2 + b2           (n, k)
                                             P  = softmax(Z2)          (n, k)
                                             L  = mean CE(P, y)        ()
    backward                                 backward
    dz = (p - y) / n          (n,)           dZ2 = (P - Y) / n         (n, k)   Y one-hot
    dw = X^T dz               (d,)           dW2 = A1^T dZ2            (h, k)
    db = sum(dz)              ()             db2 = 1^T dZ2             (k,)     sum over the batch
                                             dA1 = dZ2 W2^T            (n, h)
                                             dZ1 = dA1 * act'(Z1)      (n, h)
                                             dW1 = X^T dZ1             (d, h)
                                             db1 = 1^T dZ1             (h,)

The neat cancellations ``dz = p - y`` and ``dZ2 = P - Y`` come from pairing the
sigmoid with binary cross-entropy and the softmax with categorical cross-entropy.

>>> import torch
>>> params = init_mlp(d=2, h=3, k=2, seed=0)
>>> X, y = torch.randn(4, 2), torch.tensor([0, 1, 1, 0])
>>> loss, cache = mlp_forward(params, X, y)
>>> sorted((name, tuple(g.shape)) for name, g in mlp_backward(params, cache).items())
[('W1', (2, 3)), ('W2', (3, 2)), ('b1', (3,)), ('b2', (2,))]
"""

from __future__ import annotations

import torch

from kb.activations import ACTIVATIONS, sigmoid, softmax
from kb.losses import binary_cross_entropy, cross_entropy

__all__ = [
    "BackpropShapeError",
    "logistic_forward",
    "logistic_backward",
    "init_mlp",
    "mlp_forward",
    "mlp_backward",
    "gradient_step",
]

Tensors = dict[str, torch.Tensor]


class BackpropShapeError(ValueError):
    """Inputs and parameters do not fit together."""


def _check_inputs(X: torch.Tensor, y: torch.Tensor, d: int) -> None:
    if X.ndim != 2 or X.shape[1] != d:
        raise BackpropShapeError(f"expected X of shape (n, {d}), got {tuple(X.shape)}")
    if y.shape != (X.shape[0],):
        raise BackpropShapeError(f"expected y of shape ({X.shape[0]},), got {tuple(y.shape)}")
    if X.shape[0] == 0:
        raise BackpropShapeError("empty batch")


def logistic_forward(
    w: torch.Tensor, b: torch.Tensor, X: torch.Tensor, y: torch.Tensor
) -> tuple[torch.Tensor, Tensors]:
    """Loss (mean binary cross-entropy) and cache for ``p = sigmoid(X w + b)``."""
    _check_inputs(X, y, w.shape[0])
    z = X @ w + b
    p = sigmoid(z)
    return binary_cross_entropy(p, y.to(p.dtype)), {"X": X, "y": y, "p": p}


def logistic_backward(cache: Tensors) -> Tensors:
    """Gradients ``{"w": (d,), "b": ()}`` of the mean BCE loss."""
    X, y, p = cache["X"], cache["y"], cache["p"]
    dz = (p - y.to(p.dtype)) / X.shape[0]
    return {"w": X.T @ dz, "b": dz.sum()}


def init_mlp(d: int, h: int, k: int, seed: int = 0, dtype: torch.dtype = torch.float32) -> Tensors:
    """Parameters of a ``d -> h -> k`` MLP, weights ~ N(0, 1/fan_in), biases 0."""
    g = torch.Generator().manual_seed(seed)
    return {
        "W1": torch.randn(d, h, generator=g, dtype=dtype) / d**0.5,
        "b1": torch.zeros(h, dtype=dtype),
        "W2": torch.randn(h, k, generator=g, dtype=dtype) / h**0.5,
        "b2": torch.zeros(k, dtype=dtype),
    }


def mlp_forward(
    params: Tensors, X: torch.Tensor, y: torch.Tensor, activation: str = "tanh"
) -> tuple[torch.Tensor, Tensors]:
    """Loss (mean softmax cross-entropy against class indices ``y``) and cache."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; expected one of {sorted(ACTIVATIONS)}")
    _check_inputs(X, y, params["W1"].shape[0])
    act, _ = ACTIVATIONS[activation]
    Z1 = X @ params["W1"] + params["b1"]
    A1 = act(Z1)
    Z2 = A1 @ params["W2"] + params["b2"]
    loss = cross_entropy(Z2, y)
    return loss, {"X": X, "y": y, "Z1": Z1, "A1": A1, "P": softmax(Z2, dim=1), "activation": activation}


def mlp_backward(params: Tensors, cache: Tensors) -> Tensors:
    """Gradients of the mean cross-entropy with respect to ``W1, b1, W2, b2``."""
    X, P = cache["X"], cache["P"]
    _, act_grad = ACTIVATIONS[cache["activation"]]
    Y = torch.nn.functional.one_hot(cache["y"].long(), P.shape[1]).to(P.dtype)
    dZ2 = (P - Y) / X.shape[0]
    dA1 = dZ2 @ params["W2"].T
    dZ1 = dA1 * act_grad(cache["Z1"])
    return {
        "W2": cache["A1"].T @ dZ2,
        "b2": dZ2.sum(dim=0),
        "W1": X.T @ dZ1,
        "b1": dZ1.sum(dim=0),
    }


def gradient_step(params: Tensors, grads: Tensors, lr: float) -> Tensors:
    """One gradient-descent update ``θ ← θ − lr · ∂L/∂θ`` (returns new tensors)."""
    return {name: value - lr * grads[name] for name, value in params.items()}
