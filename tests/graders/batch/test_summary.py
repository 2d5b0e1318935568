"""The per-student summary: a score per question, a total and a percentage; what was not graded is
shown as itself and never counted as 0."""

from __future__ import annotations

import csv
import json

import pytest

from graders.batch.rows import Row
from graders.batch.summary import summary_csv, summary_rows
from graders.cli.main import main
from graders.result import Result, Verdict


def _pair(student, question, verdict, score=None, line=1, error=""):
    v = Verdict(verdict)
    return Row(line, student, question, "a", error=error), Result(
        v,
        score=score if score is not None else float(v is Verdict.CORRECT),
        note="unknown-question" if question == "nope" else v.value,
    )


CASES = [
    # (pairs, the student's cells for q1 and q2, total, graded, percent, ungraded, duplicates)
    ([_pair("s", "q1", "correct"), _pair("s", "q2", "correct")], ["1", "1"], "2", 2, "100.0", 0, 0),
    ([_pair("s", "q1", "correct"), _pair("s", "q2", "incorrect")], ["1", "0"], "1", 2, "50.0", 0, 0),
    ([_pair("s", "q1", "correct"), _pair("s", "q2", "wrong-form")], ["1", "0"], "1", 2, "50.0", 0, 0),
    # not graded: shown as itself, not 0, and out of the percentage
    ([_pair("s", "q1", "correct"), _pair("s", "q2", "invalid")], ["1", "invalid"], "1", 1, "100.0", 1, 0),
    ([_pair("s", "q1", "undetermined"), _pair("s", "q2", "timeout")], ["undetermined", "timeout"], "0", 0, "", 2, 0),
    ([_pair("s", "q1", "too-large"), _pair("s", "q2", "error")], ["too-large", "error"], "0", 0, "", 2, 0),
    # partial credit as the grader gives it
    ([_pair("s", "q1", "incorrect", score=0.5), _pair("s", "q2", "correct")], ["0.5", "1"], "1.5", 2, "75.0", 0, 0),
    # answered twice: the last answer counts, the other is counted as a duplicate
    (
        [_pair("s", "q1", "incorrect"), _pair("s", "q1", "correct"), _pair("s", "q2", "correct")],
        ["1", "1"],
        "2",
        2,
        "100.0",
        0,
        1,
    ),
    # a question not answered is empty; rows that could not be read or name no question are left out
    (
        [
            _pair("s", "q1", "correct"),
            _pair("t", "q2", "correct"),
            _pair("s", "q2", "invalid", error="row-missing"),
            _pair("s", "nope", "invalid"),
        ],
        ["1", ""],
        "1",
        1,
        "100.0",
        0,
        0,
    ),
]


@pytest.mark.parametrize("pairs, cells, total, graded, percent, ungraded, duplicates", CASES)
def test_summary_rows(pairs, cells, total, graded, percent, ungraded, duplicates):
    row = summary_rows(pairs)[0]
    assert row["student"] == "s"
    assert [row["q1"], row["q2"]] == cells
    assert (row["total"], row["graded"], row["percent"], row["ungraded"], row["duplicates"]) == (
        total,
        graded,
        percent,
        ungraded,
        duplicates,
    )


def test_students_and_questions_keep_the_files_order():
    rows = summary_rows([_pair("乙", "b", "correct"), _pair("甲", "a", "correct"), _pair("乙", "a", "incorrect")])
    assert [r["student"] for r in rows] == ["乙", "甲"]
    assert list(rows[0])[:3] == ["student", "b", "a"]


def test_csv_header_and_neutral_cells():
    text = summary_csv([_pair("=cmd", "q1", "correct")])
    assert text.splitlines()[0] == "student,q1,total,graded,percent,ungraded,duplicates"
    assert text.splitlines()[1].startswith("'=cmd,1,1,1,100.0,0,0")


@pytest.mark.parametrize("bom", [False, True])
def test_grade_writes_the_summary(bom, tmp_path, capsys):
    p = tmp_path / "subs.jsonl"
    p.write_text(
        "".join(
            json.dumps(r, ensure_ascii=False) + "\n"
            for r in [
                {"student": "张三", "question": "mse-house-prices", "answer": "100"},
                {"student": "张三", "question": "gd-step-quadratic", "answer": "1.9"},
                {"student": "李四", "question": "mse-house-prices", "answer": "abc("},
            ]
        ),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.csv"
    argv = ["grade", str(p), "-o", str(tmp_path / "out.jsonl"), "--summary", str(summary), "--isolation", "process"]
    assert main(argv + (["--bom"] if bom else [])) == 0
    data = summary.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert [(r["student"], r["mse-house-prices"], r["total"], r["ungraded"]) for r in rows] == [
        ("张三", "1", "1", "0"),
        ("李四", "invalid", "0", "1"),
    ]


def test_an_unwritable_summary_fails_before_grading(tmp_path, capsys):
    p = tmp_path / "subs.jsonl"
    p.write_text(json.dumps({"student": "s", "question": "mse-house-prices", "answer": "100"}) + "\n", "utf-8")
    (tmp_path / "dir.csv").mkdir()
    out = tmp_path / "out.jsonl"
    assert main(["grade", str(p), "-o", str(out), "--summary", str(tmp_path / "dir.csv"), "--lang", "en"]) != 0
    assert not out.exists()
    assert "dir.csv" in capsys.readouterr().err


def test_identity_columns_carried_follow_the_student():
    """A name or email in the class file is in the summary (the first row of a student gives it)."""
    rows = [
        (Row(1, "2024001", "q1", "1", extra=(("姓名", "张三"), ("备注", "x"))), Result(Verdict.CORRECT, score=1.0)),
        (Row(2, "2024002", "q1", "2", extra=(("Email", "ls@example.edu"),)), Result(Verdict.INCORRECT)),
    ]
    lines = summary_csv(rows).splitlines()
    assert lines[0] == "student,name,email,q1,total,graded,percent,ungraded,duplicates"  # not 备注: no identity
    assert lines[1:] == ["2024001,张三,,1,1,1,100.0,0,0", "2024002,,ls@example.edu,0,0,1,0.0,0,0"]
