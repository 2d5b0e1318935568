from __future__ import annotations

import pytest

from graders.errors import LimitError
from graders.reading import parse
from graders.reading.limits import Limits, check, literal_exponent


@pytest.mark.parametrize(
    "text, exponent",
    [
        ("1234.5", 3),
        ("0.001", -3),
        ("2e-999999", -999999),
        ("1e300", 300),
        ("0.000", 0),
        ("5", 0),
        (".5e2", 1),
    ],
)
def test_literal_exponent_is_read_from_the_text(text, exponent):
    assert literal_exponent(text) == exponent


@pytest.mark.parametrize(
    "text, code",
    [
        ("9^9^9", "too-large-number"),
        ("x^101", "exponent-too-large"),
        ("171!", "factorial-too-large"),
        ("x!", "factorial-symbolic"),
        ("(-1)!", "factorial-too-large"),
        ("2.5!", "factorial-too-large"),
        ("1" * 41, "too-many-digits"),
        ("exp(1000)", "too-large-number"),
        ("sum(i, i, 0, 20000)", "sum-too-long"),
        # literal magnitudes are limited on the text, tiny as well as huge, before any number is built
        ("x + 1e-999999999", "too-small-number"),
        ("1e-301", "too-small-number"),
        ("1e999999999", "too-large-number"),
        ("x*1e400", "too-large-number"),
        # a sum's body is checked at both ends of its range; floor/max/min are followed
        ("sum(9^i, i, 1, 1000)", "too-large-number"),
        ("9^floor(9^9)", "too-large-number"),
        ("9^max(9^9, 1)", "too-large-number"),
    ],
)
def test_rejected(text, code):
    with pytest.raises(LimitError) as info:
        check(parse(text))
    assert info.value.code == code


@pytest.mark.parametrize(
    "text",
    [
        "x^100",
        "170!",
        "1" * 40,
        "exp(690)",
        "(x+1)^-100",
        "0^2",
        "(-8)^(1/3)",
        "1e-300",
        "0.0",
        "sigmoid(-1000) + 100",
        "sum(i^2, i, 1, 100)",
    ],
)
def test_allowed(text):
    check(parse(text))


def test_limits_are_configurable():
    with pytest.raises(LimitError):
        check(parse("x^3"), Limits(max_symbolic_exponent=2))
    with pytest.raises(LimitError):
        parse("x + y", limits=Limits(max_chars=3))
