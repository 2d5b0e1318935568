"""Optimizers written from their update rules, as ``torch.optim.Optimizer`` subclasses.

Each class implements one update rule and nothing else (no weight decay, no
``maximize``), so that the code reads like the formula. They are drop-in
replacements in a LightningModule's ``configure_optimizers`` and are checked against
``torch.optim`` over many steps. ``g`` is the gradient of the loss on the current
batch, ``η`` the learning rate.

* :class:`GD` — gradient descent, :math:`\\theta \\leftarrow \\theta - \\eta g`.
  With the gradient of the whole training set this is (batch) gradient descent.
* :class:`SGD` — the same rule applied to the gradient of a random mini-batch
  (the randomness lives in the data loader: ``shuffle=True, batch_size=B``).
* :class:`Momentum` — :math:`v \\leftarrow \\mu v + g,\\ \\theta \\leftarrow \\theta - \\eta v`
  (PyTorch's convention; the other common form :math:`v \\leftarrow \\mu v - \\eta g,\\ \\theta
  \\leftarrow \\theta + v` gives the same iterates when η is constant).
* :class:`Adam` — :math:`m \\leftarrow \\beta_1 m + (1-\\beta_1) g`,
  :math:`v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2`, bias correction
  :math:`\\hat m = m/(1-\\beta_1^t)`, :math:`\\hat v = v/(1-\\beta_2^t)`, then
  :math:`\\theta \\leftarrow \\theta - \\eta \\hat m / (\\sqrt{\\hat v} + \\epsilon)`.

>>> import torch
>>> w = torch.nn.Parameter(torch.tensor([1.0]))
>>> opt = GD([w], lr=0.1)
>>> (w ** 2).sum().backward()   # gradient 2w = 2
>>> opt.step()
>>> round(w.item(), 4)
0.8
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

__all__ = ["GD", "SGD", "Momentum", "Adam", "OptimizerConfigError", "OPTIMIZERS"]


class OptimizerConfigError(ValueError):
    """A hyper-parameter is outside its valid range."""


def _check(name: str, value: float, low: float, high: float | None = None) -> None:
    if value < low or (high is not None and value >= high):
        bound = f"[{low}, {high})" if high is not None else f">= {low}"
        raise OptimizerConfigError(f"{name} must be {bound}, got {value}")


class GD(torch.optim.Optimizer):
    """Plain gradient descent: ``θ ← θ − η g``."""

    def __init__(self, params: Iterable[Any], lr: float = 0.1) -> None:
        _check("lr", lr, 0.0)
        super().__init__(params, {"lr": lr})

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    p.add_(p.grad, alpha=-group["lr"])
        return loss


class SGD(GD):
    """Stochastic (mini-batch) gradient descent.

    The update is :class:`GD`'s; what makes it stochastic is that ``g`` is the
    gradient of a random mini-batch, which the shuffling data loader provides.
    """


class Momentum(torch.optim.Optimizer):
    """Gradient descent with momentum: ``v ← μ v + g``; ``θ ← θ − η v`` (``v₀ = g₀``)."""

    def __init__(self, params: Iterable[Any], lr: float = 0.01, momentum: float = 0.9) -> None:
        _check("lr", lr, 0.0)
        _check("momentum", momentum, 0.0, 1.0)
        super().__init__(params, {"lr": lr, "momentum": momentum})

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "velocity" not in state:
                    state["velocity"] = p.grad.clone()  # first step: v = g (as torch.optim.SGD)
                else:
                    state["velocity"].mul_(group["momentum"]).add_(p.grad)
                p.add_(state["velocity"], alpha=-group["lr"])
        return loss


class Adam(torch.optim.Optimizer):
    """Adam with bias correction (Kingma & Ba, 2015, Algorithm 1)."""

    def __init__(
        self,
        params: Iterable[Any],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
    ) -> None:
        _check("lr", lr, 0.0)
        _check("beta1", betas[0], 0.0, 1.0)
        _check("beta2", betas[1], 0.0, 1.0)
        _check("eps", eps, 0.0)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps})

    @torch.no_grad()
    def step(self, closure: Callable[[], torch.Tensor] | None = None) -> torch.Tensor | None:
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if not state:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                m.mul_(beta1).add_(g, alpha=1 - beta1)  # first moment
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)  # second moment
                m_hat = m / (1 - beta1**t)  # bias correction
                v_hat = v / (1 - beta2**t)
                p.addcdiv_(m_hat, v_hat.sqrt().add_(group["eps"]), value=-group["lr"])
        return loss


#: name -> optimizer class, for ``--model.optimizer=...`` style choices.
OPTIMIZERS: dict[str, type[torch.optim.Optimizer]] = {"gd": GD, "sgd": SGD, "momentum": Momentum, "adam": Adam}
