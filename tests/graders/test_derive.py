"""Derivations: every line marked, the first wrong step named with a counterexample."""

from __future__ import annotations

import json

import pytest

from graders.cli import main
from graders.derive import grade_derivation_text, split_lines

TABLE = [
    # (derivation, verdict, note, per-line marks)
    ("d/dθ (θ-1)^2\n= 2(θ-1)\n= 2θ - 2", "correct", "correct", "✓✓✓"),
    ("d/dθ (θ-1)^2\n= 2(θ-1)\n= 2θ - 1", "incorrect", "wrong-step-3", "✓✓✗"),
    ("J = (θ-1)^2\n= θ^2 - 2θ + 1\n= (θ-1)(θ-1)", "correct", "correct", "✓✓✓"),
    ("2x = 4\nx = 2", "correct", "correct", "✓✓"),
    ("2x = 4\nx = 3", "incorrect", "wrong-step-2", "✓✗"),
    ("x^2 = 4\nx = 2", "incorrect", "wrong-step-2", "✓✗"),  # loses the root -2
    ("(a+b)^2\n= a^2 + 2ab + b^2\n= a^2 + b^2\n= (a+b)^2 - 2ab", "incorrect", "wrong-step-3", "✓✓✗✓"),
    ("# comment\n\nσ(z)\n= 1/(1+exp(-z))", "correct", "correct", "✓✓"),
    (r"\frac{\partial}{\partial \theta} (\theta - 1)^2" "\n= 2(\\theta - 1)", "correct", "correct", "✓✓"),
    ("a+\n= b", "invalid", "unexpected-end", "!✓"),
    ("log(-1-x^2)\n= log(-1-x^2) + 1", "undetermined", "undetermined-step", "✓?"),
    ("(x+1)^2\nx^2 + 2x + 1 = x^2 + 1\n= x^2 + 1", "incorrect", "wrong-step-2", "✓✗✓"),
    ("(x+1)^2\nx^2 + 2x + 1 = (x+1)(x+1)", "correct", "correct", "✓✓"),
]
MARK = {"correct": "✓", "incorrect": "✗", "invalid": "!", "undetermined": "?"}


@pytest.mark.parametrize("text, verdict, note, marks", TABLE)
def test_derivations(text, verdict, note, marks):
    r = grade_derivation_text(text)
    assert (r.verdict.value, r.note) == (verdict, note), r
    assert "".join(MARK[s.verdict.value] for s in r.steps) == marks


def test_first_wrong_step_has_counterexample():
    r = grade_derivation_text("d/dθ (θ-1)^2\n= 2(θ-1)\n= 2θ - 1\n= 2θ - 1")
    assert r.note == "wrong-step-3" and set(r.counterexample) == {"θ"}
    assert "Line 3" in r.feedback.en and "θ =" in r.feedback.en


def test_target_and_start():
    r = grade_derivation_text("(x+1)^2\n= x^2 + 2x + 1", target="x^2 + 2x")
    assert r.note == "last-line-mismatch"
    r = grade_derivation_text("(x+1)^2\n= x^2 + 2x + 1", start="(x-1)^2")
    assert r.note == "first-line-mismatch"


def test_too_many_lines():
    r = grade_derivation_text("\n".join(["= x"] * 100))
    assert r.verdict.value == "invalid" and r.note == "too-many-lines"


def test_split_lines_numbers_original_lines():
    assert split_lines("a\n\n# c\n= b") == [(1, "a"), (4, "= b")]


def test_cli_derive(tmp_path, capsys):
    f = tmp_path / "d.txt"
    f.write_text("d/dŷ (y - ŷ)^2\n= 2(y - ŷ)\n= 2y - 2ŷ\n", encoding="utf-8")
    assert main(["derive", str(f), "--question", "sq-error-derivative-steps", "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["note"] == "wrong-step-2" and [s["verdict"] for s in d["steps"]] == ["correct", "incorrect", "correct"]
    assert main(["derive", str(f), "--no-sandbox"]) == 1  # the wrong step is wrong without a question too
    assert main(["derive", str(tmp_path / "missing.txt")]) == 2


def test_equation_steps_name_the_solution_sets():
    r = grade_derivation_text("x^2 = 4\nx = 2")
    assert "{-2, 2} → {2}" in r.feedback.en and "解集" in r.feedback.zh
