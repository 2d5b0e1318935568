"""Partial credit for derivations: with ``partial_credit: steps`` a derivation that is not right
scores the share of its correct steps (the step it lacks to reach the answer counts as wrong);
without it, 1 or 0. Invalid derivations are never scored."""

from __future__ import annotations

import pytest
import yaml

from graders.bank.loader import from_dict, to_dict
from graders.bank.template import TEMPLATES_DIR
from graders.errors import QuestionError
from graders.grading.pipeline import check


def _question(partial: bool):
    d = yaml.safe_load((TEMPLATES_DIR / "derivation.yaml").read_text(encoding="utf-8"))
    d["id"] = "t-deriv"
    if partial:
        d["partial_credit"] = "steps"
    return from_dict(d)


START = "d/dx (x + 1)^2"
CASES = [
    # (derivation lines after the start, verdict, note, score with partial credit, score without)
    (["= d/dx (x^2 + 2x + 1)", "= 2x + 2"], "correct", "correct", 1.0, 1.0),
    (["= x + 1"], "incorrect", "wrong-step-2", 0.0, 0.0),
    (["= d/dx (x^2 + 2x + 1)", "= 2x + 1"], "incorrect", "wrong-step-3", 0.5, 0.0),
    # a later step consistent with the wrong one before it is a correct step
    (["= 2(x + 1)", "= 2x + 3", "= 3 + 2x"], "incorrect", "wrong-step-3", 0.6667, 0.0),
    # stopped before the answer: the missing step counts as wrong
    (["= d/dx (x^2 + 2x + 1)"], "wrong-form", "unevaluated-derivative", 0.5, 0.0),
    ([], "wrong-form", "derivation-at-start", 0.0, 0.0),
    # never scored: invalid input
    (["= 2(x + 1"], "invalid", "unclosed", 0.0, 0.0),
]


@pytest.mark.parametrize(("lines", "verdict", "note", "partial", "plain"), CASES)
def test_scores(lines, verdict, note, partial, plain):
    answer = "\n".join([START, *lines])
    for q, score in ((_question(True), partial), (_question(False), plain)):
        res = check(q, answer)
        assert (res.verdict.value, res.note, res.score) == (verdict, note, score)


def test_another_start_scores_nothing():
    res = check(_question(True), "d/dx (x + 2)^2\n= 2(x + 2)")
    assert (res.note, res.score) == ("first-line-mismatch", 0.0)


def test_the_field_is_kept_and_only_for_derivations():
    q = _question(True)
    assert from_dict(to_dict(q)).partial_credit == "steps"
    d = {**to_dict(q), "kind": "numeric", "answer": "1"}
    d.pop("start")
    with pytest.raises(QuestionError, match="partial"):
        from_dict(d)
    with pytest.raises(QuestionError):
        from_dict({**to_dict(q), "partial_credit": "lines"})  # not a mode the schema knows
