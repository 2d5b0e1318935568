"""The Canvas export has the columns of Canvas's own Gradebook export (fixture), the Points Possible
row, the scores of graded answers and blanks for the others."""

from __future__ import annotations

import csv
import io

import pytest

from graders.batch.gradebook import export
from graders.errors import UsageError

from .conftest import graded, table

ZS = (("姓名", "张三"), ("Email", "zs@example.edu"), ("班级", "A"))


def _rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_identity_columns_and_points_row_as_canvas_exports_them(fixtures):
    canvas = _rows((fixtures / "canvas_gradebook.csv").read_text(encoding="utf-8"))
    ours = _rows(export(table(graded("2024001", "q1", "correct", extra=ZS)), "canvas"))
    assert ours[0][:5] == canvas[0][:5]  # Student, ID, SIS User ID, SIS Login ID, Section
    assert ours[1][0] == canvas[1][0] == "Points Possible"
    assert ours[1][1:5] == canvas[1][1:5] == ["", "", "", ""]  # nothing under the identity columns
    assert ours[0][5:] == ["q1"] and ours[1][5:] == ["1"]


CASES = [
    # (pairs, identify, the student row)
    ([graded("2024001", "q1", "correct", extra=ZS)], "student", ["张三", "", "2024001", "", "A", "1"]),
    # no name carried: the student id is the Student cell (Canvas shows it; it matches by SIS User ID)
    ([graded("2024001", "q1", "incorrect")], "student", ["2024001", "", "2024001", "", "", "0"]),
    # partial credit and an ungraded answer: the share, and a blank (Canvas leaves that grade alone)
    (
        [graded("s", "q1", "incorrect", score=0.5), graded("s", "q2", "invalid")],
        "student",
        ["s", "", "s", "", "", "0.5", ""],
    ),
    # matched by email: it fills SIS Login ID
    ([graded("2024001", "q1", "correct", extra=ZS)], "email", ["张三", "", "2024001", "zs@example.edu", "A", "1"]),
    # a Canvas user id and a login carried in the class file
    (
        [graded("s", "q1", "correct", extra=(("Canvas ID", "101"), ("login", "zs")))],
        "student",
        ["s", "101", "s", "zs", "", "1"],
    ),
]


@pytest.mark.parametrize(("pairs", "identify", "row"), CASES)
def test_student_rows(pairs, identify, row):
    assert _rows(export(table(*pairs), "canvas", identify))[2] == row


def test_matching_by_email_needs_every_students_email():
    pairs = [graded("2024001", "q1", "correct", extra=ZS), graded("2024002", "q1", "correct")]
    with pytest.raises(UsageError) as err:
        export(table(*pairs), "canvas", "email")
    assert err.value.code == "gradebook-column"
    assert err.value.params["students"] == "2024002"
    assert err.value.params["found"] == "email, name, section"


def test_formula_cells_are_neutralised():
    text = export(table(graded("=cmd", "q1", "correct")), "canvas")
    assert _rows(text)[2][:3] == ["'=cmd", "", "'=cmd"]
