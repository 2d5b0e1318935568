from __future__ import annotations

import pytest

from graders.errors import ParseError
from graders.lexer import canonical, tokenize


@pytest.mark.parametrize("text, tokens", [
    ("2θ² − ŷ", ["2", "theta", "^", "2", "-", "yhat"]),
    ("x**2", ["x", "^", "2"]),
    ("ln0.6", ["ln", "0.6"]),
    ("W1ᵀ", ["W1", "ᵀ"]),
    ("a·b×c÷d", ["a", "*", "b", "*", "c", "/", "d"]),
    ("θ_1 + x̂", ["theta_1", "+", "xhat"]),
    ("（1，2）", ["(", "1", ",", "2", ")"]),
    ("1.5e-3 .5", ["1.5e-3", ".5"]),
    ("2e", ["2", "e"]),
    ("∂/∂θ", ["d", "/", "d", "theta"]),
    ("⌊x/2⌋ + ⌈y⌉", ["⌊", "x", "/", "2", "⌋", "+", "⌈", "y", "⌉"]),
    ("floor(x) ceil(y) ceiling(z)", ["floor", "(", "x", ")", "ceil", "(", "y", ")", "ceiling", "(", "z", ")"]),
    ("⌊x⌉", ["⌊", "x", "⌉"]),  # a mismatched pair is the parser's error, not the lexer's
])
def test_tokens(text, tokens):
    assert [t.text for t in tokenize(text)][:-1] == tokens


@pytest.mark.parametrize("ident, name", [("y_hat", "yhat"), ("y_hat_i", "yhat_i"), ("W_1", "W_1"), ("hat", "hat")])
def test_canonical(ident, name):
    assert canonical(ident) == name


def test_positions_point_into_the_original_text():
    toks = tokenize("  θ +  10")
    assert [(t.text, t.pos) for t in toks] == [("theta", 2), ("+", 4), ("10", 7), ("", 9)]


@pytest.mark.parametrize("text, code", [
    ("x\u2066", "invisible-char"),
    ("\u0455in(x)", "confusable-char"),
    ("x`", "bad-char"),
    ("\u23a3x\u23a6", "bad-char"),  # ⎣x⎦: bracket pieces that look like floor brackets
    ("\u231ex\u231f", "bad-char"),  # ⌞x⌟: corner brackets
    ("\u300cx\u300d", "bad-char"),  # 「x」
])
def test_rejected_characters(text, code):
    with pytest.raises(ParseError) as info:
        tokenize(text)
    assert info.value.code == code
