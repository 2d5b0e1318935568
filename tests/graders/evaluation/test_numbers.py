from __future__ import annotations

from fractions import Fraction

import pytest

from graders.evaluation.numbers import Tolerance, sig_fig_tolerance, sig_figs, within


@pytest.mark.parametrize(
    "text, n",
    [
        ("100", 1),
        ("100.", 3),
        ("100.0", 4),
        ("0.8675", 4),
        ("0.86750", 5),
        ("0.0087", 2),
        ("1.20e3", 3),
        ("-0.5", 1),
        ("+12", 2),
        ("0", 1),
        ("0.000", 1),
        ("1/3", None),
        ("-(1)", None),
        ("1e2", 1),
    ],
)
def test_sig_figs(text, n):
    assert sig_figs(text) == n


@pytest.mark.parametrize(
    "got, expected, tol, ok",
    [
        (100.001, 100, Tolerance(rel=1e-6), False),
        (100.0000001, 100, Tolerance(rel=1e-6), True),
        (0.8675, 0.867500567, Tolerance(rel=1e-9, sig_figs=4), True),
        (0.868, 0.867500567, Tolerance(rel=1e-9, sig_figs=4), False),
        (1e-13, 0, Tolerance(abs=1e-12), True),
        (Fraction(101770), Fraction(101770), Tolerance(rel=0, abs=0), True),  # exact values compare exactly
        (Fraction(101771), Fraction(101770), Tolerance(rel=0, abs=0), False),
        (Fraction(1, 3), Fraction(3333333, 10**7), Tolerance(rel=1e-6), True),
    ],
)
def test_within(got, expected, tol, ok):
    assert within(got, expected, tol) is ok


def test_sig_fig_tolerance():
    assert sig_fig_tolerance(0.8675, 4) == pytest.approx(0.00005)
    assert sig_fig_tolerance(123.0, 2) == pytest.approx(5)
