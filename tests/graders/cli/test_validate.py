"""``kb-grade validate``: every problem of a teacher's folder with its file and line; exit 0 when all
is well, 1 on any problem, 2 for a missing folder."""

from __future__ import annotations

import json

import pytest

from graders.bank import QUESTIONS_DIR
from graders.bank.template import template
from graders.cli.main import main
from graders.cli.validate import validate_paths

GOOD = template("numeric", "q")


def _edit(old: str, new: str) -> str:
    assert old in GOOD, old  # the template still has the line this case breaks
    return GOOD.replace(old, new, 1)


def _line(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


BROKEN = [
    # (what is wrong, file text, problem code, the fragment of the line reported)
    (
        "a self-test that fails",
        _edit('{answer: "5", verdict: correct', '{answer: "6", verdict: correct'),
        "self-test-failed",
        '{answer: "6", verdict: correct',
    ),
    (
        "a self-test with the wrong note",
        _edit("note: incorrect, seed: 0}", "note: other, seed: 0}"),
        "self-test-failed",
        "note: other, seed: 0}",
    ),
    ("an unknown kind", _edit("kind: numeric ", "kind: essay "), "question-schema", "kind: essay"),
    ("an unknown key", _edit("topic: my-course", "topic: my-course\ncolour: red"), "question-schema", "id: q"),
    ("an empty title", _edit("  en: The mean of three numbers", '  en: ""'), "question-schema", '  en: ""'),
    (
        "a verdict that is not one",
        _edit("verdict: correct, seed: 1}", "verdict: right, seed: 1}"),
        "question-schema",
        "verdict: right",
    ),
    (
        "an incorrect self-test without a note",
        _edit("verdict: incorrect, note: incorrect, seed: 0}", "verdict: incorrect, seed: 0}"),
        "question-schema",
        '{answer: "6", verdict: incorrect, seed: 0}',
    ),
    ("the id is not the file name", _edit("id: q", "id: other"), "question-id-file", "id: other"),
    ("not YAML", _edit("tests:", "tests: [unclosed"), "question-yaml", None),
    # the question's own expressions: reported once, at their line, instead of every self-test failing
    (
        "an answer that cannot be read",
        _edit('answer: "(2 + 4 + {a})/3"', 'answer: "(2 + 4 + {a}/3"'),
        "question-expression",
        'answer: "(2 + 4 + {a}/3"',
    ),
    (
        "an answer with an unknown parameter",
        _edit('answer: "(2 + 4 + {a})/3"', 'answer: "(2 + 4 + {b})/3"'),
        "question-expression",
        'answer: "(2 + 4 + {b})/3"',
    ),
    (
        "a misconception that cannot be read",
        _edit('  - answer: "2 + 4 + {a}"', '  - answer: "2 + 4 +"'),
        "question-expression",
        '  - answer: "2 + 4 +"',
    ),
]


@pytest.mark.parametrize("what, text, code, fragment", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_problem_has_its_file_and_line(what, text, code, fragment, tmp_path):
    (tmp_path / "q.yaml").write_text(text, encoding="utf-8")
    report = validate_paths([str(tmp_path)])
    assert [p.code for p in report.problems] == [code]
    problem = report.problems[0]
    assert problem.path == str(tmp_path / "q.yaml")
    if fragment is not None:
        assert problem.line == _line(text, fragment)
    else:
        assert problem.line is not None
    assert main(["validate", str(tmp_path)]) == 1


def test_every_failure_is_reported_not_only_the_first(tmp_path, capsys):
    text = _edit('{answer: "5", verdict: correct', '{answer: "7", verdict: correct')
    text = text.replace('{answer: "3", verdict: correct', '{answer: "4", verdict: correct')
    (tmp_path / "q.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "r.yaml").write_text(_edit("kind: numeric ", "kind: essay ").replace("id: q", "id: r"), "utf-8")
    assert main(["validate", str(tmp_path), "--lang", "en"]) == 1
    out = capsys.readouterr().out.splitlines()
    q, r = tmp_path / "q.yaml", tmp_path / "r.yaml"
    seven, four = _line(text, '{answer: "7"'), _line(text, '{answer: "4"')
    assert [line.split(": ", 1)[0] for line in out[:-1]] == [
        f"{q}:{seven}",
        f"{q}:{four}",
        f"{r}:{_line(GOOD, 'kind:')}",
    ]
    assert "self-test 0 (answer '7'): expected correct, got incorrect" in out[0]
    assert out[-1] == "Checked 2 files, 1 questions, 6 self-tests: 3 problems."


def test_a_duplicate_of_a_built_in_question_is_a_problem(tmp_path):
    (tmp_path / "mse-house-prices.yaml").write_text(GOOD.replace("id: q", "id: mse-house-prices"), "utf-8")
    report = validate_paths([str(tmp_path)])
    assert [(p.code, p.line, p.params["other"]) for p in report.problems] == [
        ("question-duplicate", _line(GOOD, "id:"), str(QUESTIONS_DIR / "mse-house-prices.yaml"))
    ]


def test_the_built_in_bank_validates(capsys):
    """The built-in folder is not a duplicate of itself, and all its self-tests pass."""
    assert main(["validate", str(QUESTIONS_DIR / "mse-house-prices.yaml"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []


@pytest.mark.parametrize(
    "argv, env, code",
    [
        (["validate", "{good}"], "", 0),
        (["validate", "{good}/q.yaml"], "", 0),
        (["validate", "{good}", "{bad}"], "", 1),
        (["validate"], "{good}", 0),  # no folder named: the teacher's folders
        (["--bank", "{bad}", "validate"], "", 1),
        (["--bank", "{bad}", "validate", "{good}"], "", 1),  # the named folders and the --bank ones
        (["validate"], "", None),  # nothing to validate: a usage error
        (["validate", "{good}/missing"], "", 2),
    ],
)
def test_exit_codes(argv, env, code, tmp_path, monkeypatch, capsys):
    from graders.result import EXIT_USAGE

    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "q.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "q.yaml").write_text(_edit("kind: numeric ", "kind: essay "), encoding="utf-8")
    monkeypatch.setenv("KB_GRADE_BANKS", env.format(good=tmp_path / "good"))
    argv = [a.format(good=tmp_path / "good", bad=tmp_path / "bad") for a in argv]
    assert main(argv) == (EXIT_USAGE if code is None else code)


def test_json_problems_carry_file_line_and_both_languages(tmp_path, capsys):
    (tmp_path / "q.yaml").write_text(_edit("kind: numeric ", "kind: essay "), encoding="utf-8")
    assert main(["validate", str(tmp_path), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    (p,) = d["problems"]
    assert (p["path"], p["line"], p["code"]) == (str(tmp_path / "q.yaml"), _line(GOOD, "kind:"), "question-schema")
    assert p["message"]["zh"] and "essay" in p["message"]["en"]
