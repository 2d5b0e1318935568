"""Size limits, checked on the typed string and on the tree before anything is evaluated or built.

Every constant subexpression is evaluated with plain floats (the function table's overflow-safe
implementations, never SymPy) to bound it: ``9^9^9``, ``factorial(factorial(20))``, ``exp(⌊1000⌋)`` or
``1e-999999999`` are refused in microseconds instead of hanging a CAS. A literal's size is checked on
its text before it becomes a number, tiny as well as huge, and a sum's body is checked at both ends
of its range.

>>> from graders.reading import parse
>>> check(parse("2^10"))
>>> check(parse("9^9^9"))
Traceback (most recent call last):
...
graders.errors.LimitError: too-large-number {'limit': '1e+300'} at 1
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import LimitError
from .functions import FUNCTIONS
from .tree import BinOp, Call, Deriv, Name, Neg, Node, Num, Postfix, Sum, children

__all__ = ["Limits", "DEFAULT", "check", "literal_exponent"]


@dataclass(frozen=True)
class Limits:
    max_chars: int = 2000
    max_tokens: int = 800
    max_depth: int = 60
    max_digits: int = 40  # digits in one literal
    max_magnitude: float = 1e300  # any constant subexpression
    min_magnitude: float = 1e-300  # any nonzero literal
    max_symbolic_exponent: int = 100  # x^n with x not a number
    max_exponent: int = 10_000  # an integer power of a number (its exact value is computed)
    max_factorial: int = 170
    max_sum_terms: int = 10_000
    max_lines: int = 40  # derivations
    max_file_bytes: int = 256_000  # a derivation read from a file
    timeout_s: float = 5.0  # hard limit per check (separate process)
    memory_mb: int = 1024  # address-space limit per check


DEFAULT = Limits()


def check(tree: Node, limits: Limits = DEFAULT) -> None:
    """Raise :class:`LimitError` if the tree would evaluate or build something too large."""
    _Bounder(limits).value(tree, {})


def literal_exponent(text: str) -> int:
    """The decimal exponent of a literal's leading digit: ``"1234.5"`` -> 3, ``"0.001"`` -> -3,
    ``"2e-999999"`` -> -999999 (read from the text, without building the number)."""
    mantissa, _, exp = text.lower().partition("e")
    whole, _, frac = mantissa.partition(".")
    shift = int(exp) if exp else 0
    if whole.strip("0"):
        return len(whole.lstrip("0")) - 1 + shift
    lead = len(frac) - len(frac.lstrip("0"))
    return shift - lead - 1 if frac.strip("0") else 0


class _Bounder:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def big(self, node: Node) -> LimitError:
        return LimitError("too-large-number", pos=node.pos, limit=f"{self.limits.max_magnitude:.0e}")

    def bounded(self, x: float | None, node: Node) -> float | None:
        if x is not None and (math.isinf(x) or abs(x) > self.limits.max_magnitude):
            raise self.big(node)
        return x

    def literal(self, node: Num) -> float:
        lim = self.limits
        mantissa = node.text.lower().split("e")[0]
        if sum(c.isdigit() for c in mantissa) > lim.max_digits:
            raise LimitError("too-many-digits", pos=node.pos, limit=lim.max_digits)
        exponent = literal_exponent(node.text)
        if exponent > math.log10(lim.max_magnitude):
            raise self.big(node)
        if mantissa.strip("0.") and exponent < math.log10(lim.min_magnitude):
            raise LimitError("too-small-number", pos=node.pos, limit=f"{lim.min_magnitude:.0e}")
        return self.bounded(float(node.text), node)

    def value(self, node: Node, index: dict[str, float]) -> float | None:  # one case per node type
        lim = self.limits
        if isinstance(node, Num):
            return self.literal(node)
        if isinstance(node, Name):
            if node.name in index:
                return index[node.name]
            return math.e if node.name == "e" else math.pi if node.name == "pi" else None
        if isinstance(node, Neg):
            v = self.value(node.operand, index)
            return None if v is None else -v
        if isinstance(node, BinOp):
            a, b = self.value(node.left, index), self.value(node.right, index)
            if node.op == "^":
                return self.power(node, a, b)
            if a is None or b is None:
                return None
            if node.op == "+":
                return self.bounded(a + b, node)
            if node.op == "-":
                return self.bounded(a - b, node)
            if node.op == "/":
                return self.bounded(a / b, node) if b else None
            return self.bounded(a * b, node)
        if isinstance(node, Postfix):
            v = self.value(node.operand, index)
            if node.op != "!":
                return v
            if v is None:
                raise LimitError("factorial-symbolic", pos=node.pos)
            if v > lim.max_factorial or v < 0 or v != int(v):
                raise LimitError("factorial-too-large", pos=node.pos, limit=lim.max_factorial)
            return float(math.factorial(int(v)))
        if isinstance(node, Call):
            return self.call(node, [self.value(a, index) for a in node.args])
        if isinstance(node, Sum):
            return self.sum(node, index)
        if isinstance(node, Deriv):
            self.value(node.body, {k: v for k, v in index.items() if k != node.var})
            return None
        for child in children(node):  # Eq, Vector
            self.value(child, index)
        return None

    def call(self, node: Call, vals: list[float | None]) -> float | None:
        if any(v is None for v in vals):
            return None
        if node.func in ("max", "min"):
            return (max if node.func == "max" else min)(vals)
        f = FUNCTIONS[node.func].value
        if f is None:
            return None
        try:
            return self.bounded(float(f(vals[0])), node)
        except OverflowError:
            raise self.big(node) from None
        except (ValueError, ZeroDivisionError):
            return None  # undefined (log of a negative ...): reported when evaluated

    def sum(self, node: Sum, index: dict[str, float]) -> None:
        """A sum's range is limited; its body is checked with the index at both ends."""
        lo, hi = self.value(node.lo, index), self.value(node.hi, index)
        if lo is not None and hi is not None:
            if hi - lo > self.limits.max_sum_terms:
                raise LimitError("sum-too-long", pos=node.pos, limit=self.limits.max_sum_terms)
            for end in {lo, hi}:
                self.value(node.body, {**index, node.index: end})
        else:
            self.value(node.body, {k: v for k, v in index.items() if k != node.index})
        return None

    def power(self, node: BinOp, a: float | None, b: float | None) -> float | None:
        lim = self.limits
        if b is None:
            return None
        if a is None:
            if abs(b * _inner_exponent(node.left, self)) > lim.max_symbolic_exponent:
                raise LimitError("exponent-too-large", pos=node.right.pos, limit=lim.max_symbolic_exponent)
            return None
        try:
            if a == 0:
                return 0.0 if b > 0 else None
            if a < 0 and b != int(b):
                return None
            v = math.pow(a, b)
        except OverflowError:
            raise self.big(node) from None
        except (ValueError, ZeroDivisionError):
            return None
        if v == 0:  # underflow: the exact value would be a huge fraction
            raise LimitError("too-small-number", pos=node.pos, limit=f"{lim.min_magnitude:.0e}")
        self.bounded(v, node)
        if b == int(b) and abs(b) > lim.max_exponent:  # (1 + 1e-30)^(10^9): millions of exact digits
            raise LimitError("exponent-too-large", pos=node.right.pos, limit=lim.max_exponent)
        return v


def _inner_exponent(base: Node, bounder: _Bounder) -> float:
    """The power a base already carries: ``(x^99)^99`` is x to the 9801st."""
    if isinstance(base, BinOp) and base.op == "^":
        e = bounder.value(base.right, {})
        if e is not None:
            return abs(e) * _inner_exponent(base.left, bounder)
    return 1.0
