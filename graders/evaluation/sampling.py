"""The one sampling protocol: where two expressions are compared, for the float and SymPy layers.

Points are exact rationals, drawn from one seeded generator in one order, so both layers see the
same points and name the same counterexample:

1. readable points first (``3/2``, ``-1``, ``0.3`` …), so a counterexample is easy to check by hand;
2. beside every kink the expressions contain (``relu(x - 10)`` at x = 10, ``max(a, b)`` where a = b),
   on both sides, so a term that only switches on past a breakpoint is seen;
3. random points at three scales, small (≈ 0.001), unit (≈ 1) and large (≈ 100), both signs unless
   the variable is positive, so a constant offset or a small term is not lost in a large value.

Matrix variables get matrices of readable and unit-scale numbers (entry by entry, never restricted
to positive: products of large entries would only saturate every activation);
bounds of sums get 1, 2, 3, 4, then random integers up to 12.

>>> pts = list(points(["x"], {}, {}, tries=9))
>>> len(pts), abs(pts[3]["x"]) < 0.01, abs(pts[5]["x"]) > 0.1
(9, True, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from fractions import Fraction
from functools import lru_cache

__all__ = ["NICE", "NICE_POSITIVE", "points", "required", "bound_value", "BOUND_MAX", "Point"]

NICE = [Fraction(v, 2) for v in (-5, -3, -2, -1, 1, 2, 3, 5, 7)] + [Fraction(v, 10) for v in (-7, 3, 13, 17)]
NICE_POSITIVE = [v for v in NICE if v > 0] + [Fraction(5, 2), Fraction(11, 4)]
BOUND_MAX = 12
_SCALES = {"small": 1_000_000, "unit": 1000, "large": 10}  # k / this, with k in 1..3000
NICE_FIRST = 3
_BESIDE = (Fraction(1, 3), Fraction(7, 2))  # distances from a kink

Point = dict  # name -> Fraction, or a matrix: tuple of rows of Fractions


def _draw(positive: bool, rng: random.Random, kind: str) -> Fraction:
    if kind == "nice":
        return rng.choice(NICE_POSITIVE if positive else NICE)
    v = Fraction(rng.randint(1, 3000), _SCALES[kind])
    return v if positive or rng.random() < 0.5 else -v


def _beside(kinks: Mapping[str, list[Fraction]], positive: Mapping[str, bool]) -> list[tuple[str, Fraction]]:
    """(variable, value) on both sides of every kink."""
    out = []
    for name, where in kinks.items():
        for k in where:
            for d in _BESIDE:
                for v in (k + d, k - d):
                    if v > 0 or not positive.get(name, False):
                        out.append((name, v))
    return out


def schedule(kinks: Mapping[str, list[Fraction]] | None, positive: Mapping[str, bool], tries: int) -> list:
    """The kind of each point: readable ones, then beside every kink, then the three scales in turn."""
    beside = _beside(kinks or {}, positive)
    kinds: list = ["nice"] * NICE_FIRST + [("beside", b) for b in beside]
    while len(kinds) < max(tries, required(kinks, positive)):
        kinds += list(_SCALES)
    return kinds[: max(tries, required(kinks, positive))]


def required(kinks: Mapping[str, list[Fraction]] | None, positive: Mapping[str, bool]) -> int:
    """How many points must be tried before two expressions may be called equal: the readable
    ones, every point beside a kink and two rounds of the three scales."""
    return NICE_FIRST + len(_beside(kinks or {}, positive)) + 2 * len(_SCALES)


def points(
    names: list[str],
    positive: Mapping[str, bool],
    shapes: Mapping[str, tuple[int, int]],
    *,
    seed: int = 0,
    tries: int = 40,
    kinks: Mapping[str, list[Fraction]] | None = None,
    with_kind: bool = False,
) -> Iterator:
    """Points for the variables ``names`` (``positive[name]``: draw positive values; ``shapes[name]``:
    a matrix); ``kinks[name]``: values of one variable where an expression has a kink. With
    ``with_kind``, each point comes as ``(kind, point)``: ``"nice"``, ``"beside"`` (a kink) or a scale.

    The same arguments give the same points, so they are drawn once (:func:`_series`) and every caller
    gets its own copy of each: a class's answers to one question are all compared at the same points."""
    kinks = kinks or {}
    signs = tuple((n, bool(positive.get(n, False))) for n in dict.fromkeys([*names, *kinks]))
    series = _series(
        tuple(names),
        signs,
        tuple((n, shapes.get(n)) for n in names),
        seed,
        tries,
        tuple((k, tuple(v)) for k, v in kinks.items()),
    )
    for kind, point in series:
        yield (kind, dict(point)) if with_kind else dict(point)


@lru_cache(maxsize=1024)
def _series(names: tuple, signs: tuple, shapes: tuple, seed: int, tries: int, kinks: tuple) -> tuple:
    """Every point of :func:`points` for these (hashable) arguments, drawn in the one order."""
    positive, shape_of, kink_at = dict(signs), dict(shapes), {k: list(v) for k, v in kinks}
    rng = random.Random(seed)
    out = []
    for kind in schedule(kink_at, positive, tries):
        draw = "nice" if kind == "nice" else "unit" if isinstance(kind, tuple) else kind
        point: Point = {}
        for name in names:
            shape = shape_of.get(name)
            if shape:  # matrix entries at readable and unit scales: products of large entries only saturate
                kind_m = "nice" if draw == "nice" else "unit"
                point[name] = tuple(tuple(_draw(False, rng, kind_m) for _ in range(shape[1])) for _ in range(shape[0]))
            else:
                point[name] = _draw(positive.get(name, False), rng, draw)
        if isinstance(kind, tuple):
            name, value = kind[1]
            point[name] = value
        out.append(((kind if isinstance(kind, str) else "beside"), point))
    return tuple(out)


def bound_value(attempt: int, rng: random.Random) -> int:
    """A sum bound for this attempt: 1, 2, 3, 4 first, then random in 5 .. 12.

    Eight agreeing points decide "equal", so the first four cover the small cases and the next
    four must reach bounds where (n-1)(n-2)(n-3)(n-4) is not 0.

    >>> [bound_value(k, random.Random(0)) for k in range(4)]
    [1, 2, 3, 4]
    """
    return attempt + 1 if attempt < 4 else rng.randint(5, BOUND_MAX)
