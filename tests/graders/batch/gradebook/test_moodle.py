"""The Moodle export uses the headers of Moodle's grade export (fixture) for the column a teacher maps
to a user field, then one column per question."""

from __future__ import annotations

import csv
import io

import pytest

from graders.batch.gradebook import export
from graders.errors import UsageError

from .conftest import graded, table

MAIL = (("邮箱", "zs@example.edu"),)


def _rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_identity_headers_are_moodles_own(fixtures):
    moodle = _rows((fixtures / "moodle_grades.csv").read_text(encoding="utf-8"))[0]
    for identify in ("student", "email"):
        header = _rows(export(table(graded("s", "q1", "correct", extra=MAIL)), "moodle", identify))[0]
        assert set(header[:2]) <= set(moodle)
        assert header[2:] == ["q1"]


CASES = [
    # (pairs, identify, header, the student row)
    ([graded("S001", "q1", "correct")], "student", ["ID number", "q1"], ["S001", "1"]),
    ([graded("S001", "q1", "correct", extra=MAIL)], "student", ["ID number", "Email address", "q1"],
     ["S001", "zs@example.edu", "1"]),
    ([graded("S001", "q1", "correct", extra=MAIL)], "email", ["Email address", "ID number", "q1"],
     ["zs@example.edu", "S001", "1"]),
    # an ungraded answer is blank (no grade imported), partial credit is the share
    ([graded("S001", "q1", "timeout"), graded("S001", "q2", "wrong-form", score=0.25)], "student",
     ["ID number", "q1", "q2"], ["S001", "", "0.25"]),
]  # fmt: skip


@pytest.mark.parametrize(("pairs", "identify", "header", "row"), CASES)
def test_rows(pairs, identify, header, row):
    assert _rows(export(table(*pairs), "moodle", identify))[:2] == [header, row]


def test_matching_by_email_without_an_email_column():
    with pytest.raises(UsageError) as err:
        export(table(graded("S001", "q1", "correct", extra=(("name", "张三"),))), "moodle", "email")
    assert (err.value.code, err.value.params["column"], err.value.params["found"]) == (
        "gradebook-column",
        "email",
        "name",
    )
