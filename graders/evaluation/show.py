"""The one counterexample formatter: points and values as people read them, for both layers.

Exact values print exactly when they are short (``3/2`` as ``1.5``, ``-1/1000`` as ``-0.001``), other
values with six significant digits, and two values that differ are never printed alike:
:func:`show_pair` adds digits until they differ.

>>> show_number(Fraction(3, 2)), show_number(Fraction(1, 3)), show_number((0.1234567891, 0.0))
('1.5', '0.333333', '0.123457')
>>> show_pair(0.36000001, 0.36)
('0.36000001', '0.36')
>>> show_number(Fraction(3) ** 1000)
'1.32207e+477'
"""

from __future__ import annotations

from fractions import Fraction

from ..reading.names import display_name

__all__ = ["show_number", "show_value", "show_pair", "show_point", "point_text"]


def _float(x) -> float:
    if isinstance(x, tuple):
        return x[0]
    return float(x)


def _decimal(x: Fraction) -> str | None:
    """``x`` as an exact decimal with at most 6 digits after the point, or None."""
    for k in range(7):
        scaled = x * 10**k
        if scaled.denominator == 1:
            digits = str(abs(scaled.numerator)).rjust(k + 1, "0")
            cut = len(digits) - k
            whole, frac = digits[:cut], digits[cut:]
            if len(whole) > 12:
                return None
            return ("-" if x < 0 else "") + whole + (f".{frac}" if frac else "")
    return None


def _scientific(x: Fraction, digits: int) -> str:
    """A rational beyond float range, in scientific notation, with integer arithmetic only."""
    sign, x = ("-" if x < 0 else ""), abs(x)
    exponent = len(str(x.numerator)) - len(str(x.denominator))
    if x < Fraction(10) ** exponent:
        exponent -= 1
    mantissa = round(x / Fraction(10) ** exponent * 10 ** (digits - 1))
    if mantissa >= 10**digits:
        mantissa, exponent = mantissa // 10, exponent + 1
    text = str(mantissa)
    body = (text[0] + "." + text[1:]).rstrip("0").rstrip(".")
    return f"{sign}{body}e{'+' if exponent >= 0 else '-'}{abs(exponent):02d}"


def show_number(x, digits: int = 6) -> str:
    """One scalar (Fraction, float, or a ``(value, bound)`` pair)."""
    if isinstance(x, Fraction):
        exact = _decimal(x)
        if exact is not None:
            return exact
        try:
            f = float(x)
        except OverflowError:
            return _scientific(x, digits)
        return f"{f:.{digits}g}" if f != 0 else _scientific(x, digits)
    return f"{_float(x):.{digits}g}"


def show_pair(a, b) -> tuple[str, str]:
    """Two different scalars, printed so that they look different."""
    for digits in (6, 8, 10, 12, 15, 17):
        sa, sb = show_number(a, digits), show_number(b, digits)
        if sa != sb:
            return sa, sb
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return str(a), str(b)
    return sa, sb


def show_value(v, shape=None) -> str:
    """A scalar, or a matrix row by row (``[1, 2; 3, 4]``)."""
    if shape is None and not (isinstance(v, tuple) and v and isinstance(v[0], tuple)):
        return show_number(v)
    return "[" + "; ".join(", ".join(show_number(x) for x in row) for row in v) + "]"


def show_point(point: dict) -> dict[str, str]:
    """A sampled point for people: display names -> printed values."""
    return {display_name(str(k)): show_value(v) for k, v in point.items()}


def point_text(point: dict | None) -> str:
    """``{"x": "0", "y": "1"}`` -> ``"x = 0, y = 1"``."""
    return ", ".join(f"{k} = {v}" for k, v in (point or {}).items())
