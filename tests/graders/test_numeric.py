from __future__ import annotations

import math

import pytest

from graders.build import build
from graders.errors import InputError, LimitError
from graders.numeric import Fallback, fast_value, sig_fig_tolerance, sig_figs, value, within
from graders.parse import parse
from graders.questions import Tolerance


@pytest.mark.parametrize("text, n", [
    ("100", 1), ("100.", 3), ("100.0", 4), ("0.8675", 4), ("0.86750", 5), ("0.0087", 2), ("1.20e3", 3),
    ("-0.5", 1), ("+12", 2), ("0", 1), ("0.000", 1), ("1/3", None), ("-(1)", None), ("1e2", 1),
])
def test_sig_figs(text, n):
    assert sig_figs(text) == n


@pytest.mark.parametrize("got, expected, tol, ok", [
    (100.001, 100, Tolerance(rel=1e-6), False),
    (100.0000001, 100, Tolerance(rel=1e-6), True),
    (0.8675, 0.867500567, Tolerance(rel=1e-9, sig_figs=4), True),
    (0.868, 0.867500567, Tolerance(rel=1e-9, sig_figs=4), False),
    (1e-13, 0, Tolerance(abs=1e-12), True),
])
def test_within(got, expected, tol, ok):
    assert within(got, expected, tol) is ok


def test_sig_fig_tolerance():
    assert sig_fig_tolerance(0.8675, 4) == pytest.approx(0.00005)
    assert sig_fig_tolerance(123.0, 2) == pytest.approx(5)


@pytest.mark.parametrize("text", [
    "100", "300/3", "1e2", "-ln(0.6)-ln(0.7)", "-(ln0.6+ln0.7)", "2 - 0.1*2*(2-1)", "2^-1", "e^2", "pi/4",
    "sqrt(2)", "tanh(0.5)", "sigma(0.3)", "relu(-2)+max(1, 2)", "5!", "exp(1)", "((200-190)^2+(300-310)^2)/3",
    "floor(2.5)", "ceil(-2.5)", "⌊-0.5⌋", "⌈7/2⌉", "floor(3)", "floor((224 + 2*3 - 7)/2) + 1",
    "ceil(60000*(1 - 0.1)/32)", "⌊⌊26/2⌋/2⌋", "floor(0.7/0.1)", "ceil(0.1*3/0.3)", "floor(2^-1 * 9)",
    "floor(e^2)", "ceil(sqrt(2)*100)", "floor(-sqrt(2))", "floor(ln(0.5))",
])
def test_fast_path_agrees_with_sympy(text):
    tree = parse(text)
    assert fast_value(tree, {}) == pytest.approx(value(build(tree)), rel=1e-12)


@pytest.mark.parametrize("text, naive", [
    ("floor(0.7/0.1)", math.floor(0.7 / 0.1)),      # 0.7/0.1 is 6.999999999999999 in floats
    ("ceil(0.1*3/0.3)", math.ceil(0.1 * 3 / 0.3)),  # 1.0000000000000002
    ("floor(100 * 0.29)", math.floor(100 * 0.29)),  # 28.999999999999996
])
def test_floor_of_rationals_is_exact(text, naive):
    """Where floats round across an integer, the fast path still gives SymPy's exact answer."""
    assert fast_value(parse(text), {}) == value(build(parse(text))) == naive + (1 if "floor" in text else -1)


def test_floor_uses_parameters_exactly():
    consts = {"H": 224.0, "k": 7.0, "p": 3.0, "x": 0.7, "d": 0.1}
    assert fast_value(parse("floor((H + 2*p - k)/2) + 1"), consts) == 112
    assert fast_value(parse("floor(x/d)"), consts) == 7


@pytest.mark.parametrize("text", ["ln(-1)", "sqrt(-1)", "1/0", "(-8)^(1/3)", "floor(1/0)", "ceil(ln(-1))"])
def test_fast_path_undefined(text):
    with pytest.raises(InputError) as info:
        fast_value(parse(text), {})
    assert info.value.code == "not-real"


@pytest.mark.parametrize("text", [
    "x + 1", "d/dx x^2", "sum(i, i, 1, 3)", "[1, 2]",
    "floor(x)", "floor([1.5, 2])",
    "floor(100 sin(pi/6))",  # the float 49.99999999999999 is within rounding of a step: SymPy decides
    "ceil(sqrt(2)^2)",       # 2.0000000000000004: a float ceil would say 3
])
def test_fast_path_falls_back(text):
    with pytest.raises(Fallback):
        fast_value(parse(text), {})


@pytest.mark.parametrize("text", [
    "9^floor(9^9)", "9^max(9^9, 1)", "exp(floor(1000))", "floor(1e300)*floor(1e300)", "floor(10^300) + 9*floor(10^300)",
])
def test_fast_path_bounds_what_the_limits_cannot_follow(text):
    with pytest.raises(LimitError) as info:
        fast_value(parse(text), {})
    assert info.value.code == "too-large-number"


def test_value_of_a_huge_constant_is_too_large():
    with pytest.raises(LimitError) as info:
        value(build(parse("exp(700)")) ** 2)
    assert info.value.code == "too-large-number"


@pytest.mark.parametrize("text, exact", [
    ("floor(100 sin(pi/6))", 50), ("ceil(sqrt(2)^2)", 2), ("floor(-sqrt(2)^2)", -2),
])
def test_steps_at_an_integer_are_decided_exactly(text, exact):
    """The float path refuses these (see above); SymPy gets them right."""
    assert value(build(parse(text))) == exact
