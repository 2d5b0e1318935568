"""Build SymPy objects from a checked tree, using only whitelisted constructors.

Names were resolved when the tree was read; here each is looked up in the question's symbols
(:class:`Env`): a declared scalar is a real (or positive) ``Symbol``, a declared matrix an explicit
``MatrixSymbol``, any other name (only without a symbol table) a real ``Symbol``; ``e`` and ``pi``
are the constants unless declared. Functions come from the one table
(:mod:`graders.reading.functions`), applied entry by entry to matrices where the table says so.
The size limits were checked on the tree before (:mod:`graders.reading.limits`).

>>> from graders.reading import parse
>>> build(parse("2(theta-1) + e^0"), Env.of(Symbols()))
2*theta - 1
>>> build(parse("floor((28 - 3 + 2*1)/2) + 1"), Env.of(Symbols()))
14
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import sympy as sp

from ..errors import InputError, LimitError, ShapeError
from ..evaluation.compile import transpose_hint
from ..reading.functions import FUNCTIONS
from ..reading.limits import DEFAULT
from ..reading.symbols import Symbols
from ..reading.tree import BinOp, Call, Deriv, Eq, Name, Neg, Node, Num, Postfix, Sum, Vector

__all__ = ["Env", "build", "number", "is_matrix", "shape_of", "value"]


@dataclass(frozen=True)
class Env:
    """The SymPy objects of a question's symbols, by name."""

    values: dict = field(default_factory=dict)
    symbols: Symbols = field(default_factory=Symbols)

    @classmethod
    def of(cls, symbols: Symbols) -> Env:
        return _env(symbols)

    def symbol(self, name: str):
        return self.values[name] if name in self.values else sp.Symbol(name, real=True)


@lru_cache(maxsize=256)
def _env(symbols: Symbols) -> Env:
    values: dict = {}
    for v in symbols.variables:
        if v.shape:
            values[v.name] = sp.MatrixSymbol(v.name, *v.shape).as_explicit()
        elif v.domain == "positive":
            values[v.name] = sp.Symbol(v.name, positive=True)
        else:
            values[v.name] = sp.Symbol(v.name, real=True)
    return Env(values, symbols)


def number(text: str) -> sp.Rational:
    """Exact rational from a decimal literal: ``"0.6"`` -> 3/5, ``"1e2"`` -> 100."""
    f = Fraction(text)
    return sp.Rational(f.numerator, f.denominator)


def is_matrix(x: object) -> bool:
    return isinstance(x, sp.MatrixBase)


def shape_of(x) -> tuple[int, int]:
    return tuple(x.shape) if is_matrix(x) else (1, 1)


def _shape(x) -> str:
    return f"{x.shape[0]}×{x.shape[1]}" if is_matrix(x) else "1×1"


def _is_number(x) -> bool:
    return not is_matrix(x) and getattr(x, "is_number", False)


def _broadcast(a, b):
    """A number next to a matrix becomes a matrix of that number."""
    if is_matrix(a):
        return a, sp.ones(*a.shape) * b
    return sp.ones(*b.shape) * a, b


class _Builder:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.index: dict[str, sp.Symbol] = {}

    def name(self, node: Name):
        env, name = self.env, node.name
        base, _, sub = name.partition("_")
        if name in self.index:
            return self.index[name]
        if sub in self.index and name not in env.values:
            return sp.IndexedBase(base)[self.index[sub]]
        if name in env.values:
            return env.values[name]
        if name == "e":
            return sp.E
        if name == "pi":
            return sp.pi
        return env.symbol(name)

    def mul(self, a, b, node: Node):
        if is_matrix(a) and is_matrix(b) and a.shape[1] != b.shape[0]:
            hint = transpose_hint(a.shape, b.shape, product=True)
            raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op="·", hint=hint)
        return a * b

    def build(self, node: Node):  # one case per node type
        if isinstance(node, Num):
            return number(node.text)
        if isinstance(node, Name):
            return self.name(node)
        if isinstance(node, Neg):
            return -self.build(node.operand)
        if isinstance(node, BinOp):
            return self.binop(node)
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Postfix):
            x = self.build(node.operand)
            if node.op == "T":
                return x.T if is_matrix(x) else x
            return sp.factorial(x)
        if isinstance(node, Vector):
            return self.vector(node)
        if isinstance(node, Sum):
            return self.sum(node)
        if isinstance(node, Deriv):
            var = self.name(Name(node.var, node.pos))
            if not isinstance(var, sp.Symbol):
                raise InputError("diff-variable", pos=node.pos)
            return sp.diff(self.build(node.body), var)
        if isinstance(node, Eq):
            raise InputError("equation-not-expected", pos=node.pos)
        raise InputError("unsupported", pos=getattr(node, "pos", 0))

    def vector(self, node: Vector):
        if all(isinstance(i, Vector) for i in node.items):  # [[a, b], [c, d]]: rows
            rows = [[self.build(x) for x in row.items] for row in node.items]
            if len({len(r) for r in rows}) != 1 or any(is_matrix(x) for r in rows for x in r):
                raise ShapeError("ragged-matrix", pos=node.pos)
            return sp.Matrix(rows)
        items = [self.build(i) for i in node.items]
        if any(is_matrix(x) for x in items):
            raise ShapeError("ragged-matrix", pos=node.pos)
        return sp.Matrix(items)

    def sum(self, node: Sum):
        i = sp.Symbol(node.index, integer=True)
        lo, hi = self.build(node.lo), self.build(node.hi)
        saved, self.index = self.index, {**self.index, node.index: i}
        try:
            body = self.build(node.body)
        finally:
            self.index = saved
        s = sp.Sum(body, (i, lo, hi))
        if lo.is_Integer and hi.is_Integer:
            if hi - lo > DEFAULT.max_sum_terms:
                raise LimitError("sum-too-long", pos=node.pos, limit=DEFAULT.max_sum_terms)
            return s.doit()
        return s

    def call(self, node: Call):
        args = [self.build(a) for a in node.args]
        entry = FUNCTIONS[node.func]
        if node.func == "softmax":
            if not is_matrix(args[0]):
                raise ShapeError("softmax-needs-vector", pos=node.pos)
            return entry.sympy(sp, args[0])
        if node.func in ("max", "min"):
            mats = [a for a in args if is_matrix(a)]
            if not mats:
                return entry.sympy(sp, *args)
            shape = mats[0].shape
            if any(m.shape != shape for m in mats):
                raise ShapeError(
                    "shape-mismatch", pos=node.pos, left=_shape(mats[0]), right=_shape(mats[-1]), op=node.func, hint=""
                )
            return sp.Matrix(*shape, lambda r, c: entry.sympy(sp, *(a[r, c] if is_matrix(a) else a for a in args)))
        x = args[0]
        return x.applyfunc(lambda v: entry.sympy(sp, v)) if is_matrix(x) else entry.sympy(sp, x)

    def hadamard(self, a, b, node: Node):
        if is_matrix(a) and is_matrix(b):
            if a.shape != b.shape:
                raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op="⊙", hint="")
            return a.multiply_elementwise(b)
        return a * b

    def binop(self, node: BinOp):
        a, b = self.build(node.left), self.build(node.right)
        op = node.op
        try:
            if op in ("+", "-"):
                if is_matrix(a) != is_matrix(b) and _is_number(b if is_matrix(a) else a):
                    a, b = _broadcast(a, b)  # "1 - σ(z)" on a vector means elementwise
                if is_matrix(a) != is_matrix(b) or (is_matrix(a) and a.shape != b.shape):
                    raise ShapeError(
                        "shape-mismatch",
                        pos=node.pos,
                        left=_shape(a),
                        right=_shape(b),
                        op=op,
                        hint=transpose_hint(shape_of(a), shape_of(b)) if is_matrix(a) and is_matrix(b) else "",
                    )
                return a + b if op == "+" else a - b
            if op in ("*", "@"):
                return self.mul(a, b, node)
            if op == "⊙":
                return self.hadamard(a, b, node)
            if op == "/":
                if is_matrix(b):
                    raise ShapeError("matrix-division", pos=node.pos)
                return a / b
            if is_matrix(a) or is_matrix(b):
                raise ShapeError("matrix-power", pos=node.pos)
            return sp.Pow(a, b)
        except sp.ShapeError as exc:  # any shape problem SymPy finds that we did not
            raise ShapeError("shape-mismatch", pos=node.pos, left=_shape(a), right=_shape(b), op=op, hint="") from exc


def build(tree: Node, env: Env | None = None):
    """SymPy object for a tree; raise a typed :class:`InputError` on shapes."""
    return _Builder(env or Env.of(Symbols())).build(tree)


def value(expr):
    """The value of a constant SymPy expression as the float layer holds numbers: a ``Fraction``
    when it is rational, else ``(float, rounding bound)`` of its 30-digit value;
    :class:`InputError` if it has variables or is not a finite real number."""
    from ..reading.names import display_name

    if is_matrix(expr):
        raise InputError("expected-scalar")
    free = sorted(str(s) for s in expr.free_symbols)
    if free:
        raise InputError("not-a-number", names=", ".join(display_name(n) for n in free))
    if expr.is_Rational:
        return Fraction(int(expr.p), int(expr.q))
    v = sp.N(expr, 30)
    if not v.is_real or not v.is_finite:
        raise InputError("not-real")
    f = float(v)
    if abs(f) > DEFAULT.max_magnitude:
        raise LimitError("too-large-number", limit=f"{DEFAULT.max_magnitude:.0e}")
    return f, 2.0**-52 * abs(f)
