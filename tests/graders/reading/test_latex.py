"""The LaTeX subset: each construct reads into the same tree as its plain spelling."""

from __future__ import annotations

import pytest

from graders.errors import InputError, LimitError, ParseError
from graders.reading import parse
from graders.reading.printer import to_plain
from graders.symbolic.build import build
from graders.symbolic.equivalence import equivalent

SAME_AS_PLAIN = [
    (r"\frac{1}{n}\sum_{i=1}^{n}(y_i-\hat{y}_i)^2", "1/n*sum((y_i - yhat_i)^2, i, 1, n)"),
    (r"\frac{a+b}{c}", "(a+b)/c"),
    (r"x^{2}", "x^2"),
    (r"{x^23}", "x^2*3"),
    (r"x_{1} + x_2", "x_1 + x_2"),
    (r"a \cdot b \times c", "a*b*c"),
    (r"\left( a + b \right) c", "(a+b)c"),
    (r"\left[ a + b \right] c", "(a+b)c"),
    (r"\sigma(z)(1-\sigma(z))", "sigmoid(z)(1 - sigmoid(z))"),
    (r"\sigma^2", "sigma^2"),
    (r"\hat{y}", "yhat"),
    (r"\hat{y}_i", "yhat_i"),
    (r"\hat{y_i}", "yhat_i"),
    (r"\theta - \alpha \nabla", None),
    (r"\exp(-x)", "exp(-x)"),
    (r"\exp{x}", "exp(x)"),
    (r"\log(x) + \ln x", "ln(x) + ln(x)"),
    (r"\sqrt{x+1}", "sqrt(x+1)"),
    (r"\sqrt[3]{x}", "x^(1/3)"),
    (r"\tanh x", "tanh(x)"),
    (r"e^{x}", "exp(x)"),
    (r"W^\top x", "Wᵀx"),
    (r"W^{\top} x", "Wᵀx"),
    (r"W^T x", "W^T x"),
    (r"A \odot B", "A ⊙ B"),
    (r"\frac{\partial}{\partial \theta}(\theta-1)^2", "d/dθ (θ-1)^2"),
    (r"\frac{\partial (\theta-1)^2}{\partial \theta}", "d/dθ (θ-1)^2"),
    (r"\frac{d}{dx} x^2", "d/dx x^2"),
    (r"\operatorname{ReLU}(x)", "relu(x)"),
    (r"\mathrm{softmax}", None),
    (r"\theta_{\text{new}}", "theta_new"),
    (r"\mathbf{W}_1 \mathbf{x}", "W_1 x"),
    (r"{xy}", "x*y"),
    (r"\left| x \right|", "abs(x)"),
    (r"-\left[1 \cdot \log(0.6) + 0 \cdot \log(0.3) + 1 \cdot \log(0.7)\right]", "-(ln(0.6)+ln(0.7))"),
    (r"\frac{210}{3}", "70"),
    (r"2\,\theta", "2θ"),
    # floor and ceiling
    (r"\lfloor x \rfloor", "floor(x)"),
    (r"\lceil x \rceil", "ceil(x)"),
    (r"\left\lfloor \frac{W-K+2P}{S} \right\rfloor + 1", "floor((W-K+2P)/S) + 1"),
    (r"\left\lceil \frac{n}{b} \right\rceil", "ceil(n/b)"),
    (r"\left \lfloor x \right \rfloor", "floor(x)"),
    (r"\bigl\lfloor x \bigr\rfloor", "floor(x)"),
    (r"\operatorname{floor}(x)", "floor(x)"),
    (r"\operatorname{ceil}(x)", "ceil(x)"),
    (r"\mathrm{ceiling}(x)", "ceil(x)"),
    (r"\floor{x} + \ceil{y}", "floor(x) + ceil(y)"),
    (r"2\lfloor x \rfloor", "2 floor(x)"),
    (r"\lfloor x \rfloor^{2}", "floor(x)^2"),
    (r"\lfloor \lfloor n/2 \rfloor / 2 \rfloor", "floor(floor(n/2)/2)"),
    (r"⌊x⌋ + \frac{1}{2}", "floor(x) + 1/2"),
    (r"\left\lfloor \frac{224+2\cdot 3-7}{2} \right\rfloor + 1", "112"),
    (r"\lceil 60000 \cdot 0.9 / 32 \rceil", "1688"),
    # read as people write: numbers, fractions, powers of functions, logs, Unicode
    (r"\theta - 1e-8", "theta - 10^-8"),
    (r"2.5E3 x", "2500 x"),
    (r"\frac12 + \frac{1}{2}", "1"),
    (r"\frac1x", "1/x"),
    (r"\tanh^2 x + \tanh^{2}(x)", "2 tanh(x)^2"),
    (r"\sin^2 x + \cos^2 x", "1"),
    (r"\operatorname{sech}(x) + \coth x", "sech(x) + coth(x)"),
    (r"\log_{10} x + \log_2 y + \lg z", "log10(x) + log2(y) + log10(z)"),
    (r"\log_{3}(9)", "2"),
    (r"θ^{2} + \frac{1}{2}·x", "theta^2 + x/2"),
    (r"\sigma(z)²", "sigmoid(z)^2"),
    (r"\beta₀ + x", "beta_0 + x"),
    (r"W^{T} x", "Wᵀx"),
    (r"\max(0, x)", "relu(x)"),
]


@pytest.mark.parametrize("latex, plain", [r for r in SAME_AS_PLAIN if r[1] is not None])
def test_latex_means_the_same(latex, plain):
    a, b = build(parse(latex)), build(parse(plain))
    assert equivalent(a, b).verdict == "equal", (to_plain(parse(latex)), plain)


def test_e_is_eulers_number_and_sum_is_expanded():
    assert str(build(parse(r"e^{x}"))) == "exp(x)"
    assert "Sum" in str(build(parse(r"\sum_{i=1}^{n} x_i")))


@pytest.mark.parametrize(
    "text, code",
    [
        (r"\def\a{\a\a}\a", "latex-unknown-command"),
        (r"\input{/etc/passwd}", "latex-unknown-command"),
        (r"\frac{a}{", "unexpected-end"),
        (r"\left( x", "unclosed"),
        (r"\sum_i x_i", "sum-index"),
        (r"\sum_{i=1} x_i", "sum-index"),
        (r"x_{+}", "latex-subscript"),
        (r"\frac{\partial J}{\partial 2}", "diff-variable"),
        (r"\lfloor x", "unclosed"),
        (r"\left\lfloor", "unclosed"),
        (r"\lfloor x \rceil", "mismatched-bracket"),
        (r"\left\lfloor x \right\rceil", "mismatched-bracket"),
        (r"\left\lceil x \right)", "mismatched-bracket"),
        (r"\lfloor x }", "unexpected"),
        (r"\rfloor x", "unexpected"),
        (r"\lfloorx \rfloor", "latex-unknown-command"),
        (r"\left\lgroup x \right\rgroup", "unexpected"),
    ],
)
def test_latex_errors(text, code):
    with pytest.raises(InputError) as info:
        parse(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("x^{" * 100 + "x" + "}" * 100, "too-deep"),
        (r"\frac{" * 80 + "1" + "}{2}" * 80, "too-deep"),
        (r"\sqrt{" * 80 + "2" + "}" * 80, "too-deep"),
        ("\\," * 1500, "too-long"),
        (r"\lfloor" * 80 + "x" + r"\rfloor" * 80, "too-deep"),
        (r"\left\lceil" * 80 + " x", "too-deep"),
    ],
)
def test_latex_bombs(text, code):
    with pytest.raises((LimitError, ParseError)) as info:
        parse(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    "text, pos, params",
    [
        (r"\lfloor x \rceil", 10, {"open": r"\lfloor", "close": r"\rceil", "want": r"\rfloor"}),
        (r"\left\lceil x \right\rfloor", 14, {"open": r"\lceil", "close": r"\rfloor", "want": r"\rceil"}),
        (r"\frac{1}{2} + ⌊x \rceil", 17, {"open": "⌊", "close": r"\rceil", "want": "⌋"}),
    ],
)
def test_mismatched_brackets_are_named_as_typed(text, pos, params):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert (info.value.code, info.value.pos, info.value.params) == ("mismatched-bracket", pos, params)


def test_unclosed_floor_points_at_the_opening_command():
    with pytest.raises(ParseError) as info:
        parse(r"1 + \left\lfloor \frac{a}{b}")
    assert (info.value.pos, info.value.params) == (4, {"open": r"\lfloor", "close": r"\rfloor"})


@pytest.mark.parametrize(
    "text, plain",
    [
        (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", "[[1, 2], [3, 4]]"),
        (r"\begin{pmatrix} 0 \\ 2 \\ 0 \\ \end{pmatrix}", "[[0], [2], [0]]"),
        (r"\begin{bmatrix} \sigma(0) & e \end{bmatrix}", "[[σ(0), e]]"),
    ],
)
def test_latex_matrices(text, plain):
    assert to_plain(parse(text)) == plain


@pytest.mark.parametrize(
    "text, code",
    [
        (r"\begin{array} 1 \end{array}", "latex-unknown-command"),
        (r"\begin{bmatrix} 1 & 2", "unclosed"),
        (r"\begin{bmatrix} 1 \end{pmatrix}", "unclosed"),
    ],
)
def test_latex_matrix_errors(text, code):
    with pytest.raises(InputError) as info:
        parse(text)
    assert info.value.code == code


def test_ragged_matrix_is_a_shape_error():
    from graders.errors import ShapeError

    with pytest.raises(ShapeError):
        build(parse("[[1, 2], [3]]"))
