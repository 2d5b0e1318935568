"""The one table of functions a reader may type: every stage reads it.

For each function: its spellings (plain, Unicode, LaTeX), arity, how it is printed, its float
implementation (overflow-safe, raising ``ValueError`` outside its domain), a bound on its
slope (for the float layer's rounding-error bounds), its SymPy implementation and where it
has kinks (sampled on both sides by the equivalence checks). The parsers take spellings and
arity from here, :mod:`graders.reading.limits` and :mod:`graders.evaluation` the float
implementation, :mod:`graders.symbolic.build` the SymPy one and :mod:`graders.reading.printer`
the printing. Adding a function is adding one entry.

Magnitude rule (the same for every entry): a constant call whose float value overflows or
exceeds ``Limits.max_magnitude`` is too large; a value outside the domain is undefined.

>>> FUNCTIONS["sigmoid"].value(-1000.0)  # overflow-safe: no OverflowError
0.0
>>> lookup("ReLU").name, lookup("σ").name, lookup("ceiling").name
('relu', 'sigma', 'ceil')
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Function", "FUNCTIONS", "PRIMED", "LATEX_COMMANDS", "lookup", "sigmoid"]


def sigmoid(a: float) -> float:
    """The logistic function without overflow: exp is only taken of a non-positive number."""
    if a >= 0:
        return 1.0 / (1.0 + math.exp(-a))
    z = math.exp(a)
    return z / (1.0 + z)


def _log_base(base: float) -> Callable[[float], float]:
    return lambda a: math.log(a) / math.log(base)


def _sech(a: float) -> float:
    return 0.0 if abs(a) > 710 else 1.0 / math.cosh(a)


def _csch(a: float) -> float:
    if a == 0:
        raise ValueError("csch(0)")
    return 0.0 if abs(a) > 710 else 1.0 / math.sinh(a)


def _coth(a: float) -> float:
    if a == 0:
        raise ValueError("coth(0)")
    return 1.0 / math.tanh(a)


@dataclass(frozen=True)
class Function:
    """One function. ``value``/``slope`` are None for functions the float layer does not
    evaluate entrywise (max/min/softmax are evaluated by the layer itself). ``sympy`` takes the
    ``sympy`` module and the built arguments. ``kinks``: ``"zero"`` (relu, abs: where the
    argument is 0), ``"integers"`` (floor, ceil), ``"ties"`` (max, min: where arguments are equal)."""

    name: str
    arity: tuple[int, int] = (1, 1)
    spellings: tuple[str, ...] = ()  # other plain spellings (``ReLU``, ``logistic``, ``σ``)
    latex: tuple[str, ...] = ()  # LaTeX commands (``\\exp``) and ``\\operatorname{…}`` words
    plain: str = ""  # printed name in plain text (default: the name)
    tex: str = ""  # printed LaTeX command (default: ``\\operatorname{name}``)
    value: Callable[[float], float] | None = None
    slope: Callable[[float, float], float] | None = None  # |f'| at (argument, value), for error bounds
    sympy: Callable[..., Any] | None = None
    kinks: str = ""
    elementwise: bool = True  # applied entry by entry to a matrix argument
    call_only: bool = False  # a function only when followed by "(": ``sigma`` alone is a variable

    @property
    def printed(self) -> str:
        return self.plain or self.name

    @property
    def latex_name(self) -> str:
        return self.tex or rf"\operatorname{{{self.name}}}"


def _sig(sp, a):
    return 1 / (1 + sp.exp(-a))


def _softmax(sp, x):
    exps = x.applyfunc(sp.exp)
    total = sum(exps)
    return exps.applyfunc(lambda v: v / total)


_TABLE = [
    Function("exp", latex=("exp",), tex=r"\exp", value=math.exp, slope=lambda a, v: v, sympy=lambda sp, a: sp.exp(a)),
    Function(
        "log",
        spellings=("ln",),
        latex=("log", "ln"),
        plain="ln",
        tex=r"\ln",
        value=math.log,
        slope=lambda a, v: 1 / abs(a),
        sympy=lambda sp, a: sp.log(a),
    ),
    Function(
        "log10",
        latex=("lg",),
        tex=r"\log_{10}",
        value=_log_base(10),
        slope=lambda a, v: 1 / abs(a * math.log(10)),
        sympy=lambda sp, a: sp.log(a, 10),
    ),
    Function(
        "log2",
        tex=r"\log_{2}",
        value=_log_base(2),
        slope=lambda a, v: 1 / abs(a * math.log(2)),
        sympy=lambda sp, a: sp.log(a, 2),
    ),
    Function(
        "sqrt",
        latex=("sqrt",),
        tex=r"\sqrt",
        value=math.sqrt,
        slope=lambda a, v: math.inf if v == 0 else 0.5 / v,
        sympy=lambda sp, a: sp.sqrt(a),
    ),
    Function(
        "tanh",
        latex=("tanh",),
        tex=r"\tanh",
        value=math.tanh,
        slope=lambda a, v: 1 - v * v,
        sympy=lambda sp, a: sp.tanh(a),
    ),
    Function(
        "sinh",
        latex=("sinh",),
        tex=r"\sinh",
        value=math.sinh,
        slope=lambda a, v: math.cosh(a),
        sympy=lambda sp, a: sp.sinh(a),
    ),
    Function(
        "cosh",
        latex=("cosh",),
        tex=r"\cosh",
        value=math.cosh,
        slope=lambda a, v: abs(math.sinh(a)),
        sympy=lambda sp, a: sp.cosh(a),
    ),
    Function(
        "sech",
        latex=("sech",),
        tex=r"\operatorname{sech}",
        value=_sech,
        slope=lambda a, v: v,
        sympy=lambda sp, a: sp.sech(a),
    ),
    Function(
        "csch",
        latex=("csch",),
        tex=r"\operatorname{csch}",
        value=_csch,
        slope=lambda a, v: abs(v) * (abs(v) + 1) + 1,
        sympy=lambda sp, a: sp.csch(a),
    ),
    Function(
        "coth",
        latex=("coth",),
        tex=r"\coth",
        value=_coth,
        slope=lambda a, v: abs(1 - v * v),
        sympy=lambda sp, a: sp.coth(a),
    ),
    Function("sin", latex=("sin",), tex=r"\sin", value=math.sin, slope=lambda a, v: 1.0, sympy=lambda sp, a: sp.sin(a)),
    Function("cos", latex=("cos",), tex=r"\cos", value=math.cos, slope=lambda a, v: 1.0, sympy=lambda sp, a: sp.cos(a)),
    Function(
        "tan", latex=("tan",), tex=r"\tan", value=math.tan, slope=lambda a, v: 1 + v * v, sympy=lambda sp, a: sp.tan(a)
    ),
    Function(
        "abs", latex=("abs",), tex="", value=abs, slope=lambda a, v: 1.0, sympy=lambda sp, a: sp.Abs(a), kinks="zero"
    ),
    Function(
        "sigmoid",
        spellings=("logistic",),
        plain="σ",
        tex=r"\sigma",
        value=sigmoid,
        slope=lambda a, v: v * (1 - v),
        sympy=_sig,
    ),
    # "sigma" is the sigmoid only when called: σ(z); a bare σ is a variable (a standard deviation)
    Function(
        "sigma", plain="σ", tex=r"\sigma", value=sigmoid, slope=lambda a, v: v * (1 - v), sympy=_sig, call_only=True
    ),
    Function(
        "relu",
        spellings=("ReLU", "Relu"),
        tex=r"\operatorname{ReLU}",
        value=lambda a: max(a, 0.0),
        slope=lambda a, v: 1.0,
        sympy=lambda sp, a: sp.Max(0, a),
        kinks="zero",
    ),
    Function("floor", latex=("floor",), tex="", value=math.floor, sympy=lambda sp, a: sp.floor(a), kinks="integers"),
    Function(
        "ceil",
        spellings=("ceiling",),
        latex=("ceil", "ceiling"),
        tex="",
        value=math.ceil,
        sympy=lambda sp, a: sp.ceiling(a),
        kinks="integers",
    ),
    Function("max", arity=(2, 8), latex=("max",), tex=r"\max", sympy=lambda sp, *a: sp.Max(*a), kinks="ties"),
    Function("min", arity=(2, 8), latex=("min",), tex=r"\min", sympy=lambda sp, *a: sp.Min(*a), kinks="ties"),
    Function("softmax", spellings=("Softmax",), tex=r"\operatorname{softmax}", sympy=_softmax, elementwise=False),
    # derivatives written with a prime: σ'(z), tanh'(x), relu'(x)
    Function(
        "sigmoid'",
        plain="σ'",
        tex=r"\sigma'",
        value=lambda a: sigmoid(a) * (1 - sigmoid(a)),
        slope=lambda a, v: 0.1,
        sympy=lambda sp, a: _sig(sp, a) * (1 - _sig(sp, a)),
    ),  # |σ''| <= 0.1
    Function(
        "tanh'",
        tex=r"\tanh'",
        value=lambda a: 1 - math.tanh(a) ** 2,
        slope=lambda a, v: 0.8,
        sympy=lambda sp, a: 1 - sp.tanh(a) ** 2,
    ),  # |2 tanh (1 - tanh²)| <= 0.77
    Function(
        "relu'",
        tex=r"\operatorname{ReLU}'",
        value=lambda a: 1.0 if a > 0 else 0.0,
        slope=lambda a, v: 0.0,
        sympy=lambda sp, a: sp.Heaviside(a, 0),
        kinks="zero",
    ),
    # structural forms: parsed into Sum / Deriv / BinOp / Postfix nodes, never called
    Function("sum", arity=(4, 4), elementwise=False),
    Function("diff", arity=(2, 2), elementwise=False),
    Function("hadamard", arity=(2, 2), elementwise=False),
    Function("transpose", elementwise=False),
]

FUNCTIONS: dict[str, Function] = {f.name: f for f in _TABLE}
#: the derivative each primed spelling stands for: ``σ'`` is ``sigmoid'``
PRIMED = {"sigmoid": "sigmoid'", "sigma": "sigmoid'", "tanh": "tanh'", "relu": "relu'"}
#: LaTeX command or ``\operatorname`` word -> function name
LATEX_COMMANDS = {word: f.name for f in _TABLE for word in f.latex}
_SPELLINGS = {s: f.name for f in _TABLE for s in f.spellings} | {"σ": "sigma"}


def lookup(spelling: str) -> Function | None:
    """The function a plain spelling names, or None."""
    name = _SPELLINGS.get(spelling, spelling)
    return FUNCTIONS.get(name)
