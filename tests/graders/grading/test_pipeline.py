"""grade.check: one place where every failure becomes a Result."""

from __future__ import annotations

import pytest

from graders.bank import load
from graders.grading.common import guarded
from graders.grading.pipeline import check
from graders.result import Verdict


def test_result_carries_question_answer_and_timing():
    r = check(load("mse-house-prices"), "100")
    assert r.question == "mse-house-prices" and r.answer == "100" and r.elapsed_ms > 0 and r.variant is None
    assert r.parsed == "100" and r.latex == "100" and r.score == 1.0


def test_variant_index_is_reported():
    assert check(load("gd-step-variant"), "2.6", seed=0).variant == 0


@pytest.mark.parametrize(
    "exc, verdict, note",
    [
        (RecursionError(), Verdict.TOO_LARGE, "too-large"),
        (MemoryError(), Verdict.TOO_LARGE, "too-large"),
        (ZeroDivisionError("boom"), Verdict.ERROR, "internal-error"),
    ],
)
def test_guarded_turns_failures_into_results(exc, verdict, note):
    def fail():
        raise exc

    r = guarded(fail, "x")
    assert (r.verdict, r.note) == (verdict, note) and r.feedback.en
    assert "boom" not in r.feedback.en + r.feedback.zh  # exception text is for maintainers (detail) only
    assert r.detail == ("ZeroDivisionError: boom" if note == "internal-error" else "")


@pytest.mark.parametrize(
    "qid, answer, note",
    [
        ("mse-gradient-prediction", "2(ŷ_i - y_i)", "missing-1-over-n"),
        ("gd-update-rule", "θ + 2η(θ-1)", "plus-gradient"),
        ("bce-logit-gradient", "y - σ(z)", "y-minus-p"),
        ("backprop-two-layer-dw2", "σ(W1 x) gᵀ", "missing-transpose"),
        ("gd-step-quadratic", "1.9", "missing-factor-2"),
        ("sigmoid-derivative", "-σ(z)(1-σ(z))", "negated"),
        ("sigmoid-derivative", "2σ(z)(1-σ(z))", "scaled"),
    ],
)
def test_misconception_notes(qid, answer, note):
    r = check(load(qid), answer)
    assert r.verdict is Verdict.INCORRECT and r.note == note


def test_not_equivalent_names_a_counterexample():
    r = check(load("sigmoid-derivative"), "σ(z)^2")
    assert r.note == "not-equivalent" and set(r.counterexample) == {"z"} and "z =" in r.feedback.en


@pytest.mark.parametrize(
    "answer", ["100 + sigmoid(-1000)", "100 + σ(-745)", "100 - sigmoid(-1000)", "100 + 0*exp(-1000)"]
)
@pytest.mark.parametrize("floats", [True, False])
def test_the_float_and_sympy_paths_agree_on_extreme_arguments(answer, floats):
    """One overflow-safe sigmoid, read by the limits, the float layer and the SymPy builder."""
    r = check(load("mse-house-prices"), answer, floats=floats)
    assert (r.verdict.value, r.note) == ("correct", "correct"), r
