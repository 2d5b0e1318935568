"""Numbers of the float layer: exact where they can be, floats with an error bound where not.

A scalar is a :class:`~fractions.Fraction` while everything that made it was rational (literals,
sampled points, ``+ - * /``, integer powers, floor/ceil/abs/relu of an exact value) and a pair
``(value, bound)`` otherwise: a float and a first-order bound on its absolute rounding error
(running error analysis). So ``(x+1)^100`` and ``(x+1)^100 + 1`` differ exactly at every rational
point, and a rounding error is never mistaken for a difference, nor a difference for one.

:class:`Undefined` means the expression has no real value at the point (a log of a negative, 1/0,
an overflow); :class:`Undecided` that floats cannot tell (a floor at a step within rounding).

>>> from fractions import Fraction as F
>>> add(F(1, 3), F(2, 3)), compare(power(F(3, 2), F(100)), add(power(F(3, 2), F(100)), F(1)))
(Fraction(1, 1), False)
>>> compare(apply("exp", F(1)), (2.718281828459045, 0.0)), compare(F(1, 10**15) + 1, F(1))
(True, False)
"""

from __future__ import annotations

import math
from fractions import Fraction

from ..reading.functions import FUNCTIONS

__all__ = [
    "EPS",
    "TIGHT",
    "Scalar",
    "Undefined",
    "Undecided",
    "approx",
    "add",
    "neg",
    "mul",
    "div",
    "power",
    "apply",
    "extremum",
    "factorial",
    "compare",
    "magnitude",
    "is_exact",
]

EPS = 2.0**-52
#: exact numbers with more bits than this (numerator plus denominator) become floats
MAX_BITS = 4_000
Scalar = Fraction | tuple


class Undefined(Exception):
    """No real value at this point (log of a negative, 1/0, overflow)."""


class Undecided(Exception):
    """Floats cannot decide this comparison; the SymPy layers take over."""


# ``type(x) is F`` rather than ``isinstance``: Fraction's ABC metaclass makes isinstance slow, and
# these functions run for every node at every sampled point


def is_exact(x: Scalar) -> bool:
    return type(x) is Fraction


def approx(x: Scalar) -> tuple[float, float]:
    """``(value, error bound)`` of any scalar (a bare ``int`` or ``float`` is taken as exact)."""
    t = type(x)
    if t is tuple:
        return x
    if t is float:
        return x, 0.0
    if t is int:
        x = Fraction(x)
    try:
        v = float(x)
    except OverflowError:
        raise Undefined from None
    if math.isinf(v):
        raise Undefined
    d = x.denominator
    exact = d & (d - 1) == 0 and abs(x.numerator) < 1 << 53
    return v, 0.0 if exact else EPS * abs(v)


def magnitude(x: Scalar) -> float:
    return abs(approx(x)[0])


def _exact(r: Fraction) -> Scalar:
    if r.numerator.bit_length() + r.denominator.bit_length() > MAX_BITS:
        return approx(r)
    return r


def _finite(v: float) -> float:
    if isinstance(v, complex) or not math.isfinite(v):
        raise Undefined
    return v


#: the error bound of a result that underflowed to 0 (exp(-1000)): not an exact zero
UNDERFLOW = 2.0**-1022


def _bound(v: float, err: float) -> float:
    return err if v != 0 else max(err, UNDERFLOW)


def add(x: Scalar, y: Scalar) -> Scalar:
    if type(x) is Fraction and type(y) is Fraction:
        return _exact(x + y)
    (a, ea), (b, eb) = approx(x), approx(y)
    v = _finite(a + b)
    return v, ea + eb + EPS * abs(v)


def neg(x: Scalar) -> Scalar:
    return -x if type(x) is Fraction else (-x[0], x[1])


def mul(x: Scalar, y: Scalar) -> Scalar:
    if type(x) is Fraction and type(y) is Fraction:
        return _exact(x * y)
    if (type(x) is Fraction and not x) or (type(y) is Fraction and not y):
        return Fraction(0)
    (a, ea), (b, eb) = approx(x), approx(y)
    v = _finite(a * b)
    return v, _bound(v, abs(a) * eb + abs(b) * ea + ea * eb + EPS * abs(v))


def div(x: Scalar, y: Scalar) -> Scalar:
    if type(y) is Fraction and not y:
        raise Undefined
    if type(x) is Fraction and type(y) is Fraction:
        return _exact(x / y)
    (a, ea), (b, eb) = approx(x), approx(y)
    if b == 0 or eb >= abs(b):
        raise Undefined
    v = _finite(a / b)
    return v, _bound(v, (ea + abs(v) * eb) / (abs(b) - eb) + EPS * abs(v))


def power(x: Scalar, y: Scalar) -> Scalar:
    if type(x) is Fraction and type(y) is Fraction and y.denominator == 1:
        if x == 0:
            if y < 0:
                raise Undefined
            return Fraction(1) if y == 0 else Fraction(0)
        bits = max(x.numerator.bit_length(), x.denominator.bit_length())
        if abs(y) * bits <= MAX_BITS:
            return x ** int(y)
    (a, ea), (b, eb) = approx(x), approx(y)
    if a < 0 and (b != int(b) or eb):
        raise Undefined  # SymPy's principal root is not real
    try:
        v = _finite(a**b)
    except (ZeroDivisionError, OverflowError):
        raise Undefined from None
    if a == 0:
        return v, 0.0 if not (ea or eb) else math.inf
    return v, _bound(v, abs(b * v / a) * ea + abs(v * math.log(abs(a))) * eb + EPS * abs(v) * (1 + abs(b)))


def _isqrt_exact(x: Fraction) -> Fraction | None:
    if x < 0:
        return None
    n, d = math.isqrt(x.numerator), math.isqrt(x.denominator)
    return Fraction(n, d) if n * n == x.numerator and d * d == x.denominator else None


def apply(name: str, x: Scalar) -> Scalar:
    """A function of the table applied to a scalar: exact where the result is rational."""
    if type(x) is Fraction:
        if name in ("relu", "abs"):
            return max(x, Fraction(0)) if name == "relu" else abs(x)
        if name in ("floor", "ceil"):
            return Fraction(math.floor(x) if name == "floor" else math.ceil(x))
        if name == "relu'":
            return Fraction(1 if x > 0 else 0)
        if name == "sqrt" and (root := _isqrt_exact(x)) is not None:
            return root
    a, ea = approx(x)
    if name in ("floor", "ceil", "relu'") and ea and min(a - math.floor(a), math.ceil(a) - a) <= ea:
        raise Undecided(f"{name} next to a step")  # rounding could move it past the step
    f = FUNCTIONS[name]
    try:
        v = _finite(float(f.value(a)))
    except (ValueError, ZeroDivisionError, OverflowError):
        raise Undefined from None
    if name in ("floor", "ceil", "relu'"):
        return v, 0.0
    return v, _bound(v, (f.slope(a, v) * ea if ea and f.slope else 0.0) + EPS * abs(v))


def extremum(name: str, values: list[Scalar]) -> Scalar:
    """max/min: exact when every argument is; the error bound of the largest one otherwise."""
    if all(type(v) is Fraction for v in values):
        return (max if name == "max" else min)(values)
    pairs = [approx(v) for v in values]
    pick = max if name == "max" else min
    return pick(pairs, key=lambda t: t[0])[0], max(e for _, e in pairs)


def factorial(x: Scalar) -> Scalar:
    if type(x) is not Fraction or x.denominator != 1 or not 0 <= x <= 170:
        raise Undecided("factorial of a non-integer")
    return Fraction(math.factorial(int(x)))


#: approximate values count as equal only when their error bounds are this small, relative to them
TIGHT = 1e-12


def compare(x: Scalar, y: Scalar) -> bool | None:
    """True if two scalars are equal: exactly, or as floats whose error bounds are within ``TIGHT``
    of their size and whose gap is within the bounds; False if they differ by more than rounding
    can explain. None when the point cannot tell (the bounds are large next to the values, as in
    ``1 - σ(300)``): such a point is no evidence either way."""
    if type(x) is Fraction and type(y) is Fraction:
        return x == y
    (a, ea), (b, eb) = approx(x), approx(y)
    gap = abs(a - b)
    err = ea + eb + EPS * max(abs(a), abs(b))
    if gap > 2 * err:
        return False
    if err <= TIGHT * max(abs(a), abs(b)):
        return True
    return None
