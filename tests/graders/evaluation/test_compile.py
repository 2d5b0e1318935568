"""Constant trees (numeric answers) in the float layer: exact where rational, and agreeing with SymPy."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from graders.errors import LimitError
from graders.evaluation.compile import compile_tree, constant
from graders.evaluation.values import Undecided, Undefined, approx, is_exact
from graders.reading import parse, read
from graders.symbolic.build import build, value


def _float(x) -> float:
    return float(x) if is_exact(x) else approx(x)[0]


@pytest.mark.parametrize(
    "text",
    [
        "100",
        "300/3",
        "1e2",
        "-ln(0.6)-ln(0.7)",
        "-(ln0.6+ln0.7)",
        "2 - 0.1*2*(2-1)",
        "2^-1",
        "e^2",
        "pi/4",
        "sqrt(2)",
        "tanh(0.5)",
        "sigma(0.3)",
        "relu(-2)+max(1, 2)",
        "5!",
        "exp(1)",
        "((200-190)^2+(300-310)^2)/3",
        "floor(2.5)",
        "ceil(-2.5)",
        "⌊-0.5⌋",
        "⌈7/2⌉",
        "floor(3)",
        "floor((224 + 2*3 - 7)/2) + 1",
        "ceil(60000*(1 - 0.1)/32)",
        "⌊⌊26/2⌋/2⌋",
        "floor(0.7/0.1)",
        "ceil(0.1*3/0.3)",
        "floor(2^-1 * 9)",
        "floor(e^2)",
        "ceil(sqrt(2)*100)",
        "floor(-sqrt(2))",
        "floor(ln(0.5))",
        "sigmoid(-1000) + 100",
        "log10(1000)",
        "log2(8)",
        "sech(0)",
        "coth(1)",
        "|−3|",
    ],
)
def test_floats_agree_with_sympy(text):
    tree = parse(text)
    assert _float(constant(tree)) == pytest.approx(_float(value(build(tree))), rel=1e-12)


@pytest.mark.parametrize(
    "text, exact",
    [
        ("300/3", Fraction(100)),
        ("0.1 + 0.2", Fraction(3, 10)),
        ("2^-1", Fraction(1, 2)),
        ("sqrt(9/4)", Fraction(3, 2)),
        ("floor(0.7/0.1)", Fraction(7)),  # 0.7/0.1 is 6.999999999999999 in floats
        ("ceil(0.1*3/0.3)", Fraction(1)),  # 1.0000000000000002
        ("floor(100 * 0.29)", Fraction(29)),  # 28.999999999999996
        ("relu(-2) + max(1, 2)", Fraction(2)),
    ],
)
def test_rational_constants_are_exact(text, exact):
    """Where floats round (across an integer, in 0.1 + 0.2), the float layer is exact, like SymPy."""
    got = constant(parse(text))
    assert is_exact(got) and got == exact == value(build(parse(text)))
    assert math.floor(0.7 / 0.1) == 6  # the naive float answer the exact one corrects


@pytest.mark.parametrize("text", ["ln(-1)", "sqrt(-1)", "1/0", "(-8)^(1/3)", "floor(1/0)", "ceil(ln(-1))"])
def test_undefined(text):
    with pytest.raises(Undefined):
        constant(parse(text))


@pytest.mark.parametrize(
    "text",
    [
        "d/dx x^2",
        "sum(i, i, 1, 3)",
        "floor(100 sin(pi/6))",  # the float 49.99999999999999 is within rounding of a step: SymPy decides
        "ceil(sqrt(2)^2)",  # 2.0000000000000004: a float ceil would say 3
    ],
)
def test_floats_defer(text):
    with pytest.raises(Undecided):
        constant(parse(text))


@pytest.mark.parametrize(
    "text, exact",
    [
        ("floor(100 sin(pi/6))", 50),
        ("ceil(sqrt(2)^2)", 2),
        ("floor(-sqrt(2)^2)", -2),
        ("sum(i, i, 1, 3)", 6),
    ],
)
def test_what_floats_defer_sympy_decides_exactly(text, exact):
    assert value(build(parse(text))) == exact


@pytest.mark.parametrize(
    "text",
    [
        "9^floor(9^9)",
        "9^max(9^9, 1)",
        "exp(floor(1000))",
        "floor(1e300)*floor(1e300)",
        "floor(10^300) + 9*floor(10^300)",
        "sum(9^i, i, 1, 1000)",
    ],
)
def test_limits_follow_every_function(text):
    """The size limits bound every constant before anything is evaluated or built."""
    with pytest.raises(LimitError) as info:
        read(text)
    assert info.value.code == "too-large-number"


@pytest.mark.parametrize(
    "text, shape", [("[1, 2]", (2, 1)), ("[[1, 2]]", (1, 2)), ("x", None), ("max(0, [1, -2])", (2, 1))]
)
def test_shapes_are_known_when_compiled(text, shape):
    assert compile_tree(parse(text))[1] == shape
