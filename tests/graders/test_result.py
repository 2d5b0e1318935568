from __future__ import annotations

import dataclasses

import pytest

from graders.result import Result, Step, Text, Verdict


@pytest.mark.parametrize(
    "verdict, code",
    [
        (Verdict.CORRECT, 0),
        (Verdict.INCORRECT, 1),
        (Verdict.INVALID, 2),
        (Verdict.UNDETERMINED, 3),
        (Verdict.TIMEOUT, 3),
        (Verdict.TOO_LARGE, 3),
    ],
)
def test_exit_codes(verdict, code):
    assert Result(verdict).exit_code == code


def test_frozen_and_round_trip():
    r = Result(
        Verdict.INCORRECT,
        feedback=Text("错", "wrong"),
        note="x",
        counterexample={"x": "1"},
        steps=(Step(1, "a", Verdict.CORRECT),),
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.score = 1  # type: ignore[misc]
    d = r.to_dict()
    assert d["verdict"] == "incorrect" and d["valid"] is True and d["steps"][0]["verdict"] == "correct"
    assert Result.from_dict(d) == r


def test_text_languages():
    t = Text("中", "en")
    assert t.get("zh") == "中" and t.get("en") == "en" and t.get("both") == "中\nen"
