"""Results files: the path is checked before any answer is graded, written atomically with a normal
file's permissions, replacing a symlink rather than writing through it."""

from __future__ import annotations

import json
import os
import stat

import pytest

import graders.batch.submissions as batch
from graders.batch import grade_file
from graders.cli.main import main

ROW = json.dumps({"student": "s1", "question": "mse-house-prices", "answer": "100"}) + "\n"


@pytest.fixture
def subs(tmp_path):
    p = tmp_path / "subs.jsonl"
    p.write_text(ROW, encoding="utf-8")
    return p


@pytest.mark.parametrize("where", ["a folder", "under a file", "read-only folder"])
def test_an_unwritable_output_fails_before_grading(where, subs, tmp_path, monkeypatch):
    if where == "a folder":
        out = tmp_path / "results"
        out.mkdir()
    elif where == "under a file":
        out = subs / "results.jsonl"
    else:
        if os.geteuid() == 0:
            pytest.skip("root can write into a read-only folder")
        (tmp_path / "ro").mkdir(mode=0o500)
        out = tmp_path / "ro" / "results.jsonl"
    graded = []
    monkeypatch.setattr(batch, "grade_rows", lambda *a, **k: graded.append(1) or [])
    with pytest.raises(OSError):
        grade_file(subs, out)
    assert graded == []  # nothing was graded


def test_the_cli_reports_an_unwritable_output(subs, capsys):
    from graders.result import EXIT_USAGE

    assert main(["grade", str(subs), "-o", str(subs / "out.jsonl"), "--lang", "en"]) == EXIT_USAGE
    assert "Cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_results_file_gets_the_permissions_of_a_new_file(umask, subs, tmp_path):
    old = os.umask(umask)
    try:
        grade_file(subs, tmp_path / "out.jsonl", isolation="none")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.jsonl").stat().st_mode) == 0o666 & ~umask


def test_a_replaced_results_file_keeps_its_permissions(subs, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    grade_file(subs, out, isolation="none")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and "mse-house-prices" in out.read_text(encoding="utf-8")


def test_a_symlink_is_replaced_not_written_through(subs, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    grade_file(subs, link, isolation="none")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink() and "mse-house-prices" in link.read_text(encoding="utf-8")


def test_no_probe_file_is_left_behind(subs, tmp_path):
    grade_file(subs, tmp_path / "out.jsonl", isolation="none")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "subs.jsonl"]


@pytest.mark.parametrize(
    "answer, cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("100", "100"),
        ("a=b", "a=b"),  # only the start of a cell matters
    ],
)
def test_csv_cells_a_spreadsheet_would_execute_are_neutralised(answer, cell, tmp_path):
    import csv

    p = tmp_path / "subs.jsonl"
    p.write_text(json.dumps({"student": answer, "question": "mse-house-prices", "answer": answer}) + "\n", "utf-8")
    grade_file(p, tmp_path / "out.csv", isolation="none")
    (row,) = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8", newline="")))
    assert (row["student"], row["answer"]) == (cell, cell)
    assert row["line"] == "1"


def test_jsonl_output_keeps_the_text_as_typed(tmp_path):
    p = tmp_path / "subs.jsonl"
    p.write_text(json.dumps({"student": "=x", "question": "mse-house-prices", "answer": "-100"}) + "\n", "utf-8")
    grade_file(p, tmp_path / "out.jsonl", isolation="none")
    d = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert (d["student"], d["answer"]) == ("=x", "-100")


def test_ctrl_c_says_how_far_it_got_and_keeps_the_previous_file(tmp_path, monkeypatch, capsys):
    p = tmp_path / "subs.jsonl"
    # three different answers: answers typed alike are graded once, and this test interrupts after one task
    p.write_text("".join(ROW.replace('"100"', f'"{a}"') for a in ("100", "300/3", "1e2")), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")

    def interrupted(tasks, **kwargs):
        k, fn = tasks[0]
        yield k, fn()
        raise KeyboardInterrupt

    monkeypatch.setattr("graders.isolation.run_many", interrupted)
    assert main(["grade", str(p), "-o", str(out), "--lang", "en"]) == 130
    err = capsys.readouterr().err
    assert (
        err == "kb-grade: Interrupted after grading 1 of 3 answers; no results were written "
        "(a previous results file is unchanged).\n"
    )
    assert out.read_text(encoding="utf-8") == "previous results\n"


def test_ctrl_c_anywhere_else_is_one_line_and_exit_130(monkeypatch, capsys):
    import graders.cli.commands as commands

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(commands.COMMANDS, "list", interrupted)
    assert main(["list", "--lang", "en"]) == 130
    assert capsys.readouterr().err == "kb-grade: Interrupted.\n"
