"""The Gradescope export is a results.json as Gradescope's autograder specification shows it
(fixture): only its keys, with the same types; ungraded answers carry no score."""

from __future__ import annotations

import json

import pytest

from graders.batch.gradebook import export
from graders.errors import UsageError

from .conftest import graded, table


def _types(d: dict) -> dict:
    return {k: type(v) for k, v in d.items()}


def test_keys_and_types_of_the_documented_format(fixtures):
    spec = json.loads((fixtures / "gradescope_results.json").read_text(encoding="utf-8"))
    ours = json.loads(export(table(graded("s", "q1", "correct"), graded("s", "q2", "invalid")), "gradescope"))
    top = {k: t for k, t in _types(ours).items() if k != "tests"}
    assert top.items() <= _types(spec).items()
    for test in ours["tests"]:
        assert _types(test).items() <= _types(spec["tests"][0]).items()
        assert test.get("status", "passed") in ("passed", "failed")


CASES = [
    # (pairs, top-level score, (name, score, status) per test)
    (
        [graded("s", "q1", "correct"), graded("s", "q2", "incorrect")],
        1.0,
        [("q1", 1.0, "passed"), ("q2", 0.0, "failed")],
    ),
    ([graded("s", "q1", "incorrect", score=0.5)], 0.5, [("q1", 0.5, "failed")]),
    # not graded: no score at all (never 0), and the output says why
    (
        [graded("s", "q1", "undetermined"), graded("s", "q2", "correct")],
        1.0,
        [("q1", None, None), ("q2", 1.0, "passed")],
    ),
]


@pytest.mark.parametrize(("pairs", "score", "tests"), CASES)
def test_scores(pairs, score, tests):
    d = json.loads(export(table(*pairs), "gradescope"))
    assert d["score"] == score
    assert [(t["name"], t.get("score"), t.get("status")) for t in d["tests"]] == tests
    assert all(t["max_score"] == 1.0 and t["output"] for t in d["tests"])


def test_ungraded_output_names_the_verdict():
    [test] = json.loads(export(table(graded("s", "q1", "timeout")), "gradescope"))["tests"]
    assert "timed out" in test["output"] and "超时" in test["output"]


@pytest.mark.parametrize("students", [0, 2])
def test_one_submission_is_one_student(students):
    pairs = [graded(f"s{i}", "q1", "correct") for i in range(students)]
    with pytest.raises(UsageError) as err:
        export(table(*pairs), "gradescope")
    assert (err.value.code, err.value.params["students"]) == ("gradebook-one-student", students)
