"""Derivations: every line marked, the first wrong step named with a counterexample."""

from __future__ import annotations

import json

import pytest

from graders.cli.main import main
from graders.grading.derivation import grade_derivation_text
from graders.grading.steps import split_lines, split_link
from graders.result import EXIT_USAGE

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
    assert main(["derive", str(tmp_path / "missing.txt")]) == EXIT_USAGE


def test_equation_steps_name_the_solution_sets():
    r = grade_derivation_text("x^2 = 4\nx = 2")
    assert "{-2, 2} → {2}" in r.feedback.en and "解集" in r.feedback.zh


# Implications between equations. A line may start with ⇒ (=>, \implies, \Rightarrow): "the previous line
# implies this one", or ⇔ (<=>, \iff, \Leftrightarrow); an equation after an equation with no marker claims ⇔.
# The last column is the relation found for the last line (the start of its step note).
LINKS = [
    # (derivation, verdict, note, per-line marks, relation of the last step)
    ("x^2 = x\nx = 1", "incorrect", "wrong-step-2", "✓✗", "⇐"),  # divides by x: loses x = 0
    ("x^2 = x\n⇒ x = 1", "incorrect", "wrong-step-2", "✓✗", "⇐"),  # a marked ⇒ that does not follow
    ("sqrt(x+2) = x\nx + 2 = x^2", "incorrect", "wrong-step-2", "✓✗", "⇒"),  # squaring adds x = -1: not ⇔
    ("sqrt(x+2) = x\n⇒ x + 2 = x^2", "correct", "check-roots", "✓✓", "⇒"),
    ("sqrt(x+2) = x\n=> x + 2 = x^2\n⇔ x^2 - x - 2 = 0\n<=> (x-2)(x+1) = 0", "correct", "check-roots", "✓✓✓✓", "⇔"),
    ("x = 2\n\\implies x^2 = 4", "correct", "check-roots", "✓✓", "⇒"),
    ("2x = 4\n\\Rightarrow x = 2", "correct", "correct", "✓✓", "⇔"),  # a ⇒ that is in fact ⇔: no roots note
    ("2x = 4\n\\iff x = 2", "correct", "correct", "✓✓", "⇔"),
    ("2x = 4\n\\Leftrightarrow x = 3", "incorrect", "wrong-step-2", "✓✗", "⇎"),
    ("x^2 = 4\n⇒ x = 2", "incorrect", "wrong-step-2", "✓✗", "⇐"),  # lost solutions are wrong even under ⇒
    # several unknowns: solve one line for a variable, check the other on every branch
    ("2x + 4y = 8\nx = 4 - 2y", "correct", "correct", "✓✓", "⇔"),
    ("x*y = 2\ny = 2/x", "correct", "correct", "✓✓", "⇔"),
    ("exp(x) = y\nx = log(y)", "correct", "correct", "✓✓", "⇔"),
    ("x*y = x\ny = 1", "incorrect", "wrong-step-2", "✓✗", "⇐"),  # loses the line x = 0
    ("y = 1\n⇒ x*y = x", "correct", "check-roots", "✓✓", "⇒"),
    ("x + y = 1\nx - y = 1", "incorrect", "wrong-step-2", "✓✗", "⇎"),
    ("x^2 + y^2 = 1\ny = sqrt(1 - x^2)", "incorrect", "wrong-step-2", "✓✗", "⇐"),  # loses the lower half circle
    ("y = x^2\n⇒ y^2 = x^4", "correct", "check-roots", "✓✓", "⇒"),
    ("sqrt(x) = y\nx = y^2", "incorrect", "wrong-step-2", "✓✗", "⇒"),  # squaring adds y < 0
    ("x^(1/3) = y\n⇒ x = y^3", "correct", "check-roots", "✓✓", "⇒"),  # x^(1/3) is not real for x < 0: adds y < 0
    # solve gives x = y^2 for sqrt(x) = y without the condition y >= 0: points off it are not solutions
    ("sqrt(x) = y\nsqrt(x)*y = y^2", "incorrect", "wrong-step-2", "✓✗", "⇒"),  # adds y = 0, loses nothing
    # undecided: SymPy cannot solve exp(x) = x + 2
    ("exp(x) = x + 2\n⇒ x = log(x + 2)", "undetermined", "undetermined-step", "✓?", "?"),
    # markers join two equations
    ("x^2 - 4\n⇒ (x-2)(x+2)", "invalid", "marker-needs-equations", "✓!", "marker-needs-equations"),
    ("⇒ x = 2", "invalid", "marker-needs-equations", "!", "marker-needs-equations"),
    ("x +\n⇒ x = 2", "invalid", "unexpected-end", "!✓", ""),  # after an unreadable line the marker is not blamed
    ("y = 3\n⇒ y = 3", "correct", "correct", "✓✓", "⇔"),  # on a marked line y is an unknown, not a label
]


@pytest.mark.parametrize("text, verdict, note, marks, found", LINKS)
def test_implications(text, verdict, note, marks, found):
    r = grade_derivation_text(text)
    assert (r.verdict.value, r.note) == (verdict, note), r
    assert "".join(MARK[s.verdict.value] for s in r.steps) == marks
    assert r.steps[-1].note.split("  ")[0] == found


@pytest.mark.parametrize(
    "line, expected",
    [
        ("⇒ x = 2", ("⇒", "x = 2")),
        ("=> x = 2", ("⇒", "x = 2")),
        (r"\implies x=2", ("⇒", "x=2")),
        (r"\Rightarrow x = 2", ("⇒", "x = 2")),
        ("⇔ x = 2", ("⇔", "x = 2")),
        ("<=> x = 2", ("⇔", "x = 2")),
        (r"\iff x = 2", ("⇔", "x = 2")),
        (r"\Leftrightarrow x = 2", ("⇔", "x = 2")),
        ("= 2x + 1", ("=", "2x + 1")),
        ("x = 2", ("", "x = 2")),
        ("x => 2", ("", "x => 2")),  # only at the start of a line
        (r"\iffy", ("", r"\iffy")),  # a longer command is not a marker
    ],
)
def test_split_link(line, expected):
    assert split_link(line) == expected


@pytest.mark.parametrize(
    "text, en, zh",
    [
        ("x^2 = x\nx = 1", "loses the solution x = 0 (did you divide by an expression that can be 0", "丢失了解 x = 0"),
        ("sqrt(x+2) = x\nx + 2 = x^2", "only follows one way (⇒): it adds x = -1", "单向推出（⇒）：它引入了 x = -1"),
        ("2x = 4\nx = 3", "loses x = 2 and adds x = 3", "丢失了 x = 2，又引入了 x = 3"),
        ("sqrt(x+2) = x\n⇒ x + 2 = x^2", "Every step is correct. Steps marked ⇒ (line 2) may add roots", "增根"),
        ("x^2 - 4\n⇒ (x-2)(x+2)", "Line 2: A leading ⇒ joins two equations", "第 2 行： 行首的 ⇒ 连接两个等式"),
    ],
)
def test_implication_feedback(text, en, zh):
    r = grade_derivation_text(text)
    assert en in r.feedback.en and zh in r.feedback.zh, r.feedback


def test_cli_derive_shows_the_relation(tmp_path, capsys):
    f = tmp_path / "d.txt"
    f.write_text("sqrt(x+2) = x\n⇒ x + 2 = x^2\nx^2 - x - 2 = 0\n", encoding="utf-8")
    assert main(["derive", str(f), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["note"] == "check-roots" and [s["note"].split("  ")[0] for s in d["steps"]] == ["", "⇒", "⇔"]
    f.write_text("x^2 = x\nx = 1\n", encoding="utf-8")
    assert main(["derive", str(f), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["steps"][1]["note"] == "⇐  x ∈ {0, 1} → {1}" and d["counterexample"] == {"x": "0"}
