"""Equivalence of scalar answers in floating point, without SymPy.

Most answers are scalar expressions in a few declared variables. Comparing both typed
trees at the random points :mod:`graders.compare` would sample decides them without
importing SymPy (about 0.6 s of a cold start) or building SymPy objects (the slow part
of a check). The float path is timid on purpose: it answers only when the evidence is
clear and raises :class:`Undecided` otherwise, and the caller then runs the SymPy
layers exactly as before. Undecided are: trees it does not model (sums, derivatives,
vectors, equations, factorials of non-integers), names the SymPy builder would reject
or treat specially, too few points where both sides are defined, and differences that
float rounding could explain.

Rounding is bounded, not guessed: every node returns its value and a first-order
bound on its absolute rounding error (running error analysis), so ``(x^20 + 1) - x^20``
is not mistaken for a difference. At a point, two values agree when they differ by at
most ``1e-9·max(1, |a|, |b|)`` (the SymPy path's test) *including* the error bounds, and
differ when the gap exceeds ``1e-6·max(1, |a|, |b|)`` and a thousand times the bounds.

Points are drawn as :func:`graders.compare.sample_point` draws them (same generator,
same order of variables), so a counterexample is the one the SymPy path would name.

>>> from graders.parse import parse
>>> scope = Scope({"z": False})
>>> equivalent(parse("σ(z)(1-σ(z))"), parse("exp(-z)/(1+exp(-z))^2"), scope).verdict
'equal'
>>> r = equivalent(parse("x^2"), parse("x"), Scope({"x": False}))
>>> r.verdict, r.point
('not-equal', {'x': '1.5'})
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Mapping

from .names import CONSTANTS, digit_alias, display_name, split_name, splittable
from .tree import BinOp, Call, Name, Neg, Node, Num, Postfix, Vector, children

__all__ = ["Scope", "Undecided", "Equivalence", "equivalent", "scale_factor", "shape", "variables", "compile_tree"]

EPS = 2.0**-52
AGREE, DIFFER, SAFETY = 1e-9, 1e-6, 1e3

# the readable points tried first, here and by compare.sample_point (same order)
NICE = [Fraction(v, 2) for v in (-5, -3, -2, -1, 1, 2, 3, 5, 7)] + [Fraction(v, 10) for v in (-7, 3, 13, 17)]
NICE_POSITIVE = [v for v in NICE if v > 0] + [Fraction(5, 2), Fraction(11, 4)]


class Undecided(Exception):
    """Floats cannot decide this comparison; use the SymPy layers."""


class _Undefined(Exception):
    """The expression has no real value at this point (log of a negative, 1/0 ...)."""


@dataclass(frozen=True)
class Equivalence:
    """``verdict`` is ``equal`` | ``not-equal`` | ``undetermined``; ``point`` names a
    counterexample (display name -> value), ``left``/``right`` the two values there."""

    verdict: str
    method: str = ""  # structural | numeric | simplify | shape
    point: dict | None = None
    left: str = ""
    right: str = ""


@dataclass(frozen=True)
class Scope:
    """Names of a question without SymPy: ``variables`` maps a name to "is positive",
    ``constants`` a parameter to its value, ``shapes`` a matrix variable to its
    (rows, columns); ``strict`` rejects any other name."""

    variables: Mapping[str, bool]
    constants: Mapping[str, float] = field(default_factory=dict)
    strict: bool = False
    shapes: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def declared(self, name: str) -> bool:
        return name in self.variables or name in self.constants

    __contains__ = declared


# A value is a scalar ``(value, absolute rounding-error bound)`` or a matrix: a tuple of
# rows of scalars. A compiled node is (function of a point, shape); shape None is a scalar.
Val = tuple
Fn = Callable[[dict], Val]
Shape = tuple[int, int] | None


def _resolve(name: str, scope: Scope) -> list[str]:
    """The declared or free names a typed name stands for (a product when split)."""
    for candidate in (name, digit_alias(name)):
        if scope.declared(candidate):
            return [candidate]
    if name in CONSTANTS:
        return [name]
    if scope.strict:
        parts = split_name(name, scope)
        if not parts:
            raise Undecided(f"unknown name {name}")  # the SymPy path reports it with a caret
        return parts
    name = digit_alias(name) if "_" not in name else name
    return list(name) if splittable(name) else [name]


def _is_transpose(node: Node, scope: Scope) -> bool:
    return (isinstance(node, BinOp) and node.op == "^" and isinstance(node.right, Name) and node.right.name == "T"
            and not scope.declared("T"))


def variables(trees: list[Node], scope: Scope) -> list[str]:
    """The variables to sample, sorted as the SymPy path sorts its symbols."""
    found, stack = set(), list(trees)
    while stack:
        node = stack.pop()
        if isinstance(node, Name):
            found |= {n for n in _resolve(node.name, scope) if n not in scope.constants and n not in CONSTANTS}
        elif _is_transpose(node, scope):
            stack.append(node.left)  # the T of x^T is not a variable
        else:
            stack.extend(children(node))
    return sorted(found)


def _leaf(name: str, scope: Scope) -> tuple[Fn, Shape]:
    if name in scope.constants:
        exact = Fraction(str(scope.constants[name]))
        c = float(exact)
        err = 0.0 if Fraction(c) == exact else EPS * abs(c)
        return (lambda p: (c, err)), None
    if name in CONSTANTS:
        c = math.e if name == "e" else math.pi
        return (lambda p: (c, EPS * c)), None
    return (lambda p: p[name]), scope.shapes.get(name)


def _check(v: float) -> float:
    if isinstance(v, complex) or not math.isfinite(v):
        raise _Undefined
    return v


# scalar arithmetic with first-order error bounds

def _add(x: Val, y: Val) -> Val:
    (a, ea), (b, eb) = x, y
    v = _check(a + b)
    return v, ea + eb + EPS * abs(v)


def _neg(x: Val) -> Val:
    return -x[0], x[1]


def _mul(x: Val, y: Val) -> Val:
    (a, ea), (b, eb) = x, y
    v = _check(a * b)
    return v, abs(a) * eb + abs(b) * ea + ea * eb + EPS * abs(v)


def _div(x: Val, y: Val) -> Val:
    (a, ea), (b, eb) = x, y
    if b == 0 or eb >= abs(b):
        raise _Undefined
    v = _check(a / b)
    return v, (ea + abs(v) * eb) / (abs(b) - eb) + EPS * abs(v)


def _pow(x: Val, y: Val) -> Val:
    (a, ea), (b, eb) = x, y
    if a < 0 and (b != int(b) or eb):
        raise _Undefined  # SymPy's principal root is not real
    try:
        v = _check(a**b)
    except (ZeroDivisionError, OverflowError):
        raise _Undefined from None
    if a == 0:
        return v, 0.0 if not (ea or eb) else math.inf
    return v, abs(b * v / a) * ea + abs(v * math.log(abs(a))) * eb + EPS * abs(v) * (1 + abs(b))


def _sigmoid(a: float) -> float:
    return 1 / (1 + math.exp(-a))


# name -> (value, |derivative| at the argument and value), for the error bound
_UNARY: dict[str, tuple[Callable[[float], float], Callable[[float, float], float]]] = {
    "exp": (math.exp, lambda a, v: v),
    "log": (math.log, lambda a, v: 1 / abs(a)),
    "ln": (math.log, lambda a, v: 1 / abs(a)),
    "sqrt": (math.sqrt, lambda a, v: math.inf if v == 0 else 0.5 / v),
    "tanh": (math.tanh, lambda a, v: 1 - v * v),
    "sinh": (math.sinh, lambda a, v: math.cosh(a)),
    "cosh": (math.cosh, lambda a, v: abs(math.sinh(a))),
    "sin": (math.sin, lambda a, v: 1.0),
    "cos": (math.cos, lambda a, v: 1.0),
    "tan": (math.tan, lambda a, v: 1 + v * v),
    "abs": (abs, lambda a, v: 1.0),
    "sigmoid": (_sigmoid, lambda a, v: v * (1 - v)),
    "relu": (lambda a: max(a, 0.0), lambda a, v: 1.0),
    "sigmoid'": (lambda a: _sigmoid(a) * (1 - _sigmoid(a)), lambda a, v: 0.1),  # |s''| <= 0.1
    "tanh'": (lambda a: 1 - math.tanh(a) ** 2, lambda a, v: 0.8),  # |2 tanh (1 - tanh²)| <= 0.77
    "relu'": (lambda a: 1.0 if a > 0 else 0.0, lambda a, v: 0.0),  # Heaviside(a, 0)
}
_UNARY["sigma"] = _UNARY["sigmoid"]
_STEPS = {"floor": math.floor, "ceil": math.ceil, "ceiling": math.ceil}


def _unary(name: str, x: Val) -> Val:
    a, ea = x
    if name in _STEPS:
        if ea and min(a - math.floor(a), math.ceil(a) - a) <= ea:
            raise Undecided(f"{name} at an integer")  # rounding could move it to the next step
        return float(_STEPS[name](a)), 0.0
    value, slope = _UNARY[name]
    try:
        v = _check(float(value(a)))
    except (ValueError, ZeroDivisionError, OverflowError):
        raise _Undefined from None
    if name == "relu'" and ea and abs(a) <= ea:
        raise Undecided("relu' at its step")
    return v, (slope(a, v) * ea if ea else 0.0) + EPS * abs(v)


def _factorial(x: Val) -> Val:
    a, ea = x
    if ea or a != int(a) or not 0 <= a <= 170:
        raise Undecided("factorial of a non-integer")
    return float(math.factorial(int(a))), 0.0


# matrices: entrywise maps and the matrix product

def _map(f: Callable[[Val], Val], x: Val, shape: Shape) -> Val:
    return f(x) if shape is None else tuple(tuple(f(v) for v in row) for row in x)


def _zip(f: Callable[[Val, Val], Val], x: Val, y: Val, sx: Shape, sy: Shape) -> Val:
    if sx is None and sy is None:
        return f(x, y)
    if sx is None:
        return tuple(tuple(f(x, v) for v in row) for row in y)
    if sy is None:
        return tuple(tuple(f(v, y) for v in row) for row in x)
    return tuple(tuple(f(u, v) for u, v in zip(ru, rv)) for ru, rv in zip(x, y))


def _matmul(x: Val, y: Val) -> Val:
    cols = list(zip(*y))
    out = []
    for row in x:
        entries = []
        for col in cols:
            acc = (0.0, 0.0)
            for u, v in zip(row, col):
                acc = _add(acc, _mul(u, v))
            entries.append(acc)
        out.append(tuple(entries))
    return tuple(out)


def _transpose(x: Val, shape: Shape) -> tuple[Val, Shape]:
    return (x, None) if shape is None else (tuple(zip(*x)), (shape[1], shape[0]))


def _softmax(x: Val) -> Val:
    exps = _map(lambda v: _unary("exp", v), x, (1, 1))
    total = (0.0, 0.0)
    for row in exps:
        for v in row:
            total = _add(total, v)
    return tuple(tuple(_div(v, total) for v in row) for row in exps)


def _is_constant(node: Node, scope: Scope) -> bool:
    return not variables([node], scope)


def compile_tree(node: Node, scope: Scope) -> tuple[Fn, Shape]:  # noqa: C901 - one case per node type
    """(function of a point, shape) for ``node``; :class:`Undecided` for what floats do
    not model or for shapes that do not fit (the SymPy path explains those)."""
    if isinstance(node, Num):
        exact = Fraction(node.text)
        c = float(exact)
        err = 0.0 if Fraction(c) == exact else EPS * abs(c)
        return (lambda p: (c, err)), None
    if isinstance(node, Name):
        leaves = [_leaf(n, scope) for n in _resolve(node.name, scope)]
        out = leaves[0]
        for leaf in leaves[1:]:  # "W1x" with W1 and x declared is W1·x
            out = _times(out, leaf)
        return out
    if isinstance(node, Neg):
        f, shape = compile_tree(node.operand, scope)
        return (lambda p: _map(_neg, f(p), shape)), shape
    if isinstance(node, BinOp):
        return _binop(node, scope)
    if isinstance(node, Call):
        return _call(node, scope)
    if isinstance(node, Postfix):
        f, shape = compile_tree(node.operand, scope)
        if node.op == "T":
            return (lambda p: _transpose(f(p), shape)[0]), _transpose((), shape)[1]
        if shape is None:
            return (lambda p: _factorial(f(p))), None
    if isinstance(node, Vector):
        return _vector(node, scope)
    raise Undecided(type(node).__name__)  # Sum, Deriv, Eq, a matrix factorial


def _times(left: tuple[Fn, Shape], right: tuple[Fn, Shape]) -> tuple[Fn, Shape]:
    """``a * b``: the matrix product for two matrices, else entrywise scaling."""
    (f, sf), (g, sg) = left, right
    if sf is not None and sg is not None:
        if sf[1] != sg[0]:
            raise Undecided("shapes do not fit")
        return (lambda p: _matmul(f(p), g(p))), (sf[0], sg[1])
    return (lambda p: _zip(_mul, f(p), g(p), sf, sg)), sf or sg


def _binop(node: BinOp, scope: Scope) -> tuple[Fn, Shape]:
    if _is_transpose(node, scope):
        f, shape = compile_tree(node.left, scope)
        return (lambda p: _transpose(f(p), shape)[0]), _transpose((), shape)[1]
    (f, sf), (g, sg) = compile_tree(node.left, scope), compile_tree(node.right, scope)
    op = node.op
    if op in "+-":
        if sf != sg and not (sf is None and _is_constant(node.left, scope)) and not (sg is None and _is_constant(node.right, scope)):
            raise Undecided("shapes do not fit")
        pair = _add if op == "+" else (lambda x, y: _add(x, _neg(y)))
        return (lambda p: _zip(pair, f(p), g(p), sf, sg)), sf or sg
    if op in ("*", "@"):
        return _times((f, sf), (g, sg))
    if op == "⊙":
        if sf and sg and sf != sg:
            raise Undecided("shapes do not fit")
        return (lambda p: _zip(_mul, f(p), g(p), sf, sg)), sf or sg
    if op == "/" and sg is None:
        return (lambda p: _zip(_div, f(p), g(p), sf, None)), sf
    if op == "^" and sf is None and sg is None:
        return (lambda p: _pow(f(p), g(p))), None
    raise Undecided("a matrix where SymPy reports an error")


def _call(node: Call, scope: Scope) -> tuple[Fn, Shape]:
    args = [compile_tree(a, scope) for a in node.args]
    func = node.func
    if (func in _UNARY or func in _STEPS) and len(args) == 1:
        (f, shape), = args
        return (lambda p: _map(lambda v: _unary(func, v), f(p), shape)), shape
    if func in ("max", "min") and all(shape is None for _, shape in args):
        pick = max if func == "max" else min
        fns = [f for f, _ in args]

        def extremum(p):
            vals = [f(p) for f in fns]
            return pick(vals, key=lambda t: t[0])[0], max(e for _, e in vals)
        return extremum, None
    if func == "hadamard" and len(args) == 2:
        return _binop(BinOp("⊙", node.args[0], node.args[1], node.pos), scope)
    if func == "transpose" and len(args) == 1:
        (f, shape), = args
        return (lambda p: _transpose(f(p), shape)[0]), _transpose((), shape)[1]
    if func == "softmax" and len(args) == 1 and args[0][1] is not None:
        (f, shape), = args
        return (lambda p: _softmax(f(p))), shape
    raise Undecided(func)


def _vector(node: Vector, scope: Scope) -> tuple[Fn, Shape]:
    if all(isinstance(i, Vector) for i in node.items):
        rows = [[compile_tree(x, scope) for x in row.items] for row in node.items]
    else:
        rows = [[compile_tree(x, scope)] for x in node.items]
    if len({len(r) for r in rows}) != 1 or any(shape for r in rows for _, shape in r):
        raise Undecided("ragged matrix")
    fns = [[f for f, _ in r] for r in rows]
    return (lambda p: tuple(tuple(f(p) for f in r) for r in fns)), (len(rows), len(rows[0]))


def _draw(positive: bool, rng: random.Random, nice: bool) -> Val:
    if nice:
        v = rng.choice(NICE_POSITIVE if positive else NICE)
    else:
        v = Fraction(rng.randint(1, 3000), 1000)
        v = v if positive or rng.random() < 0.5 else -v
    x = float(v)
    return x, 0.0 if Fraction(x) == v else EPS * abs(x)


def _sample(names: list[str], scope: Scope, rng: random.Random, nice: bool) -> dict:
    point = {}
    for name in names:
        shape = scope.shapes.get(name)
        if shape:  # entries row by row, never positive (as compare.sample_point)
            point[name] = tuple(tuple(_draw(False, rng, nice) for _ in range(shape[1])) for _ in range(shape[0]))
        else:
            point[name] = _draw(scope.variables.get(name, False), rng, nice)
    return point


def _agree(a: Val, b: Val) -> bool:
    """True if two scalars agree, False if they clearly differ; Undecided in between."""
    (x, ex), (y, ey) = a, b
    gap, scale, err = abs(x - y), max(1.0, abs(x), abs(y)), SAFETY * (ex + ey)
    if gap + err <= AGREE * scale:
        return True
    if gap > DIFFER * scale and gap > err:
        return False
    raise Undecided("difference within rounding")


def _compare(a: Val, b: Val, shape: Shape) -> bool:
    """Scalars or same-shape matrices: one clear difference decides; else all must agree."""
    if shape is None:
        return _agree(a, b)
    unsure = False
    for u, v in zip((x for row in a for x in row), (y for row in b for y in row)):
        try:
            if not _agree(u, v):
                return False
        except Undecided:
            unsure = True
    if unsure:
        raise Undecided("difference within rounding")
    return True


def _points(names, scope, seed, tries):
    rng = random.Random(seed)
    for attempt in range(tries):
        yield _sample(names, scope, rng, nice=attempt < tries // 4)


def _show(v: Val, shape: Shape) -> str:
    if shape is None:
        return f"{v[0]:.6g}"
    return "[" + "; ".join(", ".join(f"{x[0]:.6g}" for x in row) for row in v) + "]"


def equivalent(a: Node, b: Node, scope: Scope, *, points: int = 8, tries: int = 40, seed: int = 0,
               negate_b: bool = False) -> Equivalence:
    """``equal`` or ``not-equal`` (with a counterexample) for two trees of the same
    shape, or :class:`Undecided`. ``negate_b`` compares ``a`` with ``-b``."""
    (fa, sa), (fb, sb) = compile_tree(a, scope), compile_tree(b, scope)
    if sa != sb:
        raise Undecided("different shapes")  # the callers explain shapes
    names = variables([a, b], scope)
    good = 0
    for point in _points(names, scope, seed, tries):
        try:
            va, vb = fa(point), fb(point)
        except _Undefined:
            continue
        if negate_b:
            vb = _map(_neg, vb, sb)
        if not _compare(va, vb, sa):
            shown = {display_name(n): _show(point[n], scope.shapes.get(n)) for n in names}
            return Equivalence("not-equal", "numeric", shown, _show(va, sa), _show(vb, sb))
        good += 1
        if good >= points or not names:
            return Equivalence("equal", "numeric")
    raise Undecided("too few points where both sides are defined")


def shape(node: Node, scope: Scope) -> Shape:
    """The shape of a tree (None for a scalar); :class:`Undecided` if floats cannot tell."""
    return compile_tree(node, scope)[1]


def scale_factor(got: Node, expected: Node, scope: Scope, *, points: int = 6, seed: int = 1) -> Fraction | None:
    """The small rational ``r`` (numerator and denominator at most 12, not 0 or 1) with
    ``got = r · expected`` at every sampled point (a missing 1/n or factor 2), or None."""
    (fg, sg), (fe, se) = compile_tree(got, scope), compile_tree(expected, scope)
    if sg is not None or se is not None:
        return None  # scaled matrices are not diagnosed (as on the SymPy path)
    names = variables([got, expected], scope)
    ratio, seen = None, 0
    for point in _points(names, scope, seed, 40):
        try:
            (g, eg), (e, ee) = fg(point), fe(point)
        except _Undefined:
            continue
        if abs(e) <= SAFETY * ee or e == 0:
            continue
        r = g / e
        if ratio is None:
            ratio = Fraction(r).limit_denominator(12)
            if ratio in (0, 1) or abs(ratio.numerator) > 12:
                return None
        try:
            if not _agree((g, eg), (float(ratio) * e, abs(float(ratio)) * ee)):
                return None
        except Undecided:
            return None
        seen += 1
        if seen >= points or not names:
            return ratio
    return None
