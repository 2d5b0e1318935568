"""Information theory for discrete distributions and Gaussians, written from the formulas.

A distribution over :math:`K` outcomes is a tensor of :math:`K` probabilities (last dimension);
logarithms are natural (nats) unless ``base`` is given (``base=2`` gives bits).

* entropy :math:`H(p) = -\\sum_k p_k \\log p_k` (terms with :math:`p_k = 0` count 0);
* cross-entropy :math:`H(p, q) = -\\sum_k p_k \\log q_k`;
* KL divergence :math:`\\mathrm{KL}(p\\,\\|\\,q) = \\sum_k p_k \\log (p_k / q_k) = H(p, q) - H(p) \\ge 0`,
  zero only when :math:`p = q`, and not symmetric;
* Jensen-Shannon divergence :math:`\\mathrm{JS}(p, q) = \\tfrac12 \\mathrm{KL}(p\\,\\|\\,m) +
  \\tfrac12 \\mathrm{KL}(q\\,\\|\\,m)`, :math:`m = \\tfrac12 (p + q)`: symmetric, at most :math:`\\log 2`;
* the KL of two univariate Gaussians in closed form, and of a diagonal Gaussian against
  :math:`\\mathcal N(0, I)` (the VAE's term).

The tests check each against ``torch.distributions`` and SciPy.

>>> import torch
>>> round(entropy(torch.tensor([0.5, 0.25, 0.25]), base=2).item(), 6)
1.5
>>> round(kl_divergence(torch.tensor([0.5, 0.5]), torch.tensor([0.5, 0.5])).item(), 6)
0.0
"""

from __future__ import annotations

import math

import torch

__all__ = [
    "DistributionError",
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "js_divergence",
    "gaussian_kl",
    "standard_normal_kl",
]


class DistributionError(ValueError):
    """A probability vector is negative, does not sum to 1, or two vectors do not match."""


def _check(p: torch.Tensor, name: str) -> None:
    if p.numel() == 0:
        raise DistributionError(f"{name}: empty distribution")
    if (p < 0).any():
        raise DistributionError(f"{name}: negative probability")
    total = p.sum(dim=-1)
    if not torch.allclose(total, torch.ones_like(total), atol=1e-6):
        raise DistributionError(f"{name}: probabilities sum to {total.tolist()}, not 1")


def _pair(p: torch.Tensor, q: torch.Tensor) -> None:
    _check(p, "p")
    _check(q, "q")
    if p.shape != q.shape:
        raise DistributionError(f"p has shape {tuple(p.shape)}, q has shape {tuple(q.shape)}")


def _xlogy(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """``x * log(y)`` with ``0 * log(0) = 0`` (and ``x * log(0) = -inf`` for ``x > 0``)."""
    return torch.where(x == 0, torch.zeros_like(x), x * torch.log(y))


def entropy(p: torch.Tensor, base: float = math.e) -> torch.Tensor:
    """``H(p) = -sum_k p_k log p_k``: the mean surprise ``-log p_k`` of an outcome drawn from ``p``."""
    _check(p, "p")
    return -_xlogy(p, p).sum(dim=-1) / math.log(base)


def cross_entropy(p: torch.Tensor, q: torch.Tensor, base: float = math.e) -> torch.Tensor:
    """``H(p, q) = -sum_k p_k log q_k``: the mean surprise under ``q`` of outcomes drawn from ``p``."""
    _pair(p, q)
    return -_xlogy(p, q).sum(dim=-1) / math.log(base)


def kl_divergence(p: torch.Tensor, q: torch.Tensor, base: float = math.e) -> torch.Tensor:
    """``KL(p || q) = H(p, q) - H(p)``: the extra surprise of using ``q`` when outcomes come from ``p``."""
    _pair(p, q)
    return (_xlogy(p, p) - _xlogy(p, q)).sum(dim=-1) / math.log(base)


def js_divergence(p: torch.Tensor, q: torch.Tensor, base: float = math.e) -> torch.Tensor:
    """``JS(p, q) = KL(p || m)/2 + KL(q || m)/2`` with ``m = (p + q)/2``; symmetric, between 0 and ``log 2``."""
    _pair(p, q)
    m = (p + q) / 2
    return (kl_divergence(p, m, base) + kl_divergence(q, m, base)) / 2


def gaussian_kl(mu1: torch.Tensor, sigma1: torch.Tensor, mu2: torch.Tensor, sigma2: torch.Tensor) -> torch.Tensor:
    """``KL(N(mu1, sigma1^2) || N(mu2, sigma2^2))`` in nats, element-wise::

    log(sigma2/sigma1) + (sigma1^2 + (mu1 - mu2)^2) / (2 sigma2^2) - 1/2
    """
    mu1, sigma1, mu2, sigma2 = (
        v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=torch.float64) for v in (mu1, sigma1, mu2, sigma2)
    )
    if (sigma1 <= 0).any() or (sigma2 <= 0).any():
        raise DistributionError("standard deviations must be positive")
    return torch.log(sigma2 / sigma1) + (sigma1**2 + (mu1 - mu2) ** 2) / (2 * sigma2**2) - 0.5


def standard_normal_kl(mu: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    """``KL(N(mu, diag(exp(logvar))) || N(0, I))`` summed over the last dimension: the VAE's term
    ``-1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j))``."""
    return -0.5 * (1 + logvar - mu**2 - logvar.exp()).sum(dim=-1)
