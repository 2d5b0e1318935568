"""Layered, three-valued equivalence (behaviour table)."""

from __future__ import annotations

import pytest

from graders.grading.equiv import equiv_texts
from graders.reading import parse
from graders.reading.symbols import Symbols
from graders.symbolic.build import Env, build
from graders.symbolic.equivalence import equivalent

parse_vars = Symbols.parse_spec

TABLE = [
    ("2(theta-1)", "2theta-2", "equal"),
    ("x^2", "x**2", "equal"),
    ("sigma(z)(1-sigma(z))", "exp(-z)/(1+exp(-z))^2", "equal"),
    ("tanh(x)", "(exp(x)-exp(-x))/(exp(x)+exp(-x))", "equal"),
    ("relu(x)", "max(0, x)", "equal"),
    ("relu(x)", "(x + abs(x))/2", "equal"),
    ("e^x", "exp(x)", "equal"),
    ("ln(x)", "log(x)", "equal"),
    ("log(x^2)", "2log(x)", "equal"),  # agree wherever both are defined (x > 0)
    ("d/dθ (θ-1)^2", "2(θ-1)", "equal"),
    ("sum((y_i-yhat_i)^2, i, 1, n)/n", "sum((yhat_i-y_i)^2, i, 1, n)/n", "equal"),
    ("sum(2(yhat_i-y_i), i, 1, n)/n", "2/n*sum(yhat_i, i, 1, n) - 2/n*sum(y_i, i, 1, n)", "equal"),
    ("1/(1+exp(-x))", "exp(x)/(1+exp(x))", "equal"),
    ("x^2", "x", "not-equal"),
    ("sqrt(x^2)", "x", "not-equal"),
    ("(theta-1)", "2(theta-1)", "not-equal"),
    ("sum((y_i-yhat_i)^2, i, 1, n)", "sum((y_i-yhat_i)^2, i, 1, n)/n", "not-equal"),
    # sum bounds are sampled as n = 1..4 and then 5..12: these agree for n <= 4 only
    ("sum(i^2, i, 1, n)", "sum(i^2 + (i-1)(i-2)(i-3)(i-4), i, 1, n)", "not-equal"),
    ("sum(i, i, 1, n)", "n(n+1)/2 + (n-1)(n-2)(n-3)(n-4)", "not-equal"),
    ("sum(i, i, 1, n)", "n(n+1)/2", "equal"),
    ("sum(i^3, i, 1, n)", "(n(n+1)/2)^2", "equal"),
    ("x y", "y x + 0.0000001", "not-equal"),
    # equal means equal: exact at rational points, 25 digits elsewhere, sampled beyond kinks
    ("(x+1)^100", "(x+1)^100 + 1", "not-equal"),
    ("x", "x + 1e-10", "not-equal"),
    ("x", "x + relu(x - 10)", "not-equal"),
    ("exp(x^2)", "exp(x^2) + 1e-20", "not-equal"),
    ("exp(x)", "exp(x)*(1 + 1e-15)", "not-equal"),
    ("log(-1-x^2)", "log(-1-x^2) + 1", "undetermined"),  # defined nowhere on the reals
    # 30-digit evalf cancels catastrophically in 1 − σ(z) at the large-scale points (z ≈ 280):
    # a difference there must survive at more digits before it is a counterexample
    ("d/dz ((1 - y) ln(1 - sigma(z)))", "-(1 - y) σ(z)", "equal"),
    ("d/dz (-(y ln(sigma(z)) + (1 - y) ln(1 - sigma(z))))", "-(y (1 - σ(z)) - (1 - y) σ(z))", "equal"),
    ("d/dz (-(y ln(sigma(z)) + (1 - y) ln(1 - sigma(z))))", "-(y (1 - σ(z)) + (1 - y) σ(z))", "not-equal"),
]


@pytest.mark.parametrize("a, b, verdict", TABLE)
def test_equivalence_table(a, b, verdict):
    assert equivalent(build(parse(a)), build(parse(b))).verdict == verdict


def test_counterexample_is_a_real_witness():
    eq = equivalent(build(parse("x^2")), build(parse("x")))
    assert eq.verdict == "not-equal" and set(eq.point) == {"x"}
    x = float(eq.point["x"])
    assert float(eq.left) == pytest.approx(x**2) and float(eq.right) == pytest.approx(x)


def test_positive_domain_from_vars():
    env = parse_vars("x=positive")
    assert equiv_texts("sqrt(x^2)", "x", env).verdict.value == "correct"
    assert equiv_texts("sqrt(x^2)", "x").verdict.value == "incorrect"


@pytest.mark.parametrize(
    "a, b, verdict, note",
    [
        ("W*x", "x*W", "invalid", "shape-mismatch"),
        ("(W*x)ᵀ", "xᵀWᵀ", "correct", "equal-structural"),
        ("(W*x)ᵀ", "xᵀ*W", "invalid", "shape-mismatch"),
        ("W^T", "transpose(W)", "correct", "equal-structural"),
        ("W ⊙ W", "hadamard(W, W)", "correct", "equal-structural"),
        ("Wᵀ", "W", "incorrect", "missing-transpose"),
    ],
)
def test_matrices(
    a, b, verdict, note
):  # the SymPy layers (floats come first by default: tests/graders/test_layers_agree.py)
    r = equiv_texts(a, b, parse_vars("W=3x4,x=4x1"), floats=False)
    assert (r.verdict.value, r.note) == (verdict, note)


def test_equiv_invalid_side_is_named():
    r = equiv_texts("x +", "x")
    assert r.verdict.value == "invalid" and r.feedback.en.startswith("A:")


@pytest.mark.parametrize("spec", ["W=3x", "1x=positive", "x=banana", "__x=real"])
def test_bad_vars(spec):
    from graders.errors import UsageError

    with pytest.raises(UsageError):
        parse_vars(spec)


def test_free_env_builds_any_name():
    assert build(parse("N + S + beta + gamma + lambda"), Env.of(Symbols())).free_symbols


def test_sum_counterexample_names_a_bound_beyond_4():
    eq = equivalent(build(parse("sum(i, i, 1, n)")), build(parse("n(n+1)/2 + (n-1)(n-2)(n-3)(n-4)")))
    assert eq.verdict == "not-equal" and 5 <= int(eq.point["n"]) <= 12


def test_soft_timeouts_nest():
    """An inner block cannot outlive the outer one, and the outer deadline survives an inner block."""
    import time

    from graders.symbolic.timeout import Timeout as _Timeout
    from graders.symbolic.timeout import soft_timeout

    def spin(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    t0 = time.monotonic()
    with pytest.raises(_Timeout), soft_timeout(0.2), soft_timeout(5.0):
        spin(3.0)
    assert time.monotonic() - t0 < 1.0
    t0 = time.monotonic()
    with pytest.raises(_Timeout), soft_timeout(0.3):
        with soft_timeout(0.05):
            spin(0.01)  # the inner block ends in time...
        spin(3.0)  # ...and the outer deadline still fires
    assert time.monotonic() - t0 < 1.0


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (2**2000, 2**2000 + 1, False),  # rational values are compared exactly, even beyond float range
        (2**2000, 2**2000, True),
        (2**2000, 2**2001, False),
        (-(2**2000), 2**2000, False),
        (1, 1 + 10**-12, False),  # 30-digit values agree to 25 digits or not at all
        (1, 1 + 10**-27, True),
    ],
)
def test_close_is_exact_or_to_25_digits(a, b, expected):
    import sympy as sp

    from graders.symbolic.equivalence import close

    assert close(sp.Integer(a), sp.Integer(b) if isinstance(b, int) else sp.Float(b, 30)) is expected
