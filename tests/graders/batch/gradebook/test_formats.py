"""The table of formats behind ``kb-grade grade --summary FILE [--summary-format F] [--identify I]``:
the format from the option or the file name, and a gradebook's needs checked before any answer is
graded (a missing column, several students for one results.json) with a zh/en message."""

from __future__ import annotations

import csv
import json

import pytest

from graders.batch.gradebook import FORMATS, format_for
from graders.cli.main import main
from graders.errors import UsageError
from graders.result import EXIT_USAGE


@pytest.mark.parametrize(
    ("name", "path", "expected"),
    [
        (None, "summary.csv", "csv"),
        (None, "results.json", "gradescope"),
        (None, "RESULTS.JSON", "gradescope"),
        ("canvas", "grades.csv", "canvas"),
        ("moodle", "grades.txt", "moodle"),
        ("csv", "x.json", "csv"),  # asked for: the name does not override it
    ],
)
def test_format_for(name, path, expected):
    assert format_for(name, path) == expected


def test_unknown_format():
    with pytest.raises(UsageError) as err:
        format_for("blackboard", "x.csv")
    assert err.value.params["formats"] == ", ".join(FORMATS)


def _class(tmp_path, rows):
    p = tmp_path / "class.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return p


ROWS = [
    {"student": "2024001", "name": "张三", "email": "zs@example.edu", "question": "mse-house-prices", "answer": "100"},
    {"student": "2024002", "name": "李四", "question": "mse-house-prices", "answer": "abc("},
]


@pytest.mark.parametrize(
    ("extra", "summary", "first_line"),
    [
        ([], "s.csv", "student,name,email,mse-house-prices,total,graded,percent,ungraded,duplicates"),
        (["--summary-format", "canvas"], "s.csv", "Student,ID,SIS User ID,SIS Login ID,Section,mse-house-prices"),
        (["--summary-format", "moodle"], "s.csv", "ID number,Email address,mse-house-prices"),
        (["--summary-format", "moodle", "--identify", "email"], None, None),  # 李四 has no email
        (["--summary-format", "canvas", "--bom"], "s.csv", "\ufeffStudent,ID,SIS User ID,SIS Login ID,Section"),
        ([], "results.json", None),  # Gradescope: two students cannot be one submission
    ],
)
def test_grade_writes_each_format(extra, summary, first_line, tmp_path, capsys):
    subs, out = _class(tmp_path, ROWS), tmp_path / "out.jsonl"
    target = tmp_path / (summary or "s.csv")
    code = main(["grade", str(subs), "-o", str(out), "--summary", str(target), "--isolation", "process", *extra])
    if first_line is None:  # refused before any answer was graded: nothing written, one message
        assert code == EXIT_USAGE
        assert not out.exists() and not target.exists()
        err = capsys.readouterr().err
        assert "kb-grade:" in err and "Traceback" not in err
        return
    assert code == 0
    text = target.read_bytes().decode("utf-8")
    assert text.startswith(first_line)


def test_one_student_results_json_for_gradescope(tmp_path):
    subs = _class(tmp_path, [ROWS[0], {**ROWS[0], "question": "gd-step-quadratic", "answer": "?"}])
    target = tmp_path / "results" / "results.json"
    assert main(["grade", str(subs), "-o", str(tmp_path / "o.jsonl"), "--summary", str(target)]) == 0
    d = json.loads(target.read_text(encoding="utf-8"))
    assert d["score"] == 1.0
    assert [(t["name"], t.get("score")) for t in d["tests"]] == [("mse-house-prices", 1.0), ("gd-step-quadratic", None)]


def test_missing_column_message_in_both_languages(tmp_path, capsys):
    subs = _class(tmp_path, ROWS)
    argv = ["grade", str(subs), "--summary", str(tmp_path / "m.csv"), "--summary-format", "moodle"]
    assert main([*argv, "--identify", "email"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "2024002" in err and "email" in err and "邮箱" in err
    assert main(argv) == 0  # by student id it imports
    rows = list(csv.reader((tmp_path / "m.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[1:] == [["2024001", "zs@example.edu", "1"], ["2024002", "", ""]]


def test_the_command_line_offers_the_table_of_formats():
    """The parser does not import the exporters (kb-grade starts fast); its choices are the tables'."""
    from graders.batch.gradebook import IDENTIFY
    from graders.cli.main import _subparsers, build_parser

    grade = _subparsers(build_parser())["grade"]
    choices = {a.dest: a.choices for a in grade._actions}  # argparse has no public accessor
    assert (list(choices["summary_format"]), list(choices["identify"])) == (list(FORMATS), list(IDENTIFY))


@pytest.mark.parametrize("extra", [["--summary-format", "canvas"], ["--identify", "email"]])
def test_a_gradebook_option_without_a_summary_file_is_a_usage_error(extra, tmp_path, capsys):
    subs = _class(tmp_path, ROWS)
    assert main(["grade", str(subs), "-o", str(tmp_path / "o.jsonl"), *extra]) == EXIT_USAGE
    assert not (tmp_path / "o.jsonl").exists()
    assert "--summary FILE" in capsys.readouterr().err
