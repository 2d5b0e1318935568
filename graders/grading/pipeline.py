"""Stage 4, grading: one answer to one question, through the pipeline of the question's kind.

``read`` (stage 1) → form and value checks: :mod:`~graders.grading.numeric` (numbers),
:mod:`~graders.grading.expression` (symbolic and matrix answers: floats, then SymPy),
:mod:`~graders.grading.derivation` (one step per line). Every failure becomes a result here.

>>> from graders.bank import load
>>> check(load("mse-house-prices"), "300/3").verdict.value
'correct'
"""

from __future__ import annotations

import time

from ..bank.model import Question
from ..bank.variants import pick
from ..reading import DEFAULT, Limits
from ..result import Result
from . import derivation, expression, numeric
from .common import guarded

__all__ = ["check", "PIPELINES"]

PIPELINES = {
    "numeric": numeric.grade,
    "symbolic": expression.grade,
    "matrix": expression.grade,
    "derivation": derivation.grade,
}


def check(
    q: Question, answer: str, *, seed: int | None = None, limits: Limits = DEFAULT, floats: bool = True
) -> Result:
    """Grade ``answer`` to question ``q`` (variant chosen by ``seed``).

    ``floats=False`` skips the SymPy-free layer and always builds SymPy objects: the tests
    compare the two."""
    t0 = time.perf_counter()
    answer = str(answer)
    index, values = pick(q.params, seed)
    result = guarded(lambda: PIPELINES[q.kind](q, answer, values, limits, floats), answer)
    return result.with_(
        question=q.id, answer=answer, variant=index if q.params else None, elapsed_ms=(time.perf_counter() - t0) * 1000
    )
