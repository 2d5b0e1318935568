from __future__ import annotations

import pytest

from graders.errors import LimitError
from graders.limits import Limits, check, const_value
from graders.parse import parse


@pytest.mark.parametrize("text, value", [
    ("2^10", 1024.0), ("-3", -3.0), ("e", 2.718281828459045), ("x", None), ("2x", None), ("sigmoid(0)", 0.5),
    ("5!", 120.0), ("ln(-1)", None),
])
def test_const_value(text, value):
    v = const_value(parse(text))
    assert v == pytest.approx(value) if value is not None else v is None


@pytest.mark.parametrize("text, code", [
    ("9^9^9", "too-large-number"), ("x^101", "exponent-too-large"), ("171!", "factorial-too-large"),
    ("x!", "factorial-symbolic"), ("(-1)!", "factorial-too-large"), ("2.5!", "factorial-too-large"),
    ("1" * 41, "too-many-digits"), ("exp(1000)", "too-large-number"), ("sum(i, i, 0, 20000)", "sum-too-long"),
])
def test_rejected(text, code):
    with pytest.raises(LimitError) as info:
        check(parse(text))
    assert info.value.code == code


@pytest.mark.parametrize("text", ["x^100", "170!", "1" * 40, "exp(690)", "(x+1)^-100", "0^2", "(-8)^(1/3)"])
def test_allowed(text):
    check(parse(text))


def test_limits_are_configurable():
    with pytest.raises(LimitError):
        check(parse("x^3"), Limits(max_symbolic_exponent=2))
    with pytest.raises(LimitError):
        parse("x + y", limits=Limits(max_chars=3))
