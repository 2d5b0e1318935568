from __future__ import annotations

import json

import pytest

from graders.bank import load
from graders.bank.variants import fill, pick, seed_for
from graders.cli.main import main
from graders.grading.pipeline import check

Q = load("gd-step-variant")


def _expected(values: dict) -> float:
    t0, lr, c = (float(values[k]) for k in ("t0", "lr", "c"))
    return t0 - lr * 2 * (t0 - c)


# golden values: the same on every machine and in every process (sha256 of student and question id)
@pytest.mark.parametrize(
    "student, seed, index",
    [
        ("alice", 15935489647114206063, 12),
        ("bob", 9931753569833433686, 2),
        ("张三", 1253635374889607615, 26),
        ("s-0001", 14805823008668416401, 3),
    ],
)
def test_student_variant_is_deterministic_and_graded_consistently(student, seed, index):
    assert seed_for(student, Q.id) == seed
    got, values = pick(Q.params, seed)
    assert got == index
    assert check(Q, repr(round(_expected(values), 10)), seed=seed).verdict.value == "correct"


def test_variants_differ_between_students():
    seeds = {pick(Q.params, seed_for(f"s{i}", Q.id))[0] for i in range(40)}
    assert len(seeds) > 10


def test_fill_keeps_latex_braces():
    assert fill(r"\frac{a}{b} = {x}", {"x": 2}) == r"\frac{a}{b} = 2"


def test_cli_show_and_check_use_the_same_variant(capsys):
    assert main(["show", Q.id, "--student", "alice", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    _, values = pick(Q.params, seed_for("alice", Q.id))
    assert f"α = {values['lr']}" in shown["prompt"]["en"]
    answer = repr(round(_expected(values), 10))
    assert main(["check", Q.id, answer, "--student", "alice", "--no-sandbox"]) == 0
    assert main(["check", Q.id, answer, "--student", "alice"]) == 0  # isolated child, same variant
