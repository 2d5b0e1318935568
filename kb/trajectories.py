"""Optimizer paths on small loss surfaces: what the gradient-descent chapter plots.

A *surface* is a differentiable function of a parameter vector ``theta`` (a 1-D tensor).
:func:`path` runs any ``torch.optim.Optimizer`` class on it (``kb.optim``'s from-scratch
ones or PyTorch's) and returns every iterate and its loss; :func:`grid` evaluates a 2-D
surface on a grid for contour plots.

:func:`elongated_bowl` is the quadratic ``J(x, y) = (a x^2 + b y^2) / 2``: curvature ``a``
along ``x`` and ``b`` along ``y``. With ``b >> a`` it is the valley that separates the
optimizers: gradient descent is stable only for ``eta < 2 / b`` and then creeps along
``x`` by the factor ``1 - eta a`` per step.

>>> from kb.optim import GD
>>> thetas, losses = path(GD, elongated_bowl(1.0, 10.0), [1.0, 1.0], steps=2, lr=0.1)
>>> [round(v, 4) for v in thetas[-1].tolist()], round(losses[0].item(), 2)
([0.81, 0.0], 5.5)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import torch

__all__ = ["Surface", "elongated_bowl", "parabola", "path", "grid"]

Surface = Callable[[torch.Tensor], torch.Tensor]


def elongated_bowl(a: float = 1.0, b: float = 10.0) -> Surface:
    """``J(theta) = (a theta_0^2 + b theta_1^2) / 2``, minimum 0 at the origin."""
    if a <= 0 or b <= 0:
        raise ValueError(f"curvatures must be positive, got a={a}, b={b}")

    def loss(theta: torch.Tensor) -> torch.Tensor:
        return 0.5 * (a * theta[..., 0] ** 2 + b * theta[..., 1] ** 2)

    return loss


def parabola(minimum: float = 1.0) -> Surface:
    """The chapter's one-dimensional ``J(theta) = (theta - minimum)^2``."""

    def loss(theta: torch.Tensor) -> torch.Tensor:
        return ((theta - minimum) ** 2).sum(-1)

    return loss


def path(
    optimizer_cls: type[torch.optim.Optimizer], surface: Surface, start: Sequence[float], steps: int, **options: Any
) -> tuple[torch.Tensor, torch.Tensor]:
    """Iterates ``(steps + 1, dim)`` (the start first) and their losses ``(steps + 1,)``.

    Stops early, keeping what it has, if the loss stops being finite (divergence).
    """
    if steps < 0:
        raise ValueError(f"steps must be >= 0, got {steps}")
    theta = torch.nn.Parameter(torch.tensor(list(start), dtype=torch.float64))
    optimizer = optimizer_cls([theta], **options)
    thetas, losses = [theta.detach().clone()], [surface(theta).detach()]
    for _ in range(steps):
        optimizer.zero_grad()
        surface(theta).backward()
        optimizer.step()
        loss = surface(theta).detach()
        if not torch.isfinite(loss):
            break
        thetas.append(theta.detach().clone())
        losses.append(loss)
    return torch.stack(thetas), torch.stack(losses)


def grid(
    surface: Surface, xlim: tuple[float, float], ylim: tuple[float, float], n: int = 200
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """``X, Y, Z`` of shape ``(n, n)`` for ``contour(X, Y, Z)`` of a 2-D surface."""
    xs = torch.linspace(*xlim, n, dtype=torch.float64)
    ys = torch.linspace(*ylim, n, dtype=torch.float64)
    X, Y = torch.meshgrid(xs, ys, indexing="xy")
    with torch.no_grad():
        Z = surface(torch.stack([X, Y], dim=-1))
    return X, Y, Z
