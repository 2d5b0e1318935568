from __future__ import annotations

import pytest

from graders.parse import parse
from graders.printer import to_latex, to_plain


@pytest.mark.parametrize("text, plain, latex", [
    ("a-(b-c)", "a - (b - c)", r"a - \left(b - c\right)"),
    ("a/(b c)", "a/(b*c)", r"\frac{a}{b \cdot c}"),
    ("(-x)^2", "(-x)^2", r"\left(-x\right)^{2}"),
    ("-x^2", "-x^2", "-x^{2}"),
    ("2^3^2", "2^(3^2)", "2^{3^{2}}"),
    ("(2^3)^2", "(2^3)^2", r"\left(2^{3}\right)^{2}"),
    ("ŷ_i", "ŷ_i", r"\hat{y}_{i}"),
    ("θ_new", "θ_new", r"\theta_{\mathrm{new}}"),
    ("W1ᵀ", "W1ᵀ", r"W_{1}^{\top}"),
    ("A ⊙ B", "A ⊙ B", r"A \odot B"),
    ("sqrt(x)", "sqrt(x)", r"\sqrt{x}"),
    ("abs(x)", "abs(x)", r"\left|x\right|"),
    ("1e-3", "1e-3", r"1 \times 10^{-3}"),
    ("sum(x_i, i, 1, n)", "sum(x_i, i, 1, n)", r"\sum_{i=1}^{n} x_{i}"),
    ("d/dx x^2", "d/dx (x^2)", r"\frac{\partial}{\partial x} \left(x^{2}\right)"),
    ("[1, 2]", "[1, 2]", r"\begin{bmatrix}1 \\ 2\end{bmatrix}"),
])
def test_printing(text, plain, latex):
    tree = parse(text)
    assert to_plain(tree) == plain
    assert to_latex(tree) == latex
