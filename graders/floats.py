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

from .names import CONSTANTS, GREEK, display_name, function_name
from .tree import BinOp, Call, Name, Neg, Node, Num, Postfix, walk

__all__ = ["Scope", "Undecided", "Equivalence", "equivalent", "scale_factor", "variables"]

EPS = 2.0**-52
AGREE, DIFFER, SAFETY = 1e-9, 1e-6, 1e3

# the readable points compare.sample_point tries first (same order)
_NICE = [Fraction(v, 2) for v in (-5, -3, -2, -1, 1, 2, 3, 5, 7)] + [Fraction(v, 10) for v in (-7, 3, 13, 17)]
_NICE_POS = [v for v in _NICE if v > 0] + [Fraction(5, 2), Fraction(11, 4)]


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
    ``constants`` a parameter to its value; ``strict`` rejects any other name."""

    variables: Mapping[str, bool]
    constants: Mapping[str, float] = field(default_factory=dict)
    strict: bool = False

    def declared(self, name: str) -> bool:
        return name in self.variables or name in self.constants


# A compiled node: point -> (value, absolute rounding-error bound).
Fn = Callable[[dict], tuple[float, float]]


def _digit_alias(name: str) -> str:  # W_1 and W1 are one name (as in graders.build)
    base, _, sub = name.partition("_")
    if sub.isdigit():
        return base + sub
    head = base.rstrip("0123456789")
    return f"{head}_{base[len(head):]}" if head and head != base and not sub else name


def _splittable(name: str) -> bool:  # "ab" is a·b when nothing declares "ab" (as in graders.build)
    return (len(name) > 1 and name.isascii() and name.isalpha() and name not in GREEK and name not in CONSTANTS
            and not function_name(name) and not name.endswith("hat"))


def _split_declared(name: str, scope: Scope) -> list[str] | None:
    out, i = [], 0
    while i < len(name):
        for j in range(len(name), i, -1):
            if scope.declared(name[i:j]):
                out.append(name[i:j])
                i = j
                break
        else:
            return None
    return out


def _resolve(name: str, scope: Scope) -> list[str]:
    """The declared or free names a typed name stands for (a product when split)."""
    for candidate in (name, _digit_alias(name)):
        if scope.declared(candidate):
            return [candidate]
    if name in CONSTANTS:
        return [name]
    if scope.strict:
        parts = _split_declared(name, scope)
        if not parts:
            raise Undecided(f"unknown name {name}")  # the SymPy path reports it with a caret
        return parts
    name = _digit_alias(name) if "_" not in name else name
    return list(name) if _splittable(name) else [name]


def variables(trees: list[Node], scope: Scope) -> list[str]:
    """The variables to sample, sorted as the SymPy path sorts its symbols."""
    found = set()
    for tree in trees:
        for node in walk(tree):
            if isinstance(node, Name):
                found |= {n for n in _resolve(node.name, scope) if n not in scope.constants and n not in CONSTANTS}
    return sorted(found)


def _leaf(name: str, scope: Scope) -> Fn:
    if name in scope.constants:
        exact = Fraction(str(scope.constants[name]))
        c = float(exact)
        err = 0.0 if Fraction(c) == exact else EPS * abs(c)
        return lambda p: (c, err)
    if name in CONSTANTS:
        c = math.e if name == "e" else math.pi
        return lambda p: (c, EPS * c)
    return lambda p: p[name]


def _product(fns: list[Fn]) -> Fn:
    out = fns[0]
    for fn in fns[1:]:
        out = _mul(out, fn)
    return out


def _check(v: float) -> float:
    if isinstance(v, complex) or not math.isfinite(v):
        raise _Undefined
    return v


def _add(f: Fn, g: Fn, sign: float) -> Fn:
    def fn(p):
        (a, ea), (b, eb) = f(p), g(p)
        v = _check(a + sign * b)
        return v, ea + eb + EPS * abs(v)
    return fn


def _mul(f: Fn, g: Fn) -> Fn:
    def fn(p):
        (a, ea), (b, eb) = f(p), g(p)
        v = _check(a * b)
        return v, abs(a) * eb + abs(b) * ea + ea * eb + EPS * abs(v)
    return fn


def _div(f: Fn, g: Fn) -> Fn:
    def fn(p):
        (a, ea), (b, eb) = f(p), g(p)
        if b == 0 or eb >= abs(b):
            raise _Undefined
        v = _check(a / b)
        return v, (ea + abs(v) * eb) / (abs(b) - eb) + EPS * abs(v)
    return fn


def _pow(f: Fn, g: Fn) -> Fn:
    def fn(p):
        (a, ea), (b, eb) = f(p), g(p)
        if a < 0 and (b != int(b) or eb):
            raise _Undefined  # SymPy's principal root is not real
        try:
            v = _check(a**b)
        except (ZeroDivisionError, OverflowError):
            raise _Undefined from None
        if a == 0:
            return v, 0.0 if not (ea or eb) else math.inf
        d_base = abs(b * v / a) * ea
        d_exp = abs(v * math.log(abs(a))) * eb
        return v, d_base + d_exp + EPS * abs(v) * (1 + abs(b))
    return fn


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


def _unary(name: str, f: Fn) -> Fn:
    value, slope = _UNARY[name]

    def fn(p):
        a, ea = f(p)
        try:
            v = _check(float(value(a)))
        except (ValueError, ZeroDivisionError, OverflowError):
            raise _Undefined from None
        if name == "relu'" and ea and abs(a) <= ea:
            raise Undecided("relu' at its step")
        return v, (slope(a, v) * ea if ea else 0.0) + EPS * abs(v)
    return fn


def _step(name: str, f: Fn) -> Fn:
    def fn(p):
        a, ea = f(p)
        v = float(_STEPS[name](a))
        if min(abs(a - math.floor(a)), abs(math.ceil(a) - a)) <= ea and ea:
            raise Undecided(f"{name} at an integer")  # rounding could move it to the next step
        return v, 0.0
    return fn


def _extremum(name: str, fs: list[Fn]) -> Fn:
    pick = max if name == "max" else min

    def fn(p):
        vals = [f(p) for f in fs]
        return pick(vals, key=lambda t: t[0])[0], max(e for _, e in vals)
    return fn


def _factorial(f: Fn) -> Fn:
    def fn(p):
        a, ea = f(p)
        if ea or a != int(a) or not 0 <= a <= 170:
            raise Undecided("factorial of a non-integer")
        return float(math.factorial(int(a))), 0.0
    return fn


def compile_tree(node: Node, scope: Scope) -> Fn:  # noqa: C901 - one case per node type
    """A function of a point for ``node``; :class:`Undecided` for what floats do not model."""
    if isinstance(node, Num):
        exact = Fraction(node.text)
        c = float(exact)
        err = 0.0 if Fraction(c) == exact else EPS * abs(c)
        return lambda p: (c, err)
    if isinstance(node, Name):
        return _product([_leaf(n, scope) for n in _resolve(node.name, scope)])
    if isinstance(node, Neg):
        f = compile_tree(node.operand, scope)
        return lambda p: (lambda v: (-v[0], v[1]))(f(p))
    if isinstance(node, BinOp):
        if node.op == "^" and isinstance(node.right, Name) and node.right.name == "T" and not scope.declared("T"):
            return compile_tree(node.left, scope)  # a scalar's transpose is itself
        f, g = compile_tree(node.left, scope), compile_tree(node.right, scope)
        if node.op in "+-":
            return _add(f, g, 1.0 if node.op == "+" else -1.0)
        if node.op in ("*", "@", "⊙"):
            return _mul(f, g)
        if node.op == "/":
            return _div(f, g)
        if node.op == "^":
            return _pow(f, g)
    if isinstance(node, Call):
        args = [compile_tree(a, scope) for a in node.args]
        if node.func in _UNARY and len(args) == 1:
            return _unary(node.func, args[0])
        if node.func in _STEPS and len(args) == 1:
            return _step(node.func, args[0])
        if node.func in ("max", "min"):
            return _extremum(node.func, args)
        if node.func == "hadamard" and len(args) == 2:
            return _mul(*args)
        if node.func == "transpose" and len(args) == 1:
            return args[0]
    if isinstance(node, Postfix):
        f = compile_tree(node.operand, scope)
        return f if node.op == "T" else _factorial(f)
    raise Undecided(type(node).__name__)  # Sum, Deriv, Vector, Eq, softmax ...


def _sample(names: list[str], scope: Scope, rng: random.Random, nice: bool) -> dict:
    point = {}
    for name in names:
        positive = scope.variables.get(name, False)
        if nice:
            v = rng.choice(_NICE_POS if positive else _NICE)
        else:
            v = Fraction(rng.randint(1, 3000), 1000)
            v = v if positive or rng.random() < 0.5 else -v
        x = float(v)
        point[name] = (x, 0.0 if Fraction(x) == v else EPS * abs(x))
    return point


def _compare(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True if the values agree, False if they clearly differ; Undecided in between."""
    (x, ex), (y, ey) = a, b
    gap, scale, err = abs(x - y), max(1.0, abs(x), abs(y)), SAFETY * (ex + ey)
    if gap + err <= AGREE * scale:
        return True
    if gap > DIFFER * scale and gap > err:
        return False
    raise Undecided("difference within rounding")


def _points(names, scope, seed, tries):
    rng = random.Random(seed)
    for attempt in range(tries):
        yield _sample(names, scope, rng, nice=attempt < tries // 4)


def _show(v: float) -> str:
    return f"{v:.6g}"


def equivalent(a: Node, b: Node, scope: Scope, *, points: int = 8, tries: int = 40, seed: int = 0,
               negate_b: bool = False) -> Equivalence:
    """``equal`` or ``not-equal`` (with a counterexample) for two scalar trees, or
    :class:`Undecided`. ``negate_b`` compares ``a`` with ``-b``."""
    fa, fb = compile_tree(a, scope), compile_tree(b, scope)
    names = variables([a, b], scope)
    sign = -1.0 if negate_b else 1.0
    good = 0
    for point in _points(names, scope, seed, tries):
        try:
            va, (y, ey) = fa(point), fb(point)
        except _Undefined:
            continue
        vb = (sign * y, ey)
        if not _compare(va, vb):
            shown = {display_name(n): _show(point[n][0]) for n in names}
            return Equivalence("not-equal", "numeric", shown, _show(va[0]), _show(vb[0]))
        good += 1
        if good >= points or not names:
            return Equivalence("equal", "numeric")
    raise Undecided("too few points where both sides are defined")


def scale_factor(got: Node, expected: Node, scope: Scope, *, points: int = 6, seed: int = 1) -> Fraction | None:
    """The small rational ``r`` (numerator and denominator at most 12, not 0 or 1) with
    ``got = r · expected`` at every sampled point (a missing 1/n or factor 2), or None."""
    fg, fe = compile_tree(got, scope), compile_tree(expected, scope)
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
            if not _compare((g, eg), (float(ratio) * e, abs(float(ratio)) * ee)):
                return None
        except Undecided:
            return None
        seen += 1
        if seen >= points or not names:
            return ratio
    return None
