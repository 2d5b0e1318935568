"""Building SymPy objects from trees: names as an ML reader means them, shapes, strictness."""

from __future__ import annotations

import pytest
import sympy as sp

from graders.errors import LimitError, ShapeError, UnknownNameError
from graders.reading import read
from graders.reading.names import split_name
from graders.reading.symbols import Symbols, Variable
from graders.symbolic.build import Env, build

FREE = Symbols()


def b(text, symbols=FREE):
    """Read (names resolved, limits checked) and build."""
    return build(read(text, symbols), Env.of(symbols))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("e", sp.E),
        ("e^x", sp.exp(sp.Symbol("x", real=True))),
        ("pi", sp.pi),
        ("ln(e)", 1),
        ("log(e^2)", 2),
        ("0.6", sp.Rational(3, 5)),
        ("1e-2", sp.Rational(1, 100)),
        ("relu(-3)", 0),
        ("max(1, 2, 3)", 3),
        ("3!", 6),
        ("sigmoid(0)", sp.Rational(1, 2)),
        ("floor(2.5)", 2),
        ("floor(-2.5)", -3),
        ("ceil(2.5)", 3),
        ("ceiling(-2.5)", -2),
        ("floor(3)", 3),
        ("ceil(3)", 3),
        ("⌊7/2⌋", 3),
        ("⌈7/2⌉", 4),
        ("floor(e)", 2),
        ("ceil(pi)", 4),
        ("floor(0.7/0.1)", 7),  # exact: floats would give 6.999…
        ("floor(100 sin(pi/6))", 50),
        ("floor((224 + 2*3 - 7)/2) + 1", 112),
        ("ceil(60000*(1 - 0.1)/32)", 1688),
        ("⌊⌊26/2⌋/2⌋", 6),
    ],
)
def test_values(text, expected):
    assert sp.simplify(b(text) - expected) == 0


@pytest.mark.parametrize("name", ["N", "S", "beta", "gamma", "lambda", "sigma", "Q", "E", "I", "O"])
def test_sympy_clashes_are_plain_real_symbols(name):
    assert b(name) == sp.Symbol(name, real=True)


def test_floor_and_ceiling_are_sympy_functions():
    x = sp.Symbol("x", real=True)
    assert b("floor(x) + ceil(x)") == sp.floor(x) + sp.ceiling(x)
    assert b("⌊x⌋") == b("floor(x)") == b(r"\lfloor x \rfloor") == b(r"\operatorname{floor}(x)")
    assert b("⌈x⌉") == b("ceiling(x)") == b(r"\left\lceil x \right\rceil")


def test_floor_is_element_wise_on_matrices():
    assert b("floor([1.5, -0.5])") == sp.Matrix([1, -1])
    assert b("⌈[[0.5, 2], [-1.5, 3.2]]⌉") == sp.Matrix([[1, 2], [-1, 4]])


@pytest.mark.parametrize(
    "text",
    [
        "9^floor(9^9)",
        "9^ceil(9^9)",
        "9^max(9^9, 1)",
        "exp(floor(1000))",
        "floor(10^300)*floor(10^300)",
        "floor(1e300)^floor(2)",
        "floor(10^300) + 9*floor(10^300)",
        "x + exp(ceil(1000))",
    ],
)
def test_nothing_too_large_reaches_the_builder(text):
    """The limits follow values through floor, ceil, max and min: such input never reaches SymPy."""
    with pytest.raises(LimitError) as info:
        b(text)
    assert info.value.code == "too-large-number"


@pytest.mark.parametrize(
    "text, code",
    [
        ("0.5^ceil(10^9)", "too-small-number"),
        ("(1 + 1e-30)^(10^9)", "exponent-too-large"),
        ("sqrt(2)^floor(10^9)", "too-large-number"),
        ("0.5^2000", "too-small-number"),
        ("1^20000", "exponent-too-large"),
    ],
)
def test_huge_exact_powers_never_reach_the_builder(text, code):
    """A power whose exact value SymPy would compute with millions of digits, however small or
    close to 1 the number is."""
    with pytest.raises(LimitError) as info:
        b(text)
    assert info.value.code == code


def test_sums_are_bounded_before_building():
    with pytest.raises(LimitError) as info:
        b("sum(sin(i), i, 1, floor(10^9))")
    assert info.value.code == "sum-too-long"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2^floor(10)", 1024),
        ("10^floor(300)", sp.Integer(10) ** 300),
        ("(1/3)^floor(100)", sp.Rational(1, 3) ** 100),
        ("1.0001^10000", sp.Rational(10001, 10000) ** 10000),
        ("sum(i, i, 1, floor(100.5))", 5050),
        ("exp(-floor(1000))", sp.exp(-1000)),
    ],
)
def test_builder_allows_what_fits(text, expected):
    assert b(text) == expected


def test_declared_e_is_a_variable():
    e = sp.Symbol("e", real=True)
    assert b("e^2", Symbols((Variable("e"),), strict=True)) == e**2


def test_free_mode_splits_letter_runs_but_not_known_names():
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    assert b("2xy") == 2 * x * y
    assert b("theta") == sp.Symbol("theta", real=True)
    assert b("yhat") == sp.Symbol("yhat", real=True)


def test_w1_and_w_1_are_one_name():
    assert b("W1 - W_1") == 0


def test_strict_mode_rejects_unknown_names_and_splits_declared_ones():
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    symbols = Symbols((Variable("x"), Variable("y")), strict=True)
    assert b("xy", symbols) == x * y
    with pytest.raises(UnknownNameError) as info:
        b("x + q", symbols)
    assert info.value.params["name"] == "q" and info.value.pos == 4


def test_positive_variables_are_positive_symbols():
    assert b("sqrt(x^2)", Symbols((Variable("x", domain="positive"),), strict=True)) == sp.Symbol("x", positive=True)


def test_split_name():
    assert split_name("thetax", {"theta": 1, "x": 2}) == ["theta", "x"]
    assert split_name("W1x", {"W_1": 1, "x": 2}) == ["W_1", "x"]
    assert split_name("ab", {"a": 1}) is None


ENV = Symbols((Variable("W", (3, 4)), Variable("x", (4, 1)), Variable("v", (3, 1))), strict=True)


@pytest.mark.parametrize(
    "text, shape",
    [
        ("W x", (3, 1)),
        ("Wᵀ v", (4, 1)),
        ("W^T v", (4, 1)),
        ("xᵀ Wᵀ", (1, 3)),
        ("v ⊙ v", (3, 1)),
        ("sigma(W x)", (3, 1)),
        ("1 - sigma(W x)", (3, 1)),
        ("2 W", (3, 4)),
        ("softmax(v)", (3, 1)),
        ("floor(W x)", (3, 1)),
        ("⌈Wᵀ⌉ v", (4, 1)),
        ("⌊v⌋ ⊙ v", (3, 1)),
        ("max(0, v)", (3, 1)),
        ("relu(W x)", (3, 1)),
    ],
)
def test_matrix_shapes(text, shape):
    assert b(text, ENV).shape == shape


@pytest.mark.parametrize(
    "text, hint",
    [
        ("W v", "transpose"),  # 3×4 · 3×1: Wᵀ v would fit
        ("x W", ""),  # 4×1 · 3×4
        ("W + Wᵀ", "transpose"),
        ("v ⊙ x", ""),
        ("W + v", ""),
    ],
)
def test_shape_errors(text, hint):
    with pytest.raises(ShapeError) as info:
        b(text, ENV)
    assert info.value.params.get("hint", "") == hint
