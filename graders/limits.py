"""Size limits, checked on the typed string and on the tree before SymPy builds anything.

A constant subexpression is evaluated with plain floats (never SymPy) to bound powers,
factorials and literals: ``9^9^9`` or ``factorial(factorial(20))`` are rejected in
microseconds instead of hanging a CAS.

>>> from graders.parse import parse
>>> check(parse("2^10"))
>>> check(parse("9^9^9"))
Traceback (most recent call last):
...
graders.errors.LimitError: too-large-number {'limit': '1e+300'} at 1
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import LimitError
from .tree import BinOp, Call, Name, Neg, Node, Num, Postfix, Sum, children

__all__ = ["Limits", "DEFAULT", "check", "const_value"]


@dataclass(frozen=True)
class Limits:
    max_chars: int = 2000
    max_tokens: int = 800
    max_depth: int = 60
    max_digits: int = 40  # digits in one literal
    max_magnitude: float = 1e300  # any constant subexpression
    max_symbolic_exponent: int = 100  # x^n with x not a number
    max_factorial: int = 170
    max_lines: int = 40  # derivations
    timeout_s: float = 5.0  # hard wall clock per check (separate process)
    memory_mb: int = 1024  # address-space limit per check


DEFAULT = Limits()


def const_value(node: Node, limits: Limits = DEFAULT) -> float | None:
    """Float value of a constant subtree, None if it has variables.

    Raises :class:`LimitError` if a value exceeds ``max_magnitude`` (or overflows).
    """
    return _Bounder(limits).value(node)


def check(tree: Node, limits: Limits = DEFAULT) -> None:
    """Raise :class:`LimitError` if the tree would build something too large."""
    _Bounder(limits).value(tree)


_FLOAT_FUNCS = {
    "exp": math.exp, "log": math.log, "ln": math.log, "sqrt": math.sqrt, "tanh": math.tanh,
    "sinh": math.sinh, "cosh": math.cosh, "sin": math.sin, "cos": math.cos, "tan": math.tan,
    "abs": abs, "relu": lambda a: max(a, 0.0), "floor": math.floor, "ceil": math.ceil, "ceiling": math.ceil,
    "sigmoid": lambda a: 1 / (1 + math.exp(-a)) if a > -700 else 0.0,
}
_FLOAT_FUNCS["sigma"] = _FLOAT_FUNCS["sigmoid"]


class _Bounder:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def big(self, node: Node) -> LimitError:
        return LimitError("too-large-number", pos=node.pos, limit=f"{self.limits.max_magnitude:.0e}")

    def bounded(self, x: float | None, node: Node) -> float | None:
        if x is not None and (math.isinf(x) or abs(x) > self.limits.max_magnitude):
            raise self.big(node)
        return x

    def value(self, node: Node) -> float | None:  # noqa: C901 - one case per node type
        lim = self.limits
        if isinstance(node, Num):
            mantissa = node.text.lower().split("e")[0]
            if sum(c.isdigit() for c in mantissa) > lim.max_digits:
                raise LimitError("too-many-digits", pos=node.pos, limit=lim.max_digits)
            try:
                return self.bounded(float(node.text), node)
            except OverflowError:
                raise self.big(node) from None
        if isinstance(node, Name):
            return math.e if node.name == "e" else math.pi if node.name == "pi" else None
        if isinstance(node, Neg):
            v = self.value(node.operand)
            return None if v is None else -v
        if isinstance(node, BinOp):
            a, b = self.value(node.left), self.value(node.right)
            if node.op == "^":
                return self.power(node, a, b)
            if a is None or b is None:
                return None
            try:
                if node.op == "+":
                    return self.bounded(a + b, node)
                if node.op == "-":
                    return self.bounded(a - b, node)
                if node.op == "/":
                    return self.bounded(a / b, node) if b else None
                return self.bounded(a * b, node)
            except OverflowError:
                raise self.big(node) from None
        if isinstance(node, Postfix):
            v = self.value(node.operand)
            if node.op != "!":
                return v
            if v is None:
                raise LimitError("factorial-symbolic", pos=node.pos)
            if v > lim.max_factorial or v < 0 or v != int(v):
                raise LimitError("factorial-too-large", pos=node.pos, limit=lim.max_factorial)
            return float(math.factorial(int(v)))
        if isinstance(node, Call):
            vals = [self.value(a) for a in node.args]
            f = _FLOAT_FUNCS.get(node.func)
            if f is None or any(v is None for v in vals) or len(vals) != 1:
                return None
            try:
                return self.bounded(float(f(vals[0])), node)
            except OverflowError:
                raise self.big(node) from None
            except (ValueError, ZeroDivisionError):
                return None  # undefined (log of a negative ...): SymPy reports it later
        if isinstance(node, Sum):
            lo, hi = self.value(node.lo), self.value(node.hi)
            if lo is not None and hi is not None and hi - lo > 10_000:
                raise LimitError("sum-too-long", pos=node.pos, limit=10_000)
            self.value(node.body)
            return None
        for child in children(node):  # Deriv, Eq, Vector
            self.value(child)
        return None

    def power(self, node: BinOp, a: float | None, b: float | None) -> float | None:
        lim = self.limits
        if b is None:
            return None
        if a is None:
            if abs(b) > lim.max_symbolic_exponent:
                raise LimitError("exponent-too-large", pos=node.right.pos, limit=lim.max_symbolic_exponent)
            return None
        try:
            if a == 0:
                return 0.0 if b > 0 else None
            if a < 0 and b != int(b):
                return None
            return self.bounded(math.pow(a, b), node)
        except OverflowError:
            raise self.big(node) from None
        except (ValueError, ZeroDivisionError):
            return None
