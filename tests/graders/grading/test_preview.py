from __future__ import annotations

import pytest

from graders.bank import load
from graders.grading.preview import preview


@pytest.mark.parametrize(
    "text, parsed, variables",
    [
        ("2θ(1-θ)", "2*θ*(1 - θ)", ("θ",)),
        ("ŷ - y", "ŷ - y", ("y", "ŷ")),
        ("sum(x_i, i, 1, n)/n", "sum(x_i, i, 1, n)/n", ("n", "x_i")),
    ],
)
def test_valid_preview(text, parsed, variables):
    p = preview(text)
    assert p.valid and p.parsed == parsed and p.variables == variables and p.latex
    assert p.exit_code == 0


def test_invalid_preview_has_caret():
    p = preview("2*(x")
    assert not p.valid and p.note == "unclosed" and p.caret.endswith("^") and p.exit_code == 2


def test_preview_against_question_symbols():
    p = preview("300/3", load("mse-house-prices"), pretty=True)
    assert p.valid and "100" in p.pretty


def test_preview_says_log_is_natural_and_e_is_euler():
    p = preview("log(x) + e")
    assert "natural" in p.feedback.en and "Euler" in p.feedback.en


def test_preview_matrix_shape():
    p = preview("g σ(W1 x)ᵀ", load("backprop-two-layer-dw2"))
    assert p.valid and p.shape == "2×3"


def test_multi_line_preview():
    q = load("sq-error-derivative-steps")
    p = preview("d/dŷ (y-ŷ)^2\n= 2(y-ŷ)(-1)", q)
    assert p.valid and p.parsed.splitlines() == ["d/dŷ ((y - ŷ)^2)", "= 2*(y - ŷ)*(-1)"]
    bad = preview("d/dŷ (y-ŷ)^2\n= 2(y-ŷ", q)
    assert not bad.valid and bad.feedback.en.startswith("Line 2:") and bad.caret == "2(y-ŷ\n ^"
