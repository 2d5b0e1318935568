from __future__ import annotations

import re
from pathlib import Path

import pytest

from graders.messages import MESSAGES, caret, message


def test_every_message_has_both_languages():
    for code, (zh, en) in MESSAGES.items():
        assert zh and en, code
        assert re.search(r"[\u4e00-\u9fff]", zh) or zh == "{detail}", code


@pytest.mark.parametrize(
    "text, pos, expected",
    [
        ("abc(", 3, "abc(\n   ^"),
        ("x +", 3, "x +\n   ^"),
        ("a\nbc d", 4, "bc d\n  ^"),
        ("θ中x", 2, "θ中x\n   ^"),  # wide characters take two columns
    ],
)
def test_caret(text, pos, expected):
    assert caret(text, pos) == expected


def test_an_unknown_code_is_a_bug_not_a_message():
    with pytest.raises(KeyError):
        message("no-such-code")


GRADERS = Path(__file__).resolve().parents[2] / "graders"
#: how the engine's code names a message: an error, a message, a result's note, a limit verdict
_CODE = re.compile(r'(?:(?<!Errata)Error_?|message|_wrong|limit_result)\((?:Verdict\.\w+, )?"([a-z0-9][a-z0-9-]*)"')


def _codes_in_source() -> set[str]:
    found = set()
    for path in GRADERS.rglob("*.py"):
        found |= set(_CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_the_engine_can_raise_has_a_message():
    codes = _codes_in_source()
    assert len(codes) > 60  # the scan sees the engine's codes (a broken pattern would find none)
    assert sorted(codes - set(MESSAGES)) == []


def test_every_error_code_of_the_bank_and_cli_has_both_languages():
    for code in _codes_in_source():
        text = message(code, **dict.fromkeys(("line", "limit", "name", "id", "path"), "1"))
        assert text.zh and text.en, code


def test_hint_rendering():
    assert "transpose" in message("shape-mismatch", left="3×4", right="3×1", op="·", hint="transpose").en
    assert "transpose" not in message("shape-mismatch", left="3×4", right="2×1", op="·", hint="").en


@pytest.mark.parametrize(
    "code, params, en, zh",
    [
        (
            "step-one-way",
            {"added": "x = -2"},
            "only follows one way (⇒): it adds x = -2",
            "单向推出（⇒）：它引入了 x = -2",
        ),
        ("step-adds", {"added": "x = -2"}, "not an equivalence: it adds x = -2", "不是等价变形：它引入了 x = -2"),
        (
            "step-loses",
            {"lost": "x = 0"},
            "loses the solution x = 0 (did you divide by an expression that can be 0",
            "丢失了解 x = 0（是否除以了可能为 0 的式子",
        ),
        (
            "step-neither",
            {"lost": "x = 2", "added": "x = 3"},
            "loses x = 2 and adds x = 3",
            "丢失了 x = 2，又引入了 x = 3",
        ),
        ("check-roots", {"lines": "2, 4"}, "Steps marked ⇒ (line 2, 4) may add roots", "第 2, 4 行只是单向推出（⇒）"),
        ("marker-needs-equations", {"marker": "⇔"}, "A leading ⇔ joins two equations", "行首的 ⇔ 连接两个等式"),
        ("on-line", {"line": 3}, "Line 3:", "第 3 行："),
    ],
)
def test_derivation_messages(code, params, en, zh):
    text = message(code, **params)
    assert en in text.en and zh in text.zh
    assert "{" not in text.en + text.zh  # every placeholder filled
