"""Canvas's Gradebook import CSV (Grades → Import): the columns of Canvas's own Gradebook export.

``Student`` (the name), ``ID`` (Canvas's user id), ``SIS User ID``, ``SIS Login ID`` and ``Section``
identify the student — Canvas needs one of ID, SIS User ID or SIS Login ID to match a row; then one
column per question (a column Canvas does not know becomes a new assignment), and a second row
``Points Possible`` with each question's maximum (1). The student id goes to ``SIS User ID``; with
``identify="email"`` the email goes to ``SIS Login ID`` and every student needs one. An answer that
was not graded is a blank cell: Canvas then leaves that grade alone.

>>> from graders.batch.summary import ClassTable, Student
>>> from graders.result import Result, Verdict
>>> st = Student("2024001", {"name": "张三"}, {"q1": Result(Verdict.CORRECT, score=1.0)})
>>> print(canvas_csv(ClassTable(["q1"], [st])), end="")
Student,ID,SIS User ID,SIS Login ID,Section,q1
Points Possible,,,,,1
张三,,2024001,,,1
"""

from __future__ import annotations

from ..summary import ClassTable, number, score_of, write_csv
from .columns import cell, require

__all__ = ["IDENTITY_COLUMNS", "canvas_csv"]

#: Canvas's identity headers and where each cell comes from (``student``: the student id)
IDENTITY_COLUMNS = (
    ("Student", "name"),
    ("ID", "canvas id"),
    ("SIS User ID", "student"),
    ("SIS Login ID", "login"),
    ("Section", "section"),
)


def canvas_csv(table: ClassTable, identify: str = "student") -> str:
    columns = [(h, "email" if h == "SIS Login ID" and identify == "email" else s) for h, s in IDENTITY_COLUMNS]
    require(table, identify, "canvas")
    header = [h for h, _ in columns] + table.questions
    points = ["Points Possible", *[""] * (len(columns) - 1), *["1"] * len(table.questions)]
    rows = []
    for st in table.students:
        ident = [cell(st, s) or (st.id if h == "Student" else "") for h, s in columns]
        scores = [score_of(st.answers.get(q)) for q in table.questions]
        rows.append(ident + ["" if s is None else number(s) for s in scores])
    return write_csv(header, [points, *rows])
