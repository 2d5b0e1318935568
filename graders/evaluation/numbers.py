"""Numeric answers: tolerances and significant figures, checked on the value and on the typed string.

>>> sig_figs("0.008670"), sig_figs("1.20e3"), sig_figs("-(1)")
(4, 3, None)
>>> within(100.0000001, 100, Tolerance(rel=1e-6)), within(Fraction(1, 3), Fraction(1, 3), Tolerance(0, 0))
(True, True)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from .values import approx, is_exact

__all__ = ["Tolerance", "sig_figs", "within", "sig_fig_tolerance", "round_sig"]


@dataclass(frozen=True)
class Tolerance:
    """How close a numeric answer must be: ``max(abs, rel·|expected|)``, widened to half a unit in
    the ``sig_figs``-th significant figure when the question asks for significant figures."""

    rel: float = 1e-9
    abs: float = 1e-12
    sig_figs: int | None = None


_LITERAL = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")


def sig_figs(text: str) -> int | None:
    """Significant figures of a plain decimal literal, None if ``text`` is not one.

    Trailing zeros count only after a decimal point (``100`` has 1, ``100.`` has 3).
    """
    m = _LITERAL.match(text)
    if not m:
        return None
    mant = m.group(1)
    digits = mant.replace(".", "").lstrip("0")
    if "." not in mant:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def sig_fig_tolerance(expected: float, n: int) -> float:
    """Half a unit in the n-th significant figure of ``expected``."""
    if expected == 0:
        return 0.5 * 10.0 ** (-n)
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(expected))) - n + 1)


def round_sig(x: float, n: int) -> str:
    return f"{x:.{n}g}"


def within(got, expected, tol: Tolerance) -> bool:
    """True if ``got`` is within the question's tolerance of ``expected`` (exact values are
    compared exactly: a tolerance of 0 means equal)."""
    if is_exact(got) and is_exact(expected):
        bound = max(Fraction(tol.abs), Fraction(tol.rel) * abs(expected))
        if tol.sig_figs:
            bound = max(bound, Fraction(sig_fig_tolerance(float(expected), tol.sig_figs)))
        return abs(got - expected) <= bound
    g, e = _float(got), _float(expected)
    bound = max(tol.abs, tol.rel * abs(e))
    if tol.sig_figs:
        bound = max(bound, sig_fig_tolerance(e, tol.sig_figs))
    return abs(g - e) <= bound * (1 + 1e-12) + (approx(got)[1] if not is_exact(got) else 0.0)


def _float(x) -> float:
    return float(x) if isinstance(x, (int, float, Fraction)) else approx(x)[0]
