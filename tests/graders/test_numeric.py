from __future__ import annotations

import pytest

from graders.build import build
from graders.errors import InputError
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
])
def test_fast_path_agrees_with_sympy(text):
    tree = parse(text)
    assert fast_value(tree, {}) == pytest.approx(value(build(tree)), rel=1e-12)


@pytest.mark.parametrize("text", ["ln(-1)", "sqrt(-1)", "1/0", "(-8)^(1/3)"])
def test_fast_path_undefined(text):
    with pytest.raises(InputError) as info:
        fast_value(parse(text), {})
    assert info.value.code == "not-real"


@pytest.mark.parametrize("text", ["x + 1", "d/dx x^2", "sum(i, i, 1, 3)", "[1, 2]"])
def test_fast_path_falls_back(text):
    with pytest.raises(Fallback):
        fast_value(parse(text), {})
