"""Equivalence of two expressions, in layers and three-valued.

1. structural: the built SymPy objects are identical;
2. numeric: both sides at random points (readable points first) respecting domains,
   undefined points retried; one clear difference is a counterexample;
3. bounded ``simplify`` (soft time limit) when too few points were defined.

Scalars and explicit matrices (from ``MatrixSymbol``) are handled alike: matrix
symbols get random numeric matrices. Symbols used as bounds of sums get integers
(1..4, then 5..12) and the sums are expanded.

>>> import sympy as sp
>>> x = sp.Symbol("x", real=True)
>>> equivalent(2*(x - 1), 2*x - 2).verdict, equivalent(x**2, x).verdict
('equal', 'not-equal')
"""

from __future__ import annotations

import random
import signal
import threading
import time
from contextlib import contextmanager

import sympy as sp

from .floats import NICE, NICE_POSITIVE, Equivalence
from .names import display_name

__all__ = ["Equivalence", "equivalent", "sample_point", "soft_timeout", "value_at", "close", "show_value", "show_point"]

# the readable points, shared with the float layer (same points, same order)
_NICE = [sp.Rational(v.numerator, v.denominator) for v in NICE]
_NICE_POS = [sp.Rational(v.numerator, v.denominator) for v in NICE_POSITIVE]


class _Timeout(Exception):
    """Raised inside a :func:`soft_timeout` block when time is up."""


@contextmanager
def soft_timeout(seconds: float):
    """Raise ``_Timeout`` after ``seconds`` (SIGALRM; a no-op off the main thread).

    Blocks nest: an inner block never outlives the outer one, and on leaving it the
    outer timer is re-armed with what is left of it (at least 1 ms, so an outer
    deadline that passed while an inner block swallowed its ``_Timeout`` still fires).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def handler(signum, frame):
        raise _Timeout

    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer > 0 else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)
        if outer > 0:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


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


def sample_point(atoms, rng: random.Random, nice: bool) -> dict:
    """Random values for symbols (rationals; positive if the symbol is) and matrices."""
    def one(sym_positive: bool):
        if nice:
            return rng.choice(_NICE_POS if sym_positive else _NICE)
        v = sp.Rational(rng.randint(1, 3000), 1000)
        return v if sym_positive or rng.random() < 0.5 else -v

    point = {}
    for a in atoms:
        if isinstance(a, sp.MatrixSymbol):
            point[a] = sp.ImmutableMatrix(a.shape[0], a.shape[1], lambda i, j: one(False))
        else:
            point[a] = one(bool(a.is_positive))
    return point


_BOUND_MAX = 12  # sums are expanded with ``doit``: at most this many terms per sum


def _bound_value(attempt: int, rng: random.Random) -> sp.Integer:
    """A sum bound for this attempt: 1, 2, 3, 4 first, then random in 5 .. 12.

    Eight agreeing points decide "equal", so the first four cover the small cases
    and the next four must reach bounds where (n-1)(n-2)(n-3)(n-4) is not 0.

    >>> [int(_bound_value(k, random.Random(0))) for k in range(4)]
    [1, 2, 3, 4]
    >>> all(5 <= _bound_value(k, random.Random(k)) <= _BOUND_MAX for k in range(4, 40))
    True
    """
    return sp.Integer(attempt + 1 if attempt < 4 else rng.randint(5, _BOUND_MAX))


def _doit(expr):
    return expr.doit() if expr.atoms(sp.Sum) else expr


def value_at(expr, point):
    """Numeric value (mpmath-backed Float or Matrix of Floats), or None if undefined."""
    try:
        v = expr.xreplace(point).evalf(30)
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError):
        return None
    items = list(v) if _is_matrix(v) else [v]
    for item in items:
        if not (item.is_number and item.is_real is not False) or item.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            return None
        if abs(sp.im(item)) > 1e-20:
            return None
    return v


def close(a, b) -> bool:
    """Equal within 1e-9, relative to the larger value (absolute below 1)."""
    xs, ys = (list(a), list(b)) if _is_matrix(a) else ([a], [b])
    if len(xs) != len(ys):
        return False
    for x, y in zip(xs, ys):  # in SymPy numbers: values beyond float range compare correctly
        x, y = sp.re(x), sp.re(y)
        if not (x.is_finite and y.is_finite) or abs(x - y) > sp.Float("1e-9") * sp.Max(1, abs(x), abs(y)):
            return False
    return True


def show_value(v) -> str:
    """Six significant digits (matrices row by row)."""
    if _is_matrix(v):
        return "[" + "; ".join(", ".join(f"{float(v[i, j]):.6g}" for j in range(v.cols)) for i in range(v.rows)) + "]"
    return f"{float(v):.6g}"


def _key(k) -> str:
    if isinstance(k, sp.Indexed):
        return display_name(f"{k.base.label}_{'_'.join(map(str, k.indices))}")
    return display_name(str(k))


def show_point(point: dict) -> dict:
    """A sampled point for people: display names -> :func:`show_value` strings."""
    return {_key(k): show_value(v) for k, v in point.items()}


def equivalent(a, b, *, points: int = 8, tries: int = 40, seed: int = 0, simplify_s: float = 2.0) -> Equivalence:
    """Three-valued equivalence of SymPy scalars or matrices of the same shape."""
    if _is_matrix(a) != _is_matrix(b) or (_is_matrix(a) and a.shape != b.shape):
        return Equivalence("not-equal", "shape")
    if a == b:
        return Equivalence("equal", "structural")
    rng = random.Random(seed)
    bounds = _bounds(a, b)
    atoms = _atoms(a, b)
    good = 0
    for attempt in range(tries):
        point = {s: _bound_value(attempt, rng) for s in bounds}
        ea, eb = a, b
        if bounds:
            ea, eb = _doit(a.xreplace(point)), _doit(b.xreplace(point))
            atoms = _atoms(ea, eb)
        point.update(sample_point(atoms, rng, nice=attempt < tries // 4))
        va, vb = value_at(ea, point), value_at(eb, point)
        if va is None or vb is None:
            continue
        if not close(va, vb):
            return Equivalence("not-equal", "numeric", show_point(point), show_value(va), show_value(vb))
        good += 1
        if good >= points or (not atoms and not bounds):
            return Equivalence("equal", "numeric")
    try:
        with soft_timeout(simplify_s):
            diff = sp.simplify(a - b)
            if (diff.is_zero_matrix if _is_matrix(diff) else diff == 0):
                return Equivalence("equal", "simplify")
    except Exception:  # noqa: BLE001 - a timed-out or failing simplify decides nothing
        pass
    return Equivalence("undetermined", "numeric" if good else "undefined")
