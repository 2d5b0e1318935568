"""``--bank DIR`` and ``KB_GRADE_BANKS`` on the command line: a teacher's questions work with list, show,
check, preview, derive and grade exactly as built-in ones; a bad folder stops a command with exit 2
before any work, and nothing is written."""

from __future__ import annotations

import json

import pytest

from graders.bank.template import write_template
from graders.cli.main import main

DERIVATION = "d/dx (x + 1)^2\n= 2x + 2\n"


@pytest.fixture
def bank(tmp_path, monkeypatch):
    """A teacher's folder with one question of each of two kinds; no KB_GRADE_BANKS."""
    monkeypatch.delenv("KB_GRADE_BANKS", raising=False)
    folder = tmp_path / "course"
    folder.mkdir()
    write_template("numeric", "t-mean", str(folder / "t-mean.yaml"))
    write_template("derivation", "t-steps", str(folder / "t-steps.yaml"))
    (tmp_path / "steps.txt").write_text(DERIVATION, encoding="utf-8")
    (tmp_path / "subs.jsonl").write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"student": "s1", "question": "t-mean", "answer": "5", "seed": 0},
                {"student": "s2", "question": "t-mean", "answer": "15", "seed": 0},
                {"student": "s3", "question": "mse-house-prices", "answer": "100"},
            ]
        ),
        encoding="utf-8",
    )
    return tmp_path


COMMANDS = [
    (["--bank", "{b}", "list"], 0),
    (["list", "--bank", "{b}"], 0),
    (["--bank", "{b}", "show", "t-mean", "--seed", "1"], 0),
    (["show", "t-mean", "--bank", "{b}", "--hints"], 0),
    (["show", "t-mean"], 64),  # without the folder the question is unknown
    (["--bank", "{b}", "check", "t-mean", "5", "--seed", "0"], 0),
    (["check", "t-mean", "15", "--bank", "{b}", "--seed", "0"], 1),
    (["check", "t-mean", "x + 1", "--bank", "{b}"], 2),
    (["check", "t-mean", "--bank={b}", "--", "-5"], 1),
    (["check", "mse-house-prices", "100", "--bank", "{b}"], 0),  # built-in questions still there
    (["preview", "t-mean", "15/3", "--bank", "{b}"], 0),
    (["derive", "{t}/steps.txt", "--question", "t-steps", "--bank", "{b}"], 0),
    (["grade", "{t}/subs.jsonl", "-o", "{t}/out.jsonl", "--bank", "{b}"], 0),
    # a bad folder: exit 2 whatever the command
    (["--bank", "{t}/missing", "list"], 2),
    (["--bank", "{t}/missing", "check", "mse-house-prices", "100"], 2),
    (["--bank", "{b}", "--bank", "{t}/copy", "show", "t-mean"], 2),  # the same id in two folders
]


def _fill(argv, bank):
    return [a.format(b=bank / "course", t=bank) for a in argv]


@pytest.mark.parametrize("argv, code", COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_teachers_questions_on_the_command_line(argv, code, bank, capsys):
    from graders.result import EXIT_USAGE

    (bank / "copy").mkdir()
    write_template("numeric", "t-mean", str(bank / "copy" / "t-mean.yaml"))
    assert main(_fill(argv, bank)) == (EXIT_USAGE if code == 64 else code)


def test_list_shows_the_teachers_questions(bank, capsys):
    assert main(["list", "--json", "--bank", str(bank / "course")]) == 0
    ids = {q["id"] for q in json.loads(capsys.readouterr().out)}
    assert {"t-mean", "t-steps", "mse-house-prices"} <= ids


def test_the_environment_setting_works_like_the_option(bank, monkeypatch, capsys):
    monkeypatch.setenv("KB_GRADE_BANKS", str(bank / "course"))
    assert main(["check", "t-mean", "15", "--seed", "0", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["note"] == "forgot-to-divide"


def test_grade_grades_a_teachers_questions(bank, capsys):
    out = bank / "out.jsonl"
    assert main(["--bank", str(bank / "course"), "grade", str(bank / "subs.jsonl"), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["question"], r["verdict"], r["note"]) for r in rows] == [
        ("t-mean", "correct", "correct"),
        ("t-mean", "incorrect", "forgot-to-divide"),
        ("mse-house-prices", "correct", "correct"),
    ]


@pytest.mark.parametrize("problem", ["missing", "duplicate", "bad-file"])
def test_a_bad_folder_stops_grade_before_it_writes(problem, bank, capsys):
    out = bank / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    folders = [str(bank / "course")]
    if problem == "missing":
        folders.append(str(bank / "missing"))
    elif problem == "duplicate":
        folders.append(str(bank / "copy"))
        (bank / "copy").mkdir()
        write_template("numeric", "t-mean", str(bank / "copy" / "t-mean.yaml"))
    else:
        (bank / "course" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    argv = [x for f in folders for x in ("--bank", f)]
    assert main([*argv, "grade", str(bank / "subs.jsonl"), "-o", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kb-grade: ") and len(err.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "previous results\n"  # nothing lost


def test_a_duplicate_names_both_files_on_the_command_line(bank, capsys):
    (bank / "copy").mkdir()
    write_template("numeric", "t-mean", str(bank / "copy" / "t-mean.yaml"))
    assert main(["--bank", str(bank / "course"), "--bank", str(bank / "copy"), "list", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert str(bank / "course" / "t-mean.yaml") in err and str(bank / "copy" / "t-mean.yaml") in err
    assert "两个文件" in err


def test_json_errors_carry_both_languages(bank, capsys):
    assert main(["--bank", str(bank / "missing"), "list", "--json"]) == 2
    d = json.loads(capsys.readouterr().out)
    assert d["error"] == "bank-missing" and d["message"]["zh"] and str(bank / "missing") in d["message"]["en"]


def test_the_readme_example_round_trip(tmp_path, monkeypatch, capsys):
    """graders/README.md, "Teachers' questions": new → validate → check → grade, as written there."""
    monkeypatch.delenv("KB_GRADE_BANKS", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "course").mkdir()
    assert main(["new", "softmax-grad", "--kind", "symbolic", "-o", "course/softmax-grad.yaml"]) == 0
    assert main(["new", "softmax-grad", "--kind", "symbolic", "-o", "course/softmax-grad.yaml"]) == 2
    assert main(["validate", "course/"]) == 0
    assert main(["--bank", "course/", "check", "softmax-grad", "3x^2 + 2"]) == 0
    (tmp_path / "class.jsonl").write_text(
        json.dumps({"student": "s", "question": "softmax-grad", "answer": "x^2 + 2"}) + "\n", encoding="utf-8"
    )
    assert main(["--bank", "course/", "grade", "class.jsonl", "-o", "results.csv"]) == 0
    assert "forgot-power-factor" in (tmp_path / "results.csv").read_text(encoding="utf-8")
