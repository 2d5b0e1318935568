"""The SymPy-free float layer: what it decides, and what it leaves to SymPy."""

from __future__ import annotations

import pytest

from graders.errors import UnknownNameError
from graders.evaluation.compile import variables
from graders.evaluation.equivalence import Space, Undecided, equivalent, kinks, scale_factor
from graders.reading import parse
from graders.reading.symbols import Symbols, Variable

FREE = Symbols()


def strict(*names: str, positive: bool = False) -> Symbols:
    return Symbols(tuple(Variable(n, domain="positive" if positive else "real") for n in names), strict=True)


# (a, b, verdict from floats: equal | not-equal | undecided)
PAIRS = [
    ("2(theta-1)", "2theta-2", "equal"),
    ("σ(z)(1-σ(z))", "exp(-z)/(1+exp(-z))^2", "equal"),
    ("σ'(z)", "σ(z)(1-σ(z))", "equal"),
    ("tanh(x)", "(exp(x)-exp(-x))/(exp(x)+exp(-x))", "equal"),
    ("tanh'(x)", "1-tanh(x)^2", "equal"),
    ("sin(x)^2+cos(x)^2", "1", "equal"),
    ("(x^3-1)/(x-1)", "x^2+x+1", "equal"),  # x = 1 is skipped, like SymPy's undefined points
    ("max(0,x)", "(x+abs(x))/2", "equal"),
    ("relu(x)", "max(x, 0)", "equal"),
    ("exp(2 log(x))", "x^2", "equal"),  # agree where both are defined (x > 0)
    ("x^2", "x", "not-equal"),
    ("sqrt(x^2)", "x", "not-equal"),
    ("theta+2eta(theta-1)", "theta-2eta(theta-1)", "not-equal"),
    ("(a+b)^2", "a^2+b^2", "not-equal"),
    # equal means equal: rational expressions are compared exactly at rational points
    ("x y", "y x + 1/10000000", "not-equal"),
    ("(x^20+1)-x^20", "1", "equal"),
    ("(x+1)^100", "(x+1)^100 + 1", "not-equal"),
    ("x", "x + 1e-10", "not-equal"),
    ("x", "x + 10^-15", "not-equal"),
    ("x", "x + relu(x - 10)", "not-equal"),  # sampled beyond the kink at x = 10
    ("x", "x + relu(x - 250)", "not-equal"),
    ("abs(x - 7)", "x - 7", "not-equal"),
    ("max(x, 2x - 30)", "x", "not-equal"),  # the arguments tie at x = 30
    ("exp(x)", "exp(x) + 1e-12", "not-equal"),  # small points make the term visible
    ("exp(x^2)", "exp(x^2) + 1e-20", "undecided"),  # below what floats resolve anywhere: SymPy's
    ("1 - σ(x)", "σ(-x)", "equal"),  # points where 1 - σ(x) loses every digit are no evidence
    ("x!", "x", "undecided"),  # factorial of a non-integer point
    ("\\sum_{i=1}^{n} i", "n(n+1)/2", "undecided"),  # sums are SymPy's
    ("d/dx x^2", "2x", "undecided"),  # derivatives are SymPy's
    ("log(-x^2-1)", "0", "undecided"),  # defined nowhere
]


@pytest.mark.parametrize("a, b, expected", PAIRS)
def test_equivalent(a, b, expected):
    try:
        verdict = equivalent(parse(a), parse(b), FREE).verdict
    except Undecided:
        verdict = "undecided"
    assert verdict == expected


def test_counterexample_names_the_point_and_values():
    r = equivalent(parse("x^2"), parse("x"), FREE)
    assert (r.point, r.left, r.right) == ({"x": "1.5"}, "2.25", "1.5")


def test_positive_variables_are_sampled_positive():
    scope = strict("x", positive=True)
    assert equivalent(parse("sqrt(x^2)", symbols=scope), parse("x", symbols=scope), scope).verdict == "equal"
    assert equivalent(parse("log(x^2)", symbols=scope), parse("2 log(x)", symbols=scope), scope).verdict == "equal"


# (name typed, symbols, variables sampled): names are resolved once, when the tree is read
NAMES = [
    ("ab", FREE, ["a", "b"]),
    ("theta", FREE, ["theta"]),
    ("W1", FREE, ["W_1"]),
    ("yhat", FREE, ["yhat"]),
    ("e pi x", FREE, ["x"]),
    ("xy", strict("x", "y"), ["x", "y"]),
    ("W1", strict("W_1"), ["W_1"]),
    ("e x", strict("e", "x"), ["e", "x"]),  # a declared e is a variable, not Euler's number
]


@pytest.mark.parametrize("text, symbols, expected", NAMES)
def test_names_are_resolved_when_read(text, symbols, expected):
    assert variables([parse(text, symbols=symbols)], Space.of(symbols).scope) == expected


def test_an_unknown_name_in_a_strict_scope_is_an_error_when_read():
    with pytest.raises(UnknownNameError):
        parse("q", symbols=strict("x"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("relu(x - 10)", {"x": ["10"]}),
        ("abs(3 - 2x)", {"x": ["3/2"]}),
        ("max(a, 2a - 3)", {"a": ["3"]}),
        ("relu(x y)", {}),
        ("relu(x^2 - 1)", {}),
        ("x + 1", {}),
    ],
)
def test_kinks_of_linear_switches_in_one_variable(text, expected):
    found = kinks([parse(text)], Space.of(FREE))
    assert {k: [str(v) for v in vs] for k, vs in found.items()} == expected


@pytest.mark.parametrize(
    "got, expected, factor",
    [
        ("(y-yhat)^2", "2(y-yhat)^2", "1/2"),
        ("6x", "2x", "3"),
        ("-x/4", "x", "-1/4"),
        ("x^2", "x", None),
        ("x", "x", None),  # 1 is not a mistake
        ("13x", "x", None),  # beyond the small factors a reader forgets
    ],
)
def test_scale_factor(got, expected, factor):
    found = scale_factor(parse(got), parse(expected), FREE)
    assert (None if found is None else str(found)) == factor
