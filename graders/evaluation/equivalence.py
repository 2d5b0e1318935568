"""Equivalence of two typed trees without SymPy: three-valued, and equal means equal.

Both trees are evaluated at the points of :mod:`graders.evaluation.sampling` (readable points,
both sides of every kink, three scales). At each point the values are compared exactly where
they are exact (rational expressions at rational points) and otherwise within their rigorous
rounding bounds (:func:`graders.evaluation.values.compare`). One clear difference is a
counterexample (``not-equal``); equality needs the points of the whole protocol, and enough of them
where floats resolve the values to 1e-12 (a point where rounding hides more, ``1 − σ(300)``, is no
evidence either way). Anything the float layer cannot settle raises :class:`Undecided`, and the
SymPy layers decide as if floats did not exist: too few points where both sides are defined and
resolved, trees floats do not model, a constant below 1e-9 or above 1e9 next to an inexact value,
and a kink's term that rounding would hide (floats cannot see such terms).

>>> from graders.reading import parse
>>> from graders.reading.symbols import Symbols
>>> equivalent(parse("σ(z)(1-σ(z))"), parse("exp(-z)/(1+exp(-z))^2"), Symbols()).verdict
'equal'
>>> r = equivalent(parse("x^2"), parse("x"), Symbols())
>>> r.verdict, r.point
('not-equal', {'x': '1.5'})
>>> equivalent(parse("(x+1)^100"), parse("(x+1)^100 + 1"), Symbols()).verdict
'not-equal'
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..errors import ShapeError
from ..reading.functions import FUNCTIONS
from ..reading.symbols import Symbols
from ..reading.tree import BinOp, Call, Node, children, free_names, walk
from .compile import Shape, compile_tree, constant, variables
from .sampling import points, required
from .show import show_pair, show_point, show_value
from .values import Undecided, Undefined, approx, compare, is_exact, neg

__all__ = ["Equivalence", "Undecided", "equivalent", "scale_factor", "shape_of", "kinks", "Space"]

TINY, HUGE = 1e-9, 1e9
KINK_RESOLUTION = 1e-6


@dataclass(frozen=True)
class Equivalence:
    """``verdict`` is ``equal`` | ``not-equal`` | ``undetermined``; ``point`` names a counterexample
    (display name -> value), ``left``/``right`` the two values there."""

    verdict: str
    method: str = ""  # structural | numeric | exact | simplify | shape
    point: dict | None = None
    left: str = ""
    right: str = ""


@dataclass(frozen=True)
class Space:
    """Where to sample: the declared shapes and which variables are positive."""

    scope: dict[str, Shape]
    positive: dict[str, bool]

    @classmethod
    def of(cls, symbols: Symbols) -> Space:
        return cls(
            {v.name: v.shape for v in symbols.variables}, {v.name: v.domain == "positive" for v in symbols.variables}
        )


def shape_of(node: Node, symbols: Symbols) -> Shape:
    """The shape of a tree (None for a scalar); :class:`Undecided` if floats cannot tell."""
    return compile_tree(node, Space.of(symbols).scope)[1]


def _each(a, b, shape: Shape):
    if shape is None:
        yield a, b
        return
    for ra, rb in zip(a, b, strict=False):
        yield from zip(ra, rb, strict=False)


def _extreme_constants(*trees: Node) -> bool:
    """True if a constant part of the trees is nonzero and below ``TINY`` (``1e-10``, ``10^-20``,
    ``exp(-30)``) or above ``HUGE`` (the ``10^12`` of ``x/10^12``): next to an inexact value, floats
    cannot see the term such a constant makes."""
    stack, budget = list(trees), 200
    while stack:
        node = stack.pop()
        stack.extend(children(node))
        if free_names(node):
            continue
        budget -= 1
        if budget < 0:
            return True  # too many parts to look at: let SymPy decide
        try:
            v = constant(node)
        except (Undecided, Undefined, ShapeError):
            continue
        if not is_exact(v):
            v = Fraction(v[0])
        if v and not TINY <= abs(v) <= HUGE:
            return True
    return False


def kinks(trees: list[Node], space: Space) -> dict[str, list[Fraction]]:
    """For each scalar variable, where a relu/abs/max/min of the trees switches, when the switch
    depends on that one variable linearly (``relu(x - 10)``: x = 10; ``max(a, 2a - 3)``: a = 3)."""
    out: dict[str, list[Fraction]] = {}
    for tree in trees:
        for node in walk(tree):
            if not isinstance(node, Call) or FUNCTIONS[node.func].kinks not in ("zero", "ties"):
                continue
            args = list(node.args)
            switches = (
                args
                if FUNCTIONS[node.func].kinks == "zero"
                else [BinOp("-", args[i], args[j]) for i in range(len(args)) for j in range(i + 1, len(args))]
            )
            for expr in switches:
                found = _root(expr, space)
                if found is not None:
                    name, at = found
                    if at not in out.setdefault(name, []):
                        out[name].append(at)
    return out


def _root(expr: Node, space: Space) -> tuple[str, Fraction] | None:
    names = variables([expr], space.scope)
    if len(names) != 1 or space.scope.get(names[0]):
        return None
    name = names[0]
    try:
        f, shape = compile_tree(expr, space.scope)
        c0, c1, c2 = (f({name: Fraction(k)}) for k in (0, 1, 2))
    except (Undecided, Undefined):
        return None
    if shape is not None or not all(is_exact(c) for c in (c0, c1, c2)) or c1 == c0 or c2 - c1 != c1 - c0:
        return None
    return name, -c0 / (c1 - c0)


def equivalent(
    a: Node,
    b: Node,
    symbols: Symbols,
    *,
    points_needed: int = 8,
    tries: int = 40,
    seed: int = 0,
    negate_b: bool = False,
) -> Equivalence:
    """``equal`` or ``not-equal`` (with a counterexample) for two trees of the same shape, or
    :class:`Undecided`. ``negate_b`` compares ``a`` with ``-b``."""
    space = Space.of(symbols)
    (fa, sa), (fb, sb) = compile_tree(a, space.scope), compile_tree(b, space.scope)
    if sa != sb:
        raise Undecided("different shapes")  # the callers explain shapes
    names = variables([a, b], space.scope)
    where = kinks([a, b], space)
    need = required(where, space.positive) if names else 1
    good = tried = 0
    inexact = False
    for kind, point in points(
        names, space.positive, space.scope, seed=seed, tries=max(tries, need), kinks=where, with_kind=True
    ):
        tried += 1
        point = _floats_for_matrices(point, space)
        try:
            va, vb = fa(point), fb(point)
        except Undefined:
            if kind == "beside":  # a kink must be seen: floats overflowed or left the domain there
                raise Undecided("undefined beside a kink") from None
            continue
        if negate_b:
            vb = _negate(vb, sb)
        informative = True
        for x, y in _each(va, vb, sa):
            inexact |= not (is_exact(x) and is_exact(y))
            same = compare(x, y)
            if same is False:
                left, right = _shown(va, vb, sa, x, y)
                return Equivalence("not-equal", "numeric", show_point({n: point[n] for n in names}), left, right)
            informative &= same is True
            if kind == "beside" and not _resolves_kink(x, y):
                raise Undecided("a kink's term is below what floats resolve here")
        if not informative:
            continue  # rounding hides too much here (1 - σ(300)): no evidence either way
        good += 1
        if (good >= points_needed and tried >= need) or not names:
            if inexact and _extreme_constants(a, b):
                raise Undecided("a term below what floats resolve")
            return Equivalence("equal", "numeric" if inexact else "exact")
    raise Undecided("too few points where both sides are defined")


def _resolves_kink(x, y) -> bool:
    """Beside a kink the switched-on term is about as large as the distance to the kink: floats
    must resolve it in absolute terms (``exp(x)^2 + relu(x - 20)`` at x = 20⅓ is ``e^40.7 + ⅓``)."""
    if is_exact(x) and is_exact(y):
        return True
    (_, ex), (_, ey) = approx(x), approx(y)
    return ex + ey <= KINK_RESOLUTION


def _floats_for_matrices(point: dict, space: Space) -> dict:
    """Matrix entries as floats (with their representation error): exact rational matrix products
    would cost ten times more, and exactness matters for scalars (polynomial identities)."""
    if not any(space.scope.get(n) for n in point):
        return point
    out = dict(point)
    for name, value in point.items():
        if space.scope.get(name):
            out[name] = tuple(tuple(approx(v) for v in row) for row in value)
    return out


def _negate(v, shape: Shape):
    if shape is None:
        return neg(v)
    return tuple(tuple(neg(x) for x in row) for row in v)


def _shown(va, vb, shape: Shape, x, y) -> tuple[str, str]:
    if shape is None:
        return show_pair(x, y)
    return show_value(va, shape), show_value(vb, shape)


def scale_factor(
    got: Node, expected: Node, symbols: Symbols, *, points_needed: int = 6, seed: int = 1
) -> Fraction | None:
    """The small rational ``r`` (numerator and denominator at most 12, not 0 or 1) with
    ``got = r · expected`` at every sampled point (a missing 1/n or factor 2), or None."""
    space = Space.of(symbols)
    (fg, sg), (fe, se) = compile_tree(got, space.scope), compile_tree(expected, space.scope)
    if sg is not None or se is not None:
        return None  # scaled matrices are not diagnosed (as on the SymPy path)
    names = variables([got, expected], space.scope)
    ratio, seen = None, 0
    for point in points(names, space.positive, space.scope, seed=seed, tries=40):
        try:
            g, e = fg(point), fe(point)
        except Undefined:
            continue
        if not is_exact(e) and (abs(e[0]) <= 1e3 * e[1] or e[0] == 0):
            continue
        if is_exact(e) and e == 0:
            continue
        if ratio is None:
            r = g / e if is_exact(g) and is_exact(e) else Fraction(_value(g) / _value(e)).limit_denominator(12)
            if r in (0, 1) or abs(r.numerator) > 12 or r.denominator > 12:
                return None
            ratio = r
        from .values import mul

        if compare(g, mul(ratio, e)) is not True:
            return None
        seen += 1
        if seen >= points_needed or not names:
            return ratio
    return None


def _value(x) -> float:
    return float(x) if is_exact(x) else x[0]
