"""Hypothesis fuzzing: any string gets a verdict or a typed error, quickly."""

from __future__ import annotations

import contextlib
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graders.bank import load
from graders.cli.main import main
from graders.errors import InputError
from graders.grading.pipeline import check
from graders.reading import parse
from graders.result import Verdict

MSE = load("mse-house-prices")
ALPHABET = "0123456789+-*/^().,![]_= xyzeθσŷᵀ⊙²√lnexpsqrtsigmaum\\{}'&"
TOKENS = [
    "1",
    "2",
    "0.5",
    "1e3",
    "x",
    "y",
    "θ",
    "σ",
    "e",
    "pi",
    "+",
    "-",
    "*",
    "/",
    "^",
    "**",
    "(",
    ")",
    "!",
    "ln",
    "exp",
    "sqrt",
    "sigma",
    "relu",
    "sum",
    ",",
    "i",
    "n",
    "y_i",
    "ŷ",
    "ᵀ",
    "=",
    " ",
    "d/dx",
    "\\frac{",
    "}{",
    "}",
    "\\sqrt{",
    "^{",
    "_{",
    "\\theta",
    "\\cdot",
    "\\left(",
    "\\right)",
    "\\sum_{i=1}^{n}",
    "\\begin{bmatrix}",
    "&",
    "\\\\",
    "\\end{bmatrix}",
    "[",
    "]",
    "ᵀ",
    "⊙",
    "'",
    "σ'(",
]

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=40),
    st.lists(st.sampled_from(TOKENS), max_size=25).map("".join),
    st.text(max_size=30),
)

SETTINGS = settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_parse_never_crashes(text):
    with contextlib.suppress(InputError):
        parse(text)


@SETTINGS
@given(texts)
def test_check_always_gives_a_verdict(text):
    t0 = time.perf_counter()
    r = check(MSE, text)
    assert r.verdict in set(Verdict)
    assert r.note != "internal-error", r
    assert time.perf_counter() - t0 < 3


@settings(max_examples=40, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_cli_exit_codes(text):
    assert main(["check", "mse-house-prices", "--json", "--no-sandbox", "--", text]) in (0, 1, 2, 3)


SYMBOLIC = [load("sigmoid-derivative"), load("backprop-two-layer-dw2"), load("sq-error-derivative-steps")]


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(range(len(SYMBOLIC))))
def test_symbolic_questions_always_give_a_verdict(text, k):
    r = check(SYMBOLIC[k], text)
    assert r.verdict in set(Verdict) and r.note != "internal-error", r


@SETTINGS
@given(texts)
def test_plain_printing_round_trips(text):
    """What the preview shows, typed back in, is read the same way."""
    from graders.reading.printer import to_plain

    try:
        tree = parse(text)
    except InputError:
        return
    shown = to_plain(tree)
    assert to_plain(parse(shown)) == shown


@settings(
    max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(
                [
                    '{"student": "a", "question": "mse-house-prices", "answer": "100"}',
                    '{"student": 1}',
                    "[]",
                    "{",
                    "null",
                ]
            ),
        ),
        max_size=8,
    )
)
def test_submissions_files_never_crash(tmp_path_factory, lines):
    from graders.batch import read_submissions

    path = tmp_path_factory.mktemp("subs") / "s.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    rows = read_submissions(path)
    assert all(r.line >= 1 for r in rows)
    assert all(r.error or (r.student and r.question and r.answer) for r in rows)


@settings(max_examples=15, deadline=10000, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_cli_isolated_exit_codes(text):
    """The default (sandboxed) path: a forked child per check, any input."""
    assert main(["check", "sigmoid-derivative", "--json", "--", text]) in (0, 1, 2, 3)
