"""A small graded class for the gradebook exports, and where the documented fixture files are."""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.batch.rows import Row
from graders.batch.summary import class_table
from graders.result import Result, Text, Verdict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def graded(student, question, verdict, score=None, extra=()):
    v = Verdict(verdict)
    res = Result(
        v,
        score=score if score is not None else float(v is Verdict.CORRECT),
        feedback=Text("反馈", "feedback"),
        note=v.value,
    )
    return Row(1, student, question, "a", extra=tuple(extra)), res


def table(*pairs):
    return class_table(pairs)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
