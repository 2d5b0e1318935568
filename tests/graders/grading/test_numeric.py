"""Numeric answers are numbers: a behaviour table of what is read, refused and said."""

from __future__ import annotations

import pytest

from graders.bank import from_dict, load
from graders.grading.pipeline import check

MSE = load("mse-house-prices")
MLP = load("mlp-param-count")


@pytest.mark.parametrize(
    "answer, verdict, note",
    [
        ("100", "correct", "correct"),
        ("１００", "correct", "correct"),  # full-width digits, as a Chinese keyboard types them
        ("x - x + 100", "invalid", "not-a-number"),  # a numeric answer is an arithmetic expression of numbers
        ("100 + 0*h", "invalid", "not-a-number"),
        ("0x64", "invalid", "hex-number"),  # never read as 0·x64
        ("1e2", "correct", "correct"),
        ("1e", "invalid", "incomplete-exponent"),
        ("100 + 1e-999999999", "invalid", "too-small-number"),  # refused on the text, before any number is built
        ("100 + sigmoid(-1000)", "correct", "correct"),  # one overflow-safe sigmoid for floats, limits and SymPy
        ("MSE = 100", "correct", "correct"),  # a leading label is read as a label
        ("sum(i, i, 1, 3) + 94", "correct", "correct"),  # a bound index is not a variable
    ],
)
def test_numeric_answers(answer, verdict, note):
    r = check(MSE, answer)
    assert (r.verdict.value, r.note) == (verdict, note), r.feedback.en


@pytest.mark.parametrize("seed", range(6))
def test_a_variants_parameter_is_never_an_answer(seed):
    assert check(MLP, "784*h + h + h*10 + 10", seed=seed).verdict.value == "invalid"


def _question(answer: str, rel: float) -> object:
    return from_dict(
        {
            "id": "value",
            "kind": "numeric",
            "topic": "practice",
            "title": {"zh": "值", "en": "A value"},
            "prompt": {"zh": "求值。", "en": "Find it."},
            "answer": answer,
            "tolerance": {"rel": rel, "abs": 0},
            "tests": [
                {"answer": answer, "verdict": "correct"},
                {"answer": "0", "verdict": "incorrect", "note": "incorrect"},
            ],
        }
    )


def test_two_different_values_are_never_shown_alike():
    """'Your value is 0.36' for 0.36000001 would show two equal numbers as a difference."""
    r = check(_question("0.36", 1e-12), "0.36000001")
    assert r.verdict.value == "incorrect" and "0.36000001" in r.feedback.en


def test_within_the_tolerance_is_correct():
    assert check(_question("0.36", 1e-6), "0.36000001").verdict.value == "correct"
