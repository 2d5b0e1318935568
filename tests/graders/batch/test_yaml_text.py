"""YAML submissions keep the student's literal text: no YAML 1.1 typing of answers, ids or seeds."""

from __future__ import annotations

import pytest

from graders.batch import grade_rows, read_submissions

LITERAL = [
    # (the YAML value as typed, the text the grader must see)
    ("0x64", "0x64"),  # typed as int, 0x64 would be 100: graded correct for the MSE question
    ("0.9640", "0.9640"),  # typed as float, the trailing zero (a significant figure) is lost
    ("1e2", "1e2"),
    ("1_000", "1_000"),  # YAML 1.1 reads 1000
    ("0o17", "0o17"),
    ("010", "010"),  # YAML 1.1 reads octal 8
    (".inf", ".inf"),
    ("no", "no"),
    ("~", "~"),
    ("2020-01-02", "2020-01-02"),
    ("'100'", "100"),  # quoted: the text inside the quotes
    ('"7\\u00b2"', "7²"),
]


@pytest.mark.parametrize("typed, text", LITERAL)
def test_answers_are_read_as_typed(typed, text, tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text(f"- student: s1\n  question: mse-house-prices\n  answer: {typed}\n", encoding="utf-8")
    (row,) = read_submissions(p)
    assert (row.error, row.answer) == ("", text)


@pytest.mark.parametrize("student", ["no", "yes", "off", "007", "1.50", "null"])
def test_student_ids_are_read_as_typed(student, tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text(f"- student: {student}\n  question: mse-house-prices\n  answer: '100'\n", encoding="utf-8")
    (row,) = read_submissions(p)
    assert row.student == student


def test_a_hexadecimal_answer_is_invalid_not_correct(tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text("- {student: s1, question: mse-house-prices, answer: 0x64}\n", encoding="utf-8")
    ((_, result),) = grade_rows(read_submissions(p), isolation="none")
    assert (result.verdict.value, result.answer) == ("invalid", "0x64")


@pytest.mark.parametrize("seed, expected, error", [("3", 3, ""), ("'3'", 3, ""), ("x", None, "row-seed")])
def test_seeds_are_still_integers(seed, expected, error, tmp_path):
    p = tmp_path / "subs.yaml"
    p.write_text(f"- {{student: s, question: gd-step-variant, answer: '1', seed: {seed}}}\n", encoding="utf-8")
    (row,) = read_submissions(p)
    assert (row.seed, row.error) == (expected, error)
