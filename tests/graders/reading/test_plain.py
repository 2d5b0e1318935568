"""The plain-syntax parser: a behaviour table (input -> how it was read)."""

from __future__ import annotations

import pytest

from graders.errors import LimitError, ParseError
from graders.reading import parse
from graders.reading.printer import to_plain

READ = [
    ("2*(theta-1)", "2*(θ - 1)"),
    ("x^2", "x^2"),
    ("x**2", "x^2"),
    ("2x", "2*x"),
    ("2(x+1)", "2*(x + 1)"),
    ("2 x y", "2*x*y"),
    ("(a+b)(a-b)", "(a + b)*(a - b)"),
    ("θ²", "θ^2"),
    ("σ(z)", "σ(z)"),
    ("sigmoid(z)", "σ(z)"),
    ("sigma", "σ"),
    ("ŷ - y", "ŷ - y"),
    ("x\u0302 - y", "x\u0302 - y"),
    ("y_hat_i", "ŷ_i"),
    ("-x^2", "-x^2"),
    ("2^-1", "2^(-1)"),
    ("a/b/c", "a/b/c"),
    ("a/(b c)", "a/(b*c)"),
    ("a - (b - c)", "a - (b - c)"),
    ("ln0.6 + ln 0.7", "ln(0.6) + ln(0.7)"),
    ("log(x)", "ln(x)"),
    ("exp(-x)", "exp(-x)"),
    ("1e-3 + .5 + 2.", "1e-3 + .5 + 2."),
    ("2e^x", "2*e^x"),
    ("Wᵀx", "Wᵀ*x"),
    ("A ⊙ B", "A ⊙ B"),
    ("a·b×c", "a*b*c"),
    ("a − b", "a - b"),
    ("（a，b）", None),  # full-width punctuation parses; vector-less tuple is an error below
    ("√x", "sqrt(x)"),
    ("d/dθ (θ-1)^2", "d/dθ ((θ - 1)^2)"),
    ("d/dx x^2", "d/dx (x^2)"),
    ("diff(x^2, x)", "d/dx (x^2)"),
    ("sum((y_i - yhat_i)^2, i, 1, n)", "sum((y_i - ŷ_i)^2, i, 1, n)"),
    ("[1, 2, 3]", "[1, 2, 3]"),
    ("relu(x) + max(a, b)", "relu(x) + max(a, b)"),
    ("J = (θ-1)^2", "J = (θ - 1)^2"),
    ("3!", "3!"),
    ("σ'(z)", "σ'(z)"),
    ("tanh'(x) + relu'(x)", "tanh'(x) + relu'(x)"),
    # floor and ceiling: words and brackets read the same
    ("floor(x)", "⌊x⌋"),
    ("ceil(x)", "⌈x⌉"),
    ("ceiling(x)", "⌈x⌉"),
    ("floor x", "⌊x⌋"),
    ("⌊x⌋", "⌊x⌋"),
    ("⌈x/2⌉", "⌈x/2⌉"),
    ("floor((W - K + 2P)/S) + 1", "⌊(W - K + 2*P)/S⌋ + 1"),
    ("⌊(W-K+2P)/S⌋+1", "⌊(W - K + 2*P)/S⌋ + 1"),
    ("2⌊x⌋⌈y⌉", "2*⌊x⌋*⌈y⌉"),
    ("⌊x⌋ y", "⌊x⌋*y"),
    ("⌊⌊n/2⌋/2⌋", "⌊⌊n/2⌋/2⌋"),
    ("⌈⌊x⌋⌉", "⌈⌊x⌋⌉"),
    ("⌊x⌋^2", "⌊x⌋^2"),
    ("-⌈-x⌉", "-⌈-x⌉"),
    ("floor(x)!", "⌊x⌋!"),
    ("max(⌊a⌋, ceil(b))", "max(⌊a⌋, ⌈b⌉)"),
    # read as people write (the preview shows the grouping explicitly)
    ("ab^2", "a*b^2"),
    ("2ab^2c", "2*a*b^2*c"),
    ("xy^2 + W1", "x*y^2 + W_1"),
    ("tanh^2(x)", "tanh(x)^2"),
    ("sin^2 x + cos^2 x", "sin(x)^2 + cos(x)^2"),
    ("sech(x) + csch(x) + coth(x)", "sech(x) + csch(x) + coth(x)"),
    ("|x - 1|", "|x - 1|"),
    ("|x||y| + 2|z|", "|x|*|y| + 2*|z|"),
    ("||x| - 1|", "||x| - 1|"),
    ("½ + ¾x", "1/2 + 3/4*x"),
    ("β₀ + β₁x", "β_0 + β_1*x"),
    ("ŷᵢ - yᵢ", "ŷ_i - y_i"),
    ("10⁻⁴", "10^(-4)"),
    ("１００ ＋ ２", "100 + 2"),
    ("µ + σ", "μ + σ"),
    ("log10(100) + log2(8)", "log10(100) + log2(8)"),
    ("W^T x", "Wᵀ*x"),
    ("x^Tx", "xᵀ*x"),
]


@pytest.mark.parametrize("text, expected", [r for r in READ if r[1] is not None])
def test_reads(text, expected):
    assert to_plain(parse(text)) == expected


@pytest.mark.parametrize(
    "text, code, pos",
    [
        ("abc(", "unclosed", 3),
        ("(x + 1", "unclosed", 0),
        ("x +", "unexpected-end", 3),
        ("x + * 2", "unexpected", 4),
        ("2 3", "missing-operator", 2),
        ("", "empty", 0),
        ("   ", "empty", 0),
        ("x $ y", "bad-char", 2),
        ("x'", "prime-needs-function", 1),
        ("f'(x)", "prime-needs-function", 1),
        ("__import__('os')", "bad-char", 0),
        ("a = b = c", "chained-equals", 6),
        ("exp(1, 2)", "arity", 0),
        ("sum x", "call-needs-parens", 0),
        ("x\u202e+1", "invisible-char", 1),
        ("x\u200b", "invisible-char", 1),
        ("\u0430 + 1", "confusable-char", 0),  # Cyrillic a
        ("\u0661 + 1", "confusable-char", 0),  # Arabic-Indic digit one (full-width digits are read: NFKC)
        ("1e", "incomplete-exponent", 0),
        ("x + 2e-", "incomplete-exponent", 4),
        ("0x64", "hex-number", 0),
        ("3½", "mixed-number", 1),
        ("tanh^-1(x)", "inverse-function-power", 5),
        ("|x", "unclosed", 0),
        ("||", "unexpected-end", 2),
        # floor/ceiling brackets: a wrong closing bracket is named where it stands
        ("⌊x⌉", "mismatched-bracket", 2),
        ("⌈x⌋", "mismatched-bracket", 2),
        ("⌊x)", "mismatched-bracket", 2),
        ("(⌊x)⌋", "mismatched-bracket", 3),
        ("⌊[1, 2⌋", "unclosed", 1),
        ("⌊x", "unclosed", 0),
        ("⌊", "unclosed", 0),
        ("2 + ⌈(x + 1)/2", "unclosed", 4),
        ("x⌋", "unexpected", 1),
        ("⌊⌋", "unexpected", 1),
        ("⌊a, b⌋", "unexpected", 2),
        ("floor(1, 2)", "arity", 0),
        ("ceil()", "arity", 0),
        ("floor", "unexpected-end", 5),
    ],
)
def test_syntax_errors(text, code, pos):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert info.value.code == code
    assert info.value.pos == pos


@pytest.mark.parametrize(
    "text, code",
    [
        ("x" * 3000, "too-long"),
        ("(" * 100 + "x" + ")" * 100, "too-deep"),
        ("-" * 200 + "x", "too-deep"),
        ("+".join(["x"] * 500), "too-many-tokens"),
        ("x^" * 70 + "x", "too-deep"),
        ("⌊" * 100 + "x" + "⌋" * 100, "too-deep"),
        ("floor(" * 100 + "x" + ")" * 100, "too-deep"),
        ("⌈" * 900, "too-many-tokens"),
    ],
)
def test_limit_errors(text, code):
    with pytest.raises(LimitError) as info:
        parse(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    "text, params",
    [
        ("⌊x⌉", {"open": "⌊", "close": "⌉", "want": "⌋"}),
        ("⌈x⌋", {"open": "⌈", "close": "⌋", "want": "⌉"}),
        ("⌊x)", {"open": "⌊", "close": ")", "want": "⌋"}),
    ],
)
def test_mismatched_bracket_names_both_brackets(text, params):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert info.value.params == params


def test_equation_can_be_refused():
    with pytest.raises(ParseError) as info:
        parse("a = b", allow_eq=False)
    assert info.value.code == "equation-not-expected"


@pytest.mark.parametrize(
    "text, label, body",
    [
        ("θ_new = θ - 1", "theta_new", "θ - 1"),
        ("J = (θ-1)^2", "J", "(θ - 1)^2"),
        ("loss = x^2", "loss", "x^2"),  # a label is not split into letters
    ],
)
def test_labels(text, label, body):
    tree = parse(text, allow_label=True)
    assert tree.label and tree.left.name == label and to_plain(tree.right) == body


def test_a_declared_name_on_the_left_is_an_equation_not_a_label():
    from graders.reading.symbols import Symbols, Variable

    symbols = Symbols((Variable("x"),), strict=True)
    assert not parse("x = 2", symbols=symbols, allow_label=True).label


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("xy^2", ["x", "y"], "x*y^2"),
        ("x_1y^2", ["x_1", "y"], "x_1*y^2"),  # also after a subscripted name
        ("W1x", ["W_1", "x"], "W_1*x"),
        ("ηg", ["eta", "g"], "η*g"),
    ],
)
def test_glued_declared_names(text, names, expected):
    from graders.reading.symbols import Symbols, Variable

    symbols = Symbols(tuple(Variable(n) for n in names), strict=True)
    assert to_plain(parse(text, symbols=symbols)) == expected
