"""The per-student summary of a graded class, for a gradebook: one row per student, one column per
question (the score), a total and a percentage.

A score is a verdict that grades the answer (correct 1, incorrect or the wrong form 0, a derivation's
score as the grader gives it). An answer that was not graded — invalid input, undetermined, a timeout,
too large, a grader failure — is never counted as 0: its cell says which (``invalid`` …), it counts in
``ungraded``, and the percentage is of the questions that were graded. A student who answered one
question twice gets the last answer, and ``duplicates`` counts the others. Rows that could not be read
or name no question are reported by ``kb-grade grade`` itself and do not appear here.

>>> from graders.batch.rows import Row
>>> from graders.result import Result, Verdict
>>> pairs = [(Row(1, "张三", "q1", "1"), Result(Verdict.CORRECT, score=1.0)),
...          (Row(2, "张三", "q2", "x"), Result(Verdict.INVALID))]
>>> [row] = summary_rows(pairs)
>>> row["q1"], row["q2"], row["total"], row["graded"], row["percent"], row["ungraded"]
('1', 'invalid', '1', 1, '100.0', 1)
>>> sorted(row)
['duplicates', 'graded', 'percent', 'q1', 'q2', 'student', 'total', 'ungraded']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..result import Result
from .rows import Row
from .submissions import neutral

__all__ = ["SCORED", "summary_rows", "summary_csv"]

#: the verdicts that are a score; every other verdict is shown as itself and not counted
SCORED = ("correct", "incorrect", "wrong-form")
_TAIL = ("total", "graded", "percent", "ungraded", "duplicates")


def _number(x: float) -> str:
    return f"{x:g}"


def _cells(pairs: Iterable[tuple[Row, Result]]) -> tuple[dict[str, dict[str, Result]], list[str], dict[str, int]]:
    """(student → question → the last result, the questions in order of first appearance, duplicates)."""
    table: dict[str, dict[str, Result]] = {}
    questions: dict[str, None] = {}
    duplicates: dict[str, int] = {}
    for row, res in pairs:
        if row.error or res.note == "unknown-question":
            continue
        answers = table.setdefault(row.student, {})
        questions.setdefault(row.question)
        if row.question in answers:
            duplicates[row.student] = duplicates.get(row.student, 0) + 1
        answers[row.question] = res
    return table, list(questions), duplicates


def summary_rows(pairs: Iterable[tuple[Row, Result]]) -> list[dict]:
    """One mapping per student (in order of first appearance): the question columns, then ``total``,
    ``graded`` (questions with a score), ``percent`` (of those), ``ungraded`` and ``duplicates``."""
    table, questions, duplicates = _cells(pairs)
    out = []
    for student, answers in table.items():
        row: dict = {"student": student}
        scores = []
        ungraded = 0
        for q in questions:
            res = answers.get(q)
            if res is None:
                row[q] = ""  # not answered
            elif res.verdict.value in SCORED:
                row[q] = _number(res.score)
                scores.append(res.score)
            else:
                row[q] = res.verdict.value
                ungraded += 1
        total = sum(scores)
        row.update(
            total=_number(total),
            graded=len(scores),
            percent=f"{100 * total / len(scores):.1f}" if scores else "",
            ungraded=ungraded,
            duplicates=duplicates.get(student, 0),
        )
        out.append(row)
    return out


def summary_csv(pairs: Iterable[tuple[Row, Result]]) -> str:
    """The summary as CSV text (every text cell neutralised, as in the results file)."""
    rows = summary_rows(pairs)
    fields = ["student", *(k for k in (rows[0] if rows else {}) if k not in ("student", *_TAIL)), *_TAIL]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\r\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: neutral(v) for k, v in row.items()})
    return buf.getvalue()
