"""grade.check: one place where every failure becomes a Result."""

from __future__ import annotations

import pytest

from graders.grade import check, guarded
from graders.questions import load
from graders.result import Verdict


def test_result_carries_question_answer_and_timing():
    r = check(load("mse-house-prices"), "100")
    assert r.question == "mse-house-prices" and r.answer == "100" and r.elapsed_ms > 0 and r.variant is None
    assert r.parsed == "100" and r.latex == "100" and r.score == 1.0


def test_variant_index_is_reported():
    assert check(load("gd-step-variant"), "2.6", seed=0).variant == 0


@pytest.mark.parametrize("exc, verdict, note", [
    (RecursionError(), Verdict.TOO_LARGE, "too-large"),
    (MemoryError(), Verdict.TOO_LARGE, "too-large"),
    (ZeroDivisionError("boom"), Verdict.UNDETERMINED, "internal-error"),
])
def test_guarded_turns_failures_into_results(exc, verdict, note):
    def fail():
        raise exc

    r = guarded(fail, "x")
    assert (r.verdict, r.note) == (verdict, note) and r.feedback.en


@pytest.mark.parametrize("qid, answer, note", [
    ("mse-gradient-prediction", "2(ŷ_i - y_i)", "missing-1-over-n"),
    ("gd-update-rule", "θ + 2η(θ-1)", "plus-gradient"),
    ("bce-logit-gradient", "y - σ(z)", "y-minus-p"),
    ("backprop-two-layer-dw2", "σ(W1 x) gᵀ", "missing-transpose"),
    ("gd-step-quadratic", "1.9", "missing-factor-2"),
    ("sigmoid-derivative", "-σ(z)(1-σ(z))", "negated"),
    ("sigmoid-derivative", "2σ(z)(1-σ(z))", "scaled"),
])
def test_misconception_notes(qid, answer, note):
    r = check(load(qid), answer)
    assert r.verdict is Verdict.INCORRECT and r.note == note


def test_not_equivalent_names_a_counterexample():
    r = check(load("sigmoid-derivative"), "σ(z)^2")
    assert r.note == "not-equivalent" and set(r.counterexample) == {"z"} and "z =" in r.feedback.en
