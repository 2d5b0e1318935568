"""One bad row never sinks a batch: each is reported with its line and the other rows are graded."""

from __future__ import annotations

import json

import pytest

from graders.batch import grade_file, read_submissions

GOOD = json.dumps({"student": "s1", "question": "mse-house-prices", "answer": "100"})
LAST = json.dumps({"student": "s3", "question": "mse-house-prices", "answer": "70"})

JSONL = [
    # (what, the middle line as written, error code)
    ("nested 100,000 deep", "[" * 100_000 + "]" * 100_000, "row-nested"),
    ("a mapping nested 100,000 deep", '{"a":' * 100_000 + "1" + "}" * 100_000, "row-nested"),
    ("a lone surrogate", '{"student": "s2", "question": "mse-house-prices", "answer": "\\ud800"}', "row-field"),
    ("a surrogate in the id", '{"student": "\\udfff", "question": "mse-house-prices", "answer": "1"}', "row-field"),
    ("a list as the answer", '{"student": "s2", "question": "mse-house-prices", "answer": [1, 2]}', "row-field"),
    ("a mapping as the student", '{"student": {"a": 1}, "question": "mse-house-prices", "answer": "1"}', "row-field"),
    ("not JSON", "{", "row-json"),
    ("not a mapping", "[1]", "row-not-mapping"),
]


@pytest.mark.parametrize("what, middle, code", JSONL, ids=[j[0] for j in JSONL])
def test_a_bad_jsonl_line_is_reported_and_the_rest_graded(what, middle, code, tmp_path):
    p = tmp_path / "subs.jsonl"
    p.write_text("\n".join([GOOD, middle, LAST]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    pairs = grade_file(p, out, isolation="none")
    assert [(row.line, row.error, res.verdict.value) for row, res in pairs] == [
        (1, "", "correct"),
        (2, code, "invalid"),
        (3, "", "incorrect"),
    ]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3  # the output could be written


YAML = [
    (
        "an alias bomb",
        "- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "- {student: s2, question: mse-house-prices, answer: [*c, *c, *c]}\n",
        "row-alias",
    ),
    ("a list as the answer", "- {student: s2, question: mse-house-prices, answer: [1, 2]}\n", "row-field"),
]


@pytest.mark.parametrize("what, items, code", YAML, ids=[y[0] for y in YAML])
def test_a_bad_yaml_item_is_reported_and_the_rest_graded(what, items, code, tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text(
        "- {student: s1, question: mse-house-prices, answer: '100'}\n"
        + items
        + "- {student: s3, question: mse-house-prices, answer: '70'}\n",
        encoding="utf-8",
    )
    rows = read_submissions(p)
    assert (rows[0].error, rows[-1].error) == ("", "")
    assert code in {r.error for r in rows[1:-1]}
    assert rows[-1].line == len(p.read_text(encoding="utf-8").splitlines())


def test_deeply_nested_yaml_is_refused_not_a_traceback(tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text("- " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert [(r.line, r.error) for r in read_submissions(p)] == [(1, "row-nested")]


@pytest.mark.parametrize(
    "question, suggestion",
    [
        ("MSE-house-prices", "mse-house-prices"),  # mis-cased
        ("mse-house-price", "mse-house-prices"),  # mistyped
        ("no-such-question-at-all", ""),
    ],
)
def test_an_unknown_question_is_reported_with_a_suggestion_and_exit_2(question, suggestion, tmp_path, capsys):
    from graders.cli.main import main

    p = tmp_path / "subs.jsonl"
    p.write_text(
        "\n".join([GOOD, json.dumps({"student": "s2", "question": question, "answer": "1"}), LAST]) + "\n",
        encoding="utf-8",
    )
    assert main(["grade", str(p), "-o", str(tmp_path / "out.jsonl"), "--lang", "en", "--isolation", "process"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"kb-grade: {p}:2: No question with id '{question}'.")
    assert (f"Did you mean '{suggestion}'?" in err[0]) == bool(suggestion)


def test_question_ids_are_trimmed(tmp_path):
    p = tmp_path / "subs.jsonl"
    p.write_text(json.dumps({"student": "s", "question": " mse-house-prices\t", "answer": "100"}) + "\n", "utf-8")
    ((row, res),) = grade_file(p, tmp_path / "out.jsonl", isolation="none")
    assert (row.question, res.verdict.value) == ("mse-house-prices", "correct")
