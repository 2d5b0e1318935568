from __future__ import annotations

import re

import pytest

from graders.messages import MESSAGES, caret, message


def test_every_message_has_both_languages():
    for code, (zh, en) in MESSAGES.items():
        assert zh and en, code
        assert re.search(r"[\u4e00-\u9fff]", zh) or zh == "{detail}", code


@pytest.mark.parametrize("text, pos, expected", [
    ("abc(", 3, "abc(\n   ^"),
    ("x +", 3, "x +\n   ^"),
    ("a\nbc d", 4, "bc d\n  ^"),
    ("θ中x", 2, "θ中x\n   ^"),  # wide characters take two columns
])
def test_caret(text, pos, expected):
    assert caret(text, pos) == expected


def test_unknown_code_falls_back_to_code():
    assert message("no-such-code").en == "no-such-code"


def test_hint_rendering():
    assert "transpose" in message("shape-mismatch", left="3×4", right="3×1", op="·", hint="transpose").en
    assert "transpose" not in message("shape-mismatch", left="3×4", right="2×1", op="·", hint="").en
