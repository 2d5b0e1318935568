"""Build SymPy objects from a checked tree, using only whitelisted constructors.

Names are resolved in an :class:`Env` (the question's symbol table); names that clash
with SymPy are plain symbols here. ``log``/``ln`` are the natural logarithm; ``⌊x⌋``/``⌈x⌉``
are ``sympy.floor``/``sympy.ceiling`` (element-wise on matrices).

>>> from graders.parse import parse
>>> build(parse("2(theta-1) + e^0"), Env())
2*theta - 1
>>> build(parse("floor((28 - 3 + 2*1)/2) + 1"), Env())
14
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Mapping

import sympy as sp

from .errors import InputError, LimitError, NameError_, ShapeError
from .limits import DEFAULT
from .names import digit_alias, display_name, split_name, splittable
from .tree import BinOp, Call, Deriv, Eq, Name, Neg, Node, Num, Postfix, Sum, Vector

__all__ = ["Env", "build", "number", "split_name"]


@dataclass
class Env:
    """Symbol table. ``values`` maps canonical names to SymPy objects (symbols,
    numbers, matrices); with ``strict`` any other variable name is an error."""

    values: Mapping[str, object] = field(default_factory=dict)
    strict: bool = False
    positive: frozenset[str] = frozenset()

    def symbol(self, name: str) -> sp.Symbol:
        if name in self.positive:
            return sp.Symbol(name, positive=True)
        return sp.Symbol(name, real=True)


def number(text: str) -> sp.Rational:
    """Exact rational from a decimal literal: ``"0.6"`` -> 3/5, ``"1e2"`` -> 100."""
    f = Fraction(text)
    return sp.Rational(f.numerator, f.denominator)


def _is_matrix(x: object) -> bool:
    return isinstance(x, sp.MatrixBase)


def _is_number(x) -> bool:
    return not _is_matrix(x) and getattr(x, "is_number", False)


def _broadcast(a, b):
    """A number next to a matrix becomes a matrix of that number."""
    if _is_matrix(a):
        return a, sp.ones(*a.shape) * b
    return sp.ones(*b.shape) * a, b


def _elementwise(f, x):
    return x.applyfunc(f) if _is_matrix(x) else f(x)


def _sigmoid(x):
    return 1 / (1 + sp.exp(-x))


def _softmax(x):
    if not _is_matrix(x):
        raise ShapeError("softmax-needs-vector")
    exps = x.applyfunc(sp.exp)
    total = sum(exps)
    return exps.applyfunc(lambda v: v / total)


_FUNCS = {
    "exp": sp.exp, "log": sp.log, "ln": sp.log, "sqrt": sp.sqrt, "tanh": sp.tanh,
    "sinh": sp.sinh, "cosh": sp.cosh, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "abs": sp.Abs, "sigmoid": _sigmoid, "sigma": _sigmoid, "relu": lambda a: sp.Max(0, a),
    "sigmoid'": lambda a: _sigmoid(a) * (1 - _sigmoid(a)), "tanh'": lambda a: 1 - sp.tanh(a) ** 2,
    "relu'": lambda a: sp.Heaviside(a, 0), "floor": sp.floor, "ceil": sp.ceiling,
}
#: :mod:`graders.limits` bounds every constant with floats before anything is built, but
#: it cannot follow a value through ``floor``/``ceil``/``max``/``min``, so ``9^⌊9^9⌋``,
#: ``exp(⌊1000⌋)`` or ``sum(…, i, 1, ⌊10^9⌋)`` would reach SymPy. The builder repeats the
#: bounds on what it builds: no number beyond ``max_magnitude``, no exact power with more
#: than ``_MAX_DIGITS`` digits (refused before SymPy computes it), no sum of more terms.
_MAX_DIGITS = 10_000
_MAX_TERMS = 10_000


class _Builder:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.index: dict[str, sp.Symbol] = {}

    def name(self, node: Name):
        env, name = self.env, node.name
        base, _, sub = name.partition("_")
        if sub in self.index and name not in env.values:
            return sp.IndexedBase(base)[self.index[sub]]
        if name in self.index:
            return self.index[name]
        if name in env.values:
            return env.values[name]
        alias = digit_alias(name)
        if alias in env.values:  # W_1 and W1 are the same name
            return env.values[alias]
        if name == "e":
            return sp.E
        if name == "pi":
            return sp.pi
        if not env.strict:
            base, _, sub = name.partition("_")
            head = base.rstrip("0123456789")
            if head and head != base and not sub:  # W1 and W_1 are one symbol
                name = f"{head}_{base[len(head):]}"
            if splittable(name):  # "2ab" is 2·a·b when no symbol table says otherwise
                out = sp.Integer(1)
                for letter in name:
                    out = out * env.symbol(letter)
                return out
            return env.symbol(name)
        parts = split_name(name, env.values)
        if parts:
            out = sp.Integer(1)
            for p in parts:
                out = self.mul(out, env.values[p], node)
            return out
        raise NameError_("unknown-name", pos=node.pos, name=display_name(name),
                         allowed=", ".join(display_name(n) for n in env.values) or "-")

    def mul(self, a, b, node: Node):
        if _is_matrix(a) and _is_matrix(b) and a.shape[1] != b.shape[0]:
            hint = "transpose" if (a.shape[0] == b.shape[0] or a.shape[1] == b.shape[1]) else ""
            raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op="·", hint=hint)
        return a * b

    def build(self, node: Node):  # noqa: C901 - one case per node type
        if isinstance(node, Num):
            return number(node.text)
        if isinstance(node, Name):
            return self.name(node)
        if isinstance(node, Neg):
            return -self.build(node.operand)
        if isinstance(node, BinOp):
            return _bounded(self.binop(node), node)
        if isinstance(node, Call):
            return _bounded(self.call(node), node)
        if isinstance(node, Postfix):
            x = self.build(node.operand)
            if node.op == "T":
                return x.T if _is_matrix(x) else x
            return sp.factorial(x)
        if isinstance(node, Vector):
            if all(isinstance(i, Vector) for i in node.items):  # [[a, b], [c, d]]: rows
                rows = [[self.build(x) for x in row.items] for row in node.items]
                if len({len(r) for r in rows}) != 1:
                    raise ShapeError("ragged-matrix", pos=node.pos)
                if any(_is_matrix(x) for r in rows for x in r):
                    raise ShapeError("ragged-matrix", pos=node.pos)
                return sp.Matrix(rows)
            items = [self.build(i) for i in node.items]
            if any(_is_matrix(x) for x in items):
                raise ShapeError("ragged-matrix", pos=node.pos)
            return sp.Matrix(items)
        if isinstance(node, Sum):
            i = sp.Symbol(node.index, integer=True)
            lo, hi = self.build(node.lo), self.build(node.hi)
            saved, self.index = self.index, {**self.index, node.index: i}
            try:
                body = self.build(node.body)
            finally:
                self.index = saved
            s = sp.Sum(body, (i, lo, hi))
            if lo.is_Integer and hi.is_Integer:
                if hi - lo > _MAX_TERMS:
                    raise LimitError("sum-too-long", pos=node.pos, limit=_MAX_TERMS)
                return s.doit()
            return s
        if isinstance(node, Deriv):
            var = self.name(Name(node.var, node.pos))
            if not isinstance(var, sp.Symbol):
                raise InputError("diff-variable", pos=node.pos)
            return sp.diff(self.build(node.body), var)
        if isinstance(node, Eq):
            raise InputError("equation-not-expected", pos=node.pos)
        raise InputError("unsupported", pos=getattr(node, "pos", 0))

    def call(self, node: Call):
        args = [self.build(a) for a in node.args]
        if node.func == "softmax":
            return _softmax(args[0])
        if node.func in ("max", "min"):
            return (sp.Max if node.func == "max" else sp.Min)(*args)
        if node.func == "hadamard":
            return self.hadamard(args[0], args[1], node)
        if node.func == "transpose":
            return args[0].T if _is_matrix(args[0]) else args[0]
        return _elementwise(_FUNCS[node.func], args[0])

    def hadamard(self, a, b, node: Node):
        if _is_matrix(a) and _is_matrix(b):
            if a.shape != b.shape:
                raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op="⊙", hint="")
            return a.multiply_elementwise(b)
        return a * b

    def binop(self, node: BinOp):
        if node.op == "^" and isinstance(node.right, Name) and node.right.name == "T" and "T" not in self.env.values:
            x = self.build(node.left)
            return x.T if _is_matrix(x) else x
        a, b = self.build(node.left), self.build(node.right)
        op = node.op
        try:
            if op == "+" or op == "-":
                if _is_matrix(a) != _is_matrix(b) and _is_number(b if _is_matrix(a) else a):
                    a, b = _broadcast(a, b)  # "1 - σ(z)" on a vector means elementwise
                if _is_matrix(a) != _is_matrix(b) or (_is_matrix(a) and a.shape != b.shape):
                    raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op=op,
                                     hint="transpose" if _is_matrix(a) and _is_matrix(b) and a.shape == b.shape[::-1] else "")
                return a + b if op == "+" else a - b
            if op in ("*", "@"):
                return self.mul(a, b, node)
            if op == "⊙":
                return self.hadamard(a, b, node)
            if op == "/":
                if _is_matrix(b):
                    raise ShapeError("matrix-division", pos=node.pos)
                return a / b
            if _is_matrix(a) or _is_matrix(b):
                raise ShapeError("matrix-power", pos=node.pos)
            _check_power(a, b, node)
            return sp.Pow(a, b)
        except sp.ShapeError as exc:  # any shape problem SymPy finds that we did not
            raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op=op, hint="") from exc


def _too_large(node: Node) -> LimitError:
    return LimitError("too-large-number", pos=node.pos, limit=f"{DEFAULT.max_magnitude:.0e}")


def _bounded(x, node: Node):
    """``x`` itself, or ``too-large-number`` if it is a number beyond ``max_magnitude``."""
    if not _is_number(x):
        return x
    if x.is_Rational:
        big = abs(x.p) > int(DEFAULT.max_magnitude) * x.q
    else:
        try:
            big = abs(complex(x)) > DEFAULT.max_magnitude  # inf when beyond floats; nan is not big
        except (TypeError, ValueError, ArithmeticError):  # no numeric value: nothing to bound
            big = False
    if big:
        raise _too_large(node)
    return x


def _check_power(a, b, node: BinOp) -> None:
    """Refuse a power of two numbers whose exact value would have more than
    ``_MAX_DIGITS`` digits (``9^⌊9^9⌋``) before SymPy computes it."""
    if not (_is_number(a) and _is_number(b)):
        return
    try:
        base, exponent = abs(complex(a)), abs(complex(b))
    except (TypeError, ValueError, ArithmeticError):  # not a plain number: nothing SymPy would expand
        return
    if math.isnan(base) or math.isnan(exponent) or base in (0.0, 1.0) or exponent <= 1:
        return
    if exponent * abs(math.log10(base)) > _MAX_DIGITS:  # inf when either is infinite
        raise _too_large(node)


def _shape(x) -> str:
    return f"{x.shape[0]}×{x.shape[1]}" if _is_matrix(x) else "1×1"


def build(tree: Node, env: Env | None = None):
    """SymPy object for a tree; raise a typed :class:`InputError` on names/shapes."""
    return _Builder(env or Env()).build(tree)
