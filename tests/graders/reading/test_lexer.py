from __future__ import annotations

import pytest

from graders.errors import ParseError
from graders.reading.lexer import canonical, tokenize


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("2θ² − ŷ", ["2", "theta", "^", "(", "2", ")", "-", "yhat"]),
        ("x**2", ["x", "^", "2"]),
        ("ln0.6", ["ln", "0.6"]),
        ("W1ᵀ", ["W1", "ᵀ"]),
        ("a·b×c÷d", ["a", "*", "b", "*", "c", "/", "d"]),
        ("θ_1 + x̂", ["theta_1", "+", "xhat"]),
        ("（1，2）", ["(", "1", ",", "2", ")"]),
        ("1.5e-3 .5", ["1.5e-3", ".5"]),
        ("2e^x", ["2", "e", "^", "x"]),
        ("2exp(x)", ["2", "exp", "(", "x", ")"]),
        # read as people type: full-width forms (NFKC), sub- and superscripts, vulgar fractions, µ
        ("１００＋（２）", ["100", "+", "(", "2", ")"]),
        ("β₀ + ŷᵢ + W₁ + x₁₂", ["beta_0", "+", "yhat_i", "+", "W_1", "+", "x_12"]),
        ("10⁻⁴", ["10", "^", "(", "-", "4", ")"]),
        ("xⁿ", ["x", "^", "(", "n", ")"]),
        ("½x", ["(", "1", "/", "2", ")", "x"]),
        ("µ", ["mu"]),  # the micro sign is μ
        ("𝐱 + 1", ["x", "+", "1"]),  # a mathematical bold x is an x
        ("log10(x) + log2(y) + log100", ["log10", "(", "x", ")", "+", "log2", "(", "y", ")", "+", "log", "100"]),
        ("|x|", ["|", "x", "|"]),
        ("∂/∂θ", ["d", "/", "d", "theta"]),
        ("⌊x/2⌋ + ⌈y⌉", ["⌊", "x", "/", "2", "⌋", "+", "⌈", "y", "⌉"]),
        ("floor(x) ceil(y) ceiling(z)", ["floor", "(", "x", ")", "ceil", "(", "y", ")", "ceiling", "(", "z", ")"]),
        ("⌊x⌉", ["⌊", "x", "⌉"]),  # a mismatched pair is the parser's error, not the lexer's
    ],
)
def test_tokens(text, tokens):
    assert [t.text for t in tokenize(text)][:-1] == tokens


@pytest.mark.parametrize("ident, name", [("y_hat", "yhat"), ("y_hat_i", "yhat_i"), ("W_1", "W_1"), ("hat", "hat")])
def test_canonical(ident, name):
    assert canonical(ident) == name


def test_positions_point_into_the_original_text():
    toks = tokenize("  θ +  10")
    assert [(t.text, t.pos) for t in toks] == [("theta", 2), ("+", 4), ("10", 7), ("", 9)]
    toks = tokenize("x² + １０")  # also after characters that became several, or were mapped
    assert [(t.text, t.pos) for t in toks] == [
        ("x", 0),
        ("^", 1),
        ("(", 1),
        ("2", 1),
        (")", 1),
        ("+", 3),
        ("10", 5),
        ("", 7),
    ]


@pytest.mark.parametrize(
    "text, code",
    [
        ("x\u2066", "invisible-char"),
        ("\u0455in(x)", "confusable-char"),
        ("x`", "bad-char"),
        ("\u23a3x\u23a6", "bad-char"),  # ⎣x⎦: bracket pieces that look like floor brackets
        ("\u231ex\u231f", "bad-char"),  # ⌞x⌟: corner brackets
        ("\u300cx\u300d", "bad-char"),  # 「x」
        ("答案 100", "bad-char"),
        ("1e", "incomplete-exponent"),
        ("2e-", "incomplete-exponent"),
        ("3E+", "incomplete-exponent"),
        ("0x64", "hex-number"),
        ("0b101", "hex-number"),
        ("3½", "mixed-number"),
    ],
)
def test_rejected_characters(text, code):
    with pytest.raises(ParseError) as info:
        tokenize(text)
    assert info.value.code == code
