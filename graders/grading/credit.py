"""Partial credit for derivations: a question that says ``partial_credit: steps`` scores a derivation
that is not right by the share of its steps that are (otherwise a derivation scores 1 or 0).

A step is a line after the first, judged against the line before it; a derivation that does not
reach the question's answer (it stops early or ends elsewhere) also lacks the step that would have
reached it. A derivation that does not start from the question's start derived something else and
scores 0. Invalid and undetermined derivations are not scored at all: they are never graded.

>>> from graders.result import Result, Step, Verdict as V
>>> steps = tuple(Step(n, "", v) for n, v in ((1, V.CORRECT), (2, V.CORRECT), (3, V.INCORRECT)))
>>> step_share(Result(V.INCORRECT, note="wrong-step-3", steps=steps))
0.5
>>> step_share(Result(V.WRONG_FORM, note="unevaluated-derivative", steps=steps[:2]))
0.5
"""

from __future__ import annotations

from ..result import Result, Verdict

__all__ = ["MODES", "step_share", "with_credit"]

#: the values of a question's ``partial_credit`` field (the schema lists the same enum)
MODES = ("steps",)
#: results that are right in every step but do not end where the question asks: one step is missing
_UNFINISHED = ("last-line-mismatch", "unevaluated-derivative", "derivation-at-start")


def step_share(result: Result) -> float:
    """The share of correct steps of a derivation that is wrong or in the wrong form."""
    if result.note == "first-line-mismatch":
        return 0.0
    steps = result.steps[1:]
    total = len(steps) + (result.note in _UNFINISHED)
    correct = sum(s.verdict is Verdict.CORRECT for s in steps)
    return round(correct / total, 4) if total else 0.0


def with_credit(result: Result, mode: str | None) -> Result:
    """``result`` with its score by ``mode`` (None: 1 or 0, as graded)."""
    if mode == "steps" and result.verdict in (Verdict.INCORRECT, Verdict.WRONG_FORM):
        return result.with_(score=step_share(result))
    return result
