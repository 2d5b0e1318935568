"""Equivalence of two SymPy expressions, in layers and three-valued.

1. structural: the built objects are identical;
2. numeric: both sides at the points of the one sampling protocol
   (:mod:`graders.evaluation.sampling`), compared exactly where the values are rational and to
   25 of 30 digits otherwise; undefined points are skipped, one clear difference is a
   counterexample;
3. a bounded ``simplify`` when too few points were defined.

Matrix symbols get random numeric matrices; symbols used as bounds of sums get 1..4, then 5..12,
and the sums are expanded.

>>> x = sp.Symbol("x", real=True)
>>> equivalent(2*(x - 1), 2*x - 2).verdict, equivalent(x**2, x).verdict
('equal', 'not-equal')
>>> equivalent(x, x + sp.Rational(1, 10**10)).verdict
'not-equal'
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy as sp

from ..evaluation.equivalence import Equivalence
from ..evaluation.sampling import bound_value, points, required
from ..evaluation.show import show_pair, show_value
from ..reading.names import display_name
from .timeout import soft_timeout

__all__ = ["Equivalence", "equivalent", "value_at", "close", "sample", "show", "show_sympy_point"]

DIGITS = 30
CONFIRM_DIGITS = 4 * DIGITS  # a counterexample found at DIGITS must survive here
_TOLERANCE = sp.Float("1e-25", DIGITS)
_MIN_BITS = 85  # a value evaluated to fewer bits (≈ 25 digits) cannot be compared to 25 digits


def _is_matrix(x) -> bool:
    return isinstance(x, sp.MatrixBase)


def _bounds(*exprs) -> list:
    """Symbols used as bounds of sums (sampled as small integers, then ``doit``)."""
    bounds: set = set()
    for e in exprs:
        for s in e.atoms(sp.Sum):
            for _, lo, hi in s.limits:
                bounds |= sp.Tuple(lo, hi).free_symbols
    return sorted(bounds, key=str)


def _atoms(*exprs) -> list:
    """What to sample: indexed entries, symbols (not labels of indexed bases), matrices."""
    found: set = set()
    labels: set = set()
    for e in exprs:
        found |= e.atoms(sp.Indexed, sp.MatrixSymbol)
        labels |= {b.label for b in e.atoms(sp.IndexedBase)}
        for s in e.atoms(sp.Sum):
            labels |= {lim[0] for lim in s.limits}
    for e in exprs:
        found |= {a for a in e.atoms(sp.Symbol) if a not in labels}
    return sorted(found, key=str)


def _rational(f: Fraction) -> sp.Rational:
    return sp.Rational(f.numerator, f.denominator)


def sample(atoms, *, seed: int = 0, tries: int = 40, kinks=None):
    """The protocol's points, as SymPy substitutions for ``atoms`` (symbols, indexed entries,
    matrix symbols)."""
    names = [str(a) for a in atoms]
    positive = {str(a): bool(getattr(a, "is_positive", False)) for a in atoms}
    shapes = {str(a): tuple(a.shape) for a in atoms if isinstance(a, sp.MatrixSymbol)}
    for p in points(names, positive, shapes, seed=seed, tries=tries, kinks=kinks):
        out = {}
        for a in atoms:
            v = p[str(a)]
            out[a] = (
                sp.ImmutableMatrix([[_rational(x) for x in row] for row in v]) if isinstance(v, tuple) else _rational(v)
            )
        yield out


def value_at(expr, point, digits: int = DIGITS):
    """Exact (Rational) or 30-digit value, or a Matrix of them; None where undefined, and where
    evaluation lost its digits (``1 - σ(10⁵)`` comes back as ``0.e-165``): no evidence either way."""
    try:
        v = expr.xreplace(point)
        items = list(v) if _is_matrix(v) else [v]
        if not all(i.is_Rational for i in items):
            v = v.evalf(digits)
            items = list(v) if _is_matrix(v) else [v]
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
        return None
    for item in items:
        if not (item.is_number and item.is_real is not False) or item.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        if item.is_Rational:
            continue
        re_part, im_part = item.as_real_imag()
        if not (re_part.is_comparable and im_part.is_comparable) or abs(im_part) > 1e-20:
            return None
        if isinstance(re_part, sp.Float) and re_part._prec < _MIN_BITS:
            return None
    return v


def close(a, b) -> bool:
    """Equal: exactly when both are rational, else within 1e-25 of the larger value (absolute below 1)."""
    xs, ys = (list(a), list(b)) if _is_matrix(a) else ([a], [b])
    if len(xs) != len(ys):
        return False
    for x, y in zip(xs, ys, strict=False):
        if x.is_Rational and y.is_Rational:
            if x != y:
                return False
            continue
        x, y = sp.re(x), sp.re(y)
        if not (x.is_finite and y.is_finite) or abs(x - y) > _TOLERANCE * sp.Max(1, abs(x), abs(y)):
            return False
    return True


def _difference_vanishes(a, b, point, digits: int = DIGITS) -> bool | None:
    """Is ``a - b`` zero at the point? Evaluated as one difference, so SymPy raises the precision
    until its digits are right (``e^99`` and ``e^99 + 1e-10`` differ, though they agree to 50
    digits); True when it is exactly 0 or its value has no significant digit left (``0.e-124``),
    None when it cannot be evaluated."""
    try:
        d = (a - b).xreplace(point)
        items = list(d) if _is_matrix(d) else [d]
        for item in items:
            if item.is_Rational:
                if item != 0:
                    return False
                continue
            re_part = sp.re(item.evalf(digits))
            if isinstance(re_part, sp.Float) and re_part._prec < _MIN_BITS:
                continue  # no significant digit left: zero as far as evaluation can tell
            if not re_part.is_comparable:
                return None
            if re_part != 0:
                return False
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
        return None
    return True


def _confirmed(a, b, point):
    """The two values at ``CONFIRM_DIGITS`` if they still differ there, else None.

    ``evalf`` can return wrong digits while claiming full precision after a catastrophic
    cancellation: ``(1 − y)e^(−z)/((1 − 1/(1 + e^(−z)))(1 + e^(−z))²)`` at z = 280.2 comes back
    as 26.445… at 30 digits and 31.3 (right) at 60. A counterexample is only reported when it
    survives at four times the digits; otherwise the point is no evidence either way."""
    va, vb = value_at(a, point, CONFIRM_DIGITS), value_at(b, point, CONFIRM_DIGITS)
    if va is None or vb is None:
        return None
    if close(va, vb) and _difference_vanishes(a, b, point, CONFIRM_DIGITS) is not False:
        return None
    return va, vb


def _python(x):
    return Fraction(int(x.p), int(x.q)) if x.is_Rational else float(x)


def show(v) -> str:
    """A SymPy value with the one formatter."""
    if _is_matrix(v):
        return show_value(tuple(tuple(_python(v[i, j]) for j in range(v.cols)) for i in range(v.rows)), v.shape)
    return show_value(_python(v))


def _key(k) -> str:
    if isinstance(k, sp.Indexed):
        return display_name(f"{k.base.label}_{'_'.join(map(str, k.indices))}")
    return display_name(str(k))


def show_sympy_point(point: dict) -> dict:
    return {_key(k): show(v) for k, v in point.items()}


def _pair(va, vb) -> tuple[str, str]:
    if _is_matrix(va):
        return show(va), show(vb)
    return show_pair(_python(va), _python(vb))


def equivalent(
    a, b, *, points_needed: int = 8, tries: int = 40, seed: int = 0, simplify_s: float = 2.0, kinks=None
) -> Equivalence:
    """Three-valued equivalence of SymPy scalars or matrices of the same shape."""
    if _is_matrix(a) != _is_matrix(b) or (_is_matrix(a) and a.shape != b.shape):
        return Equivalence("not-equal", "shape")
    if any(e.has(sp.zoo, sp.nan, sp.oo, -sp.oo) for e in (a, b)):
        return Equivalence("undetermined", "undefined")  # 1/0 built as zoo: no value to compare
    if a == b:
        return Equivalence("equal", "structural")
    bounds = _bounds(a, b)
    atoms = _atoms(a, b)
    need = required(kinks, {str(s): bool(s.is_positive) for s in atoms}) if atoms else 1
    rng = random.Random(seed)
    good = 0
    samples = sample(atoms, seed=seed, tries=max(tries, need), kinks=kinks)
    for attempt, point in enumerate(samples):
        ea, eb = a, b
        if bounds:
            at = {s: sp.Integer(bound_value(attempt, rng)) for s in bounds}
            ea, eb = _doit(a.xreplace(at)), _doit(b.xreplace(at))
            extra = _atoms(ea, eb)
            point = {**point, **next(sample(extra, seed=seed + attempt + 1, tries=1))} if extra else point
            point.update(at)
        va, vb = value_at(ea, point), value_at(eb, point)
        if va is None or vb is None:
            continue
        same = close(va, vb) and _difference_vanishes(ea, eb, point)
        if same is None:
            continue  # evaluation could not tell here
        if not same:
            values = _confirmed(ea, eb, point)
            if values is None:
                continue  # the difference was evaluation's, not the expressions'
            left, right = _pair(*values)
            return Equivalence("not-equal", "numeric", show_sympy_point(point), left, right)
        good += 1
        if (good >= points_needed and attempt + 1 >= need) or (not atoms and not bounds):
            return Equivalence("equal", "numeric")
    try:
        with soft_timeout(simplify_s):
            diff = sp.simplify(a - b)
            if diff.is_zero_matrix if _is_matrix(diff) else diff == 0:
                return Equivalence("equal", "simplify")
    except Exception:  # a timed-out or failing simplify decides nothing
        pass
    return Equivalence("undetermined", "numeric" if good else "undefined")


def _doit(expr):
    return expr.doit() if expr.atoms(sp.Sum) else expr
