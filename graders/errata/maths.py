"""``sympy`` and ``question`` checks: recompute the articles' worked examples and formulas.

>>> printed_values(["0.119", "0.5", "0.881"], function="sigmoid", inputs=[-2, 0, 2])
True
>>> gd_iterates(["0.2", "0.3"], target=1, lr=0.1, theta0=0)
False
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .registry import register

__all__ = ["printed_matches", "printed_values", "is_linear", "gd_iterates", "squared_error_loss", "chain_rule", "grade"]


def printed_matches(truth: float, printed: Any) -> bool:
    """Is ``printed`` (as written, e.g. 0.118 or "0.7615") the truth correctly rounded?

    The precision is the number of decimals written; a printed value is right when it is
    within half a unit of its last digit (plus a hair for binary floating point).
    """
    text = str(printed)
    d = Decimal(text)
    decimals = max(0, -d.as_tuple().exponent)
    return abs(float(d) - float(truth)) <= 0.5 * 10.0 ** (-decimals) + 1e-12


def _sympy_function(name: str):
    import sympy as sp

    x = sp.Symbol("x", real=True)
    exprs = {
        "sigmoid": 1 / (1 + sp.exp(-x)),
        "tanh": (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)),
        "relu": sp.Max(0, x),
    }
    return x, exprs[name]


@register("sympy")
def printed_values(value: list, *, function: str, inputs: list) -> bool:
    """Are the printed outputs of ``function`` at ``inputs`` correctly rounded?"""
    x, expr = _sympy_function(function)
    if len(value) != len(inputs):
        return False
    return all(printed_matches(float(expr.subs(x, xi).evalf(30)), v) for xi, v in zip(inputs, value, strict=True))


@register("sympy")
def is_linear(value: str, *, function: str, points: list) -> bool:
    """``value`` is "linear" or "nonlinear": which one is ``function``? (SymPy, exact)

    Linear means f(a + b) = f(a) + f(b) and f(c·a) = c·f(a) at every pair of ``points``.
    """
    import sympy as sp

    x, expr = _sympy_function(function)
    f = lambda v: sp.simplify(expr.subs(x, sp.nsimplify(v)))  # noqa: E731
    linear = all(
        sp.simplify(f(a + b) - f(a) - f(b)) == 0 and sp.simplify(f(a * b) - a * f(b)) == 0
        for a in points
        for b in points
    )
    return value == ("linear" if linear else "nonlinear")


@register("sympy")
def gd_iterates(value: list, *, target: float, lr: float, theta0: float) -> bool:
    """Gradient descent on J(θ) = (θ − target)²: are the printed iterates θ₁, θ₂, … right?

    The gradient comes from ``sympy.diff``, not from the formula in the article.
    """
    import sympy as sp

    th = sp.Symbol("theta", real=True)
    grad = sp.diff((th - sp.nsimplify(target)) ** 2, th)
    t, alpha = sp.nsimplify(theta0), sp.nsimplify(lr)
    for printed in value:
        t = t - alpha * grad.subs(th, t)
        if not printed_matches(float(t), printed):
            return False
    return True


@register("sympy")
def squared_error_loss(value: str, *, errors: list) -> bool:
    """Which normalisation gives the *mean* squared error? ``value``: "half_sum" | "sum" | "mean".

    Evaluated exactly on the residuals ``errors``; with n ≠ 2 only "mean" equals MSE.
    """
    import sympy as sp

    e = [sp.nsimplify(v) for v in errors]
    n = len(e)
    sse = sum(v**2 for v in e)
    candidates = {"half_sum": sse / 2, "sum": sse, "mean": sse / n}
    mse = sp.Rational(1, n) * sse
    return value in candidates and sp.simplify(candidates[value] - mse) == 0


@register("sympy")
def chain_rule(value: str) -> bool:
    """Which chain rule is right for A = f(G(x))? ``value``: "article" | "standard".

    article:  ∇ₓA = ∇ₓ f(G(x)) · ∇_{G} A       standard: ∇ₓA = ∇ₓ G(x) · ∇_{G} f(G)
    Compared with ``sympy.diff`` of f(G(x)) for f = sin, G = x² + 1 (any non-trivial pair shows it).
    """
    import sympy as sp

    x, g = sp.symbols("x g", real=True)
    f = sp.sin
    G = x**2 + 1
    true = sp.diff(f(G), x)
    df_dg = sp.diff(f(g), g).subs(g, G)
    candidates = {"article": sp.diff(f(G), x) * df_dg, "standard": sp.diff(G, x) * df_dg}
    return value in candidates and sp.simplify(candidates[value] - true) == 0


# ------------------------------------------------------------------------- questions


@register("question")
def grade(value: Any, *, id: str, seed: int | None = None) -> bool:
    """Is ``value`` graded *correct* by the kb-grade question ``id``?"""
    from ..bank import load
    from ..grading.pipeline import check

    return check(load(id), str(value), seed=seed).verdict.value == "correct"
