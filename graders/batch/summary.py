"""The per-student summary of a graded class, for a gradebook: one row per student, one column per
question (the score), a total and a percentage.

A score is a verdict that grades the answer (correct 1, incorrect or the wrong form 0, a derivation's
share of correct steps if its question gives partial credit). An answer that was not graded — invalid
input, undetermined, a timeout, too large, a grader failure — is never counted as 0: its cell says which
(``invalid`` …), it counts in ``ungraded``, and the percentage is of the questions that were graded. A
student who answered one question twice gets the last answer, and ``duplicates`` counts the others. Rows
that could not be read or name no question are reported by ``kb-grade grade`` itself and do not appear
here. :func:`class_table` is what every gradebook format (:mod:`graders.batch.gradebook`) writes from.

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
from dataclasses import dataclass, field

from ..result import Result
from .rows import Row
from .submissions import neutral
from .tables import IDENTITY, identity

__all__ = [
    "SCORED",
    "Student",
    "ClassTable",
    "class_table",
    "score_of",
    "summary_rows",
    "summary_csv",
    "number",
    "write_csv",
]

#: the verdicts that are a score; every other verdict is shown as itself and not counted
SCORED = ("correct", "incorrect", "wrong-form")
_TAIL = ("total", "graded", "percent", "ungraded", "duplicates")


def number(x: float) -> str:
    """A score as a gradebook cell: ``1``, ``0``, ``0.5``."""
    return f"{x:g}"


def score_of(res: Result | None) -> float | None:
    """The score of an answer, or None if it was not answered or not graded (never 0 for those)."""
    return res.score if res is not None and res.verdict.value in SCORED else None


@dataclass
class Student:
    id: str
    identity: dict[str, str]  # name, email … from the carried columns (:data:`graders.batch.tables.IDENTITY`)
    answers: dict[str, Result] = field(default_factory=dict)  # question → the last result
    duplicates: int = 0

    def scores(self, questions: list[str]) -> list[float]:
        return [s for s in (score_of(self.answers.get(q)) for q in questions) if s is not None]


@dataclass
class ClassTable:
    questions: list[str]  # in order of first appearance
    students: list[Student]  # in order of first appearance


def class_table(pairs: Iterable[tuple[Row, Result]]) -> ClassTable:
    """The graded answers by student and question (unreadable rows and unknown questions left out)."""
    students: dict[str, Student] = {}
    questions: dict[str, None] = {}
    for row, res in pairs:
        if row.error or res.note == "unknown-question":
            continue
        st = students.get(row.student)
        if st is None:
            st = students[row.student] = Student(row.student, identity(row.extra))
        questions.setdefault(row.question)
        if row.question in st.answers:
            st.duplicates += 1
        st.answers[row.question] = res
    return ClassTable(list(questions), list(students.values()))


def summary_rows(pairs: Iterable[tuple[Row, Result]] | ClassTable) -> list[dict]:
    """One mapping per student (in order of first appearance): the identity columns carried (name, email …),
    the question columns, then ``total``,
    ``graded`` (questions with a score), ``percent`` (of those), ``ungraded`` and ``duplicates``."""
    table = pairs if isinstance(pairs, ClassTable) else class_table(pairs)
    carried = identity_columns(table)
    out = []
    for st in table.students:
        row: dict = {"student": st.id, **{k: st.identity.get(k, "") for k in carried}}
        ungraded = 0
        for q in table.questions:
            res = st.answers.get(q)
            score = score_of(res)
            row[q] = "" if res is None else number(score) if score is not None else res.verdict.value
            ungraded += res is not None and score is None
        scores = st.scores(table.questions)
        total = sum(scores)
        row.update(
            total=number(total),
            graded=len(scores),
            percent=f"{100 * total / len(scores):.1f}" if scores else "",
            ungraded=ungraded,
            duplicates=st.duplicates,
        )
        out.append(row)
    return out


def identity_columns(table: ClassTable) -> list[str]:
    """The identity columns (name, email …) some student of the class carries, in :data:`IDENTITY`'s order."""
    return [k for k in IDENTITY if any(st.identity.get(k) for st in table.students)]


def write_csv(header: list[str], rows: Iterable[list | dict]) -> str:
    """CSV text as spreadsheets and gradebooks read it (CRLF lines), every text cell neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([neutral(h) for h in header])
    for row in rows:
        cells = [row.get(h, "") for h in header] if isinstance(row, dict) else row
        w.writerow([neutral(c) for c in cells])
    return buf.getvalue()


def summary_csv(pairs: Iterable[tuple[Row, Result]] | ClassTable) -> str:
    """The summary as CSV text (every text cell neutralised, as in the results file)."""
    table = pairs if isinstance(pairs, ClassTable) else class_table(pairs)
    return write_csv(["student", *identity_columns(table), *table.questions, *_TAIL], summary_rows(table))
