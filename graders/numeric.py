"""Numeric answers: safe evaluation, tolerances, significant figures on the typed string.

An answer may be an expression (``-ln(0.6)-ln(0.7)``); it is evaluated by SymPy's
``evalf`` on an object built from the whitelist, never by ``eval``.

>>> sig_figs("0.008670"), sig_figs("1.20e3"), sig_figs("-(1)")
(4, 3, None)
>>> from graders.questions import Tolerance
>>> within(100.0000001, 100, Tolerance(rel=1e-6))
True
>>> from graders.parse import parse
>>> fast_value(parse("floor((224 + 2*3 - 7)/2) + 1"), {}), fast_value(parse("⌈0.7/0.1⌉"), {})
(112.0, 7.0)
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from .errors import InputError, LimitError
from .limits import DEFAULT
from .names import display_name
from .tree import BinOp, Call, Name, Neg, Node, Num, Postfix

__all__ = ["sig_figs", "value", "fast_value", "Fallback", "within", "sig_fig_tolerance", "round_sig"]

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


def value(expr) -> float:
    """Float value of a constant SymPy expression; InputError if it has variables
    or is not a finite real number."""
    import sympy as sp

    if isinstance(expr, sp.MatrixBase):
        raise InputError("expected-scalar")
    free = sorted(str(s) for s in expr.free_symbols)
    if free:
        raise InputError("not-a-number", names=", ".join(display_name(n) for n in free))
    v = sp.N(expr, 30)
    if not v.is_real or not v.is_finite:
        raise InputError("not-real")
    if abs(float(v)) > DEFAULT.max_magnitude:
        raise _too_large()
    return float(v)


def _too_large(pos: int | None = None) -> LimitError:
    return LimitError("too-large-number", pos=pos, limit=f"{DEFAULT.max_magnitude:.0e}")


def sig_fig_tolerance(expected: float, n: int) -> float:
    """Half a unit in the n-th significant figure of ``expected``."""
    if expected == 0:
        return 0.5 * 10.0 ** (-n)
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(expected))) - n + 1)


def round_sig(x: float, n: int) -> str:
    return f"{x:.{n}g}"


def within(got: float, expected: float, tol) -> bool:
    """True if ``got`` is within the question's tolerance of ``expected``."""
    bound = max(tol.abs, tol.rel * abs(expected))
    if tol.sig_figs:
        bound = max(bound, sig_fig_tolerance(expected, tol.sig_figs))
    return abs(got - expected) <= bound * (1 + 1e-12)


class Fallback(Exception):
    """The float fast path cannot evaluate this tree; use SymPy."""


_F1 = {
    "exp": math.exp, "log": math.log, "ln": math.log, "sqrt": math.sqrt, "tanh": math.tanh,
    "sinh": math.sinh, "cosh": math.cosh, "sin": math.sin, "cos": math.cos, "tan": math.tan, "abs": abs,
    "relu": lambda a: max(a, 0.0), "sigmoid": lambda a: 1 / (1 + math.exp(-a)), "sigma": lambda a: 1 / (1 + math.exp(-a)),
}
_ROUND = {"floor": math.floor, "ceil": math.ceil}
_MAX_POWER_BITS = 40_000  # exact powers longer than this are left to floats


def _exact(node: Node, consts: dict[str, float]) -> Fraction | None:
    """Exact rational value of literals, parameters, ``+ - * /``, integer powers and
    floor/ceil; None for anything else (``sqrt``, ``e`` ...) or an undefined value."""
    if isinstance(node, Num):
        return Fraction(node.text)
    if isinstance(node, Name):
        return Fraction(repr(consts[node.name])) if node.name in consts else None
    if isinstance(node, Neg):
        v = _exact(node.operand, consts)
        return None if v is None else -v
    if isinstance(node, Call) and node.func in _ROUND and len(node.args) == 1:
        v = _exact(node.args[0], consts)
        return None if v is None else Fraction(_ROUND[node.func](v))
    if not (isinstance(node, BinOp) and node.op in "+-*/^"):
        return None
    a, b = _exact(node.left, consts), _exact(node.right, consts)
    if a is None or b is None:
        return None
    if node.op in "+-*":
        return a + b if node.op == "+" else a - b if node.op == "-" else a * b
    if node.op == "/":
        return a / b if b else None
    if b.denominator != 1 or (a == 0 and b < 0):
        return None
    if abs(b) * max(a.numerator.bit_length(), a.denominator.bit_length()) > _MAX_POWER_BITS:
        return None
    return a ** int(b)


def _rounded(node: Call, consts: dict[str, float]) -> float:
    """floor/ceil: exact when the argument is rational; otherwise a float, but SymPy
    decides when the float is within rounding of a step (``⌊100·sin(pi/6)⌋`` is 50, not 49)."""
    step = _ROUND[node.func]
    exact = _exact(node.args[0], consts)
    try:
        if exact is not None:
            return float(step(exact))
        v = fast_value(node.args[0], consts)
        if not math.isfinite(v) or abs(v - round(v)) <= 1e-9 * max(1.0, abs(v)):
            raise Fallback(f"{node.func} at a step")
        return float(step(v))
    except OverflowError:
        raise _too_large(node.pos) from None


def fast_value(node: Node, consts: dict[str, float]) -> float:
    """Float value of a constant tree without SymPy (fast CLI start for numeric
    questions). Raises :class:`Fallback` for anything unusual and InputError
    ``not-real`` for undefined values. The tree must have passed the limit checks.
    """
    if isinstance(node, Num):
        return float(node.text)
    if isinstance(node, Name):
        if node.name in consts:
            return consts[node.name]
        if node.name in ("e", "pi"):
            return math.e if node.name == "e" else math.pi
        raise Fallback(node.name)
    if isinstance(node, Neg):
        return -fast_value(node.operand, consts)
    if isinstance(node, BinOp) and node.op in "+-*/^":
        a, b = fast_value(node.left, consts), fast_value(node.right, consts)
        try:
            if node.op == "+":
                v = a + b
            elif node.op == "-":
                v = a - b
            elif node.op == "*":
                v = a * b
            elif node.op == "/":
                v = a / b
            elif a < 0 and b != int(b):
                raise InputError("not-real", pos=node.pos)
            else:
                v = a**b
        except ZeroDivisionError:
            raise InputError("not-real", pos=node.pos) from None
        except OverflowError:  # past what the limits could follow (``9^⌊9^9⌋``)
            raise _too_large(node.pos) from None
        if isinstance(v, complex):
            raise InputError("not-real", pos=node.pos)
        if abs(v) > DEFAULT.max_magnitude:  # past what the limits could follow (``⌊1e300⌋·10``)
            raise _too_large(node.pos)
        return float(v)
    if isinstance(node, Call) and len(node.args) == 1 and node.func in _F1:
        try:
            v = _F1[node.func](fast_value(node.args[0], consts))
        except (ValueError, ZeroDivisionError):
            raise InputError("not-real", pos=node.pos) from None
        except OverflowError:  # exp(⌊1000⌋)
            raise _too_large(node.pos) from None
        if abs(v) > DEFAULT.max_magnitude:
            raise _too_large(node.pos)
        return float(v)
    if isinstance(node, Call) and node.func in _ROUND and len(node.args) == 1:
        return _rounded(node, consts)
    if isinstance(node, Call) and node.func in ("max", "min"):
        vals = [fast_value(a, consts) for a in node.args]
        return max(vals) if node.func == "max" else min(vals)
    if isinstance(node, Postfix) and node.op == "!":
        return float(math.factorial(int(fast_value(node.operand, consts))))
    raise Fallback(type(node).__name__)
