"""Moodle's grade import from a CSV file (Grades → Import → CSV file): a header row, one row per
student, and at the import the teacher maps one column to a user field ("Map from" → "Map to":
ID number, email address, username or user id) and each other column to a grade item.

The headers are those of Moodle's own grade export. The identifying column comes first: ``ID number``
(the student id) or, with ``identify="email"``, ``Email address`` (every student needs one); the other
follows when the file carries it, then one column per question. An answer that was not graded is a blank cell: Moodle
imports no grade for it.

>>> from graders.batch.summary import ClassTable, Student
>>> from graders.result import Result, Verdict
>>> st = Student("2024001", {"email": "zs@example.edu"}, {"q1": Result(Verdict.INCORRECT, score=0.5)})
>>> print(moodle_csv(ClassTable(["q1"], [st]), identify="email"), end="")
Email address,ID number,q1
zs@example.edu,2024001,0.5
"""

from __future__ import annotations

from ..summary import ClassTable, number, score_of, write_csv
from .columns import cell, require

__all__ = ["IDENTITY_COLUMNS", "moodle_csv"]

#: Moodle's export headers for the user fields an import can map, and where each cell comes from
IDENTITY_COLUMNS = {"student": "ID number", "email": "Email address"}


def moodle_csv(table: ClassTable, identify: str = "student") -> str:
    require(table, identify, "moodle")
    carried = {k for st in table.students for k in st.identity}
    sources = [identify, *(s for s in IDENTITY_COLUMNS if s != identify and (s == "student" or s in carried))]
    header = [IDENTITY_COLUMNS[s] for s in sources] + table.questions
    rows = []
    for st in table.students:
        scores = [score_of(st.answers.get(q)) for q in table.questions]
        rows.append([cell(st, s) for s in sources] + ["" if s is None else number(s) for s in scores])
    return write_csv(header, rows)
