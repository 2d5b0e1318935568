from __future__ import annotations

import pytest

from graders.reading import parse
from graders.reading.printer import to_latex, to_plain


@pytest.mark.parametrize(
    "text, plain, latex",
    [
        ("a-(b-c)", "a - (b - c)", r"a - \left(b - c\right)"),
        ("a/(b c)", "a/(b*c)", r"\frac{a}{b \cdot c}"),
        ("(-x)^2", "(-x)^2", r"\left(-x\right)^{2}"),
        ("-x^2", "-x^2", "-x^{2}"),
        ("2^3^2", "2^(3^2)", "2^{3^{2}}"),
        ("(2^3)^2", "(2^3)^2", r"\left(2^{3}\right)^{2}"),
        ("ŷ_i", "ŷ_i", r"\hat{y}_{i}"),
        ("θ_new", "θ_new", r"\theta_{\mathrm{new}}"),
        ("W1ᵀ", "W_1ᵀ", r"W_{1}^{\top}"),  # W1 is W_1: names are read once, and echoed as read
        ("A ⊙ B", "A ⊙ B", r"A \odot B"),
        ("sqrt(x)", "sqrt(x)", r"\sqrt{x}"),
        ("abs(x)", "|x|", r"\left|x\right|"),
        ("ab^2", "a*b^2", r"a \cdot b^{2}"),  # a power binds to the last of glued letters
        ("|x - 1| + tanh^2(x)", "|x - 1| + tanh(x)^2", r"\left|x - 1\right| + \tanh\left(x\right)^{2}"),
        ("log10(x)", "log10(x)", r"\log_{10}\left(x\right)"),
        ("1e-3", "1e-3", r"1 \times 10^{-3}"),
        ("sum(x_i, i, 1, n)", "sum(x_i, i, 1, n)", r"\sum_{i=1}^{n} x_{i}"),
        ("d/dx x^2", "d/dx (x^2)", r"\frac{\partial}{\partial x} \left(x^{2}\right)"),
        ("[1, 2]", "[1, 2]", r"\begin{bmatrix}1 \\ 2\end{bmatrix}"),
        ("floor(x)", "⌊x⌋", r"\left\lfloor x \right\rfloor"),
        ("ceiling(x/2)", "⌈x/2⌉", r"\left\lceil \frac{x}{2} \right\rceil"),
        ("⌊x⌋^2", "⌊x⌋^2", r"\left\lfloor x \right\rfloor^{2}"),
        ("2⌈a - b⌉", "2*⌈a - b⌉", r"2 \cdot \left\lceil a - b \right\rceil"),
        ("floor((W-K+2P)/S)+1", "⌊(W - K + 2*P)/S⌋ + 1", r"\left\lfloor \frac{W - K + 2 \cdot P}{S} \right\rfloor + 1"),
        ("⌊⌊n/2⌋/2⌋", "⌊⌊n/2⌋/2⌋", r"\left\lfloor \frac{\left\lfloor \frac{n}{2} \right\rfloor}{2} \right\rfloor"),
    ],
)
def test_printing(text, plain, latex):
    tree = parse(text)
    assert to_plain(tree) == plain
    assert to_latex(tree) == latex


@pytest.mark.parametrize(
    "text",
    [
        "floor(x)",
        "ceil(x/2) + 1",
        "⌊x⌋^2",
        "2⌈a - b⌉",
        "floor((W-K+2P)/S)+1",
        "⌊⌊n/2⌋/2⌋",
        "-⌈-x⌉",
        "sigma(floor(z))",
        "a/(b c)",
        "(2^3)^2",
        "sqrt(x) + abs(y)",
    ],
)
def test_both_printings_read_back_the_same(text):
    """What the preview shows (plain and LaTeX), typed back in, is the same tree."""
    tree = parse(text)
    assert to_plain(parse(to_plain(tree))) == to_plain(tree)
    assert to_plain(parse(to_latex(tree))) == to_plain(tree)
