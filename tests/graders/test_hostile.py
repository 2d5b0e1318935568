"""Hostile input: nothing executes, and every input gets a verdict or a clear error fast."""

from __future__ import annotations

import builtins
import time
from pathlib import Path

import pytest

from graders.bank import load
from graders.grading.pipeline import check
from graders.isolation import backend, check_isolated

MSE = load("mse-house-prices")
SENTINEL = Path("/tmp/kb_grade_pwned")

HOSTILE = [
    # (input, expected verdict, expected note)
    (f"__import__('os').system('touch {SENTINEL}')", "invalid", "bad-char"),
    ("eval('1')", "invalid", "prime-needs-function"),
    ("().__class__.__base__", "invalid", "bad-char"),
    ("()", "invalid", "unexpected"),
    ("x.__class__", "invalid", "bad-char"),
    ("lambda: 1", "invalid", "bad-char"),
    ("import os", "invalid", "not-a-number"),
    ("exec", "invalid", "not-a-number"),
    ("'1'+'2'", "invalid", "prime-needs-function"),
    ('"1"+"2"', "invalid", "bad-char"),
    ("9**9**9", "invalid", "too-large-number"),
    ("10^10^10", "invalid", "too-large-number"),
    ("2^2^2^2^2", "invalid", "too-large-number"),
    ("(10^7)!", "invalid", "factorial-too-large"),
    ("((20)!)!", "invalid", "factorial-too-large"),
    ("factorial(10^7)", "invalid", "not-a-number"),
    ("(x+1)^3000", "invalid", "exponent-too-large"),
    ("x^(10^10)", "invalid", "exponent-too-large"),
    ("exp(exp(exp(10)))", "invalid", "too-large-number"),
    ("1e999999", "invalid", "too-large-number"),
    ("1" * 100, "invalid", "too-many-digits"),
    ("sum(i, i, 1, 10^9)", "invalid", "sum-too-long"),
    ("(" * 300 + "1" + ")" * 300, "invalid", "too-deep"),
    ("-" * 700 + "1", "invalid", "too-deep"),
    ("-" * 1500 + "1", "invalid", "too-many-tokens"),
    ("x^{" * 100 + "x" + "}" * 100, "invalid", "too-deep"),
    (r"\frac{" * 80 + "1" + "}{2}" * 80, "invalid", "too-deep"),
    (r"\def\a{\a\a}\a", "invalid", "latex-unknown-command"),
    (r"10^{10^{10}}", "invalid", "too-large-number"),
    (r"\left(" * 300, "invalid", "too-deep"),
    ("-" * 100_000 + "1", "invalid", "too-long"),
    ("x" * 5000, "invalid", "too-long"),
    ("a" * 1999, "invalid", "too-many-tokens"),  # a run of letters is a product of that many names
    ("1\u202e00", "invalid", "invisible-char"),
    ("10\u200b0", "invalid", "invisible-char"),
    ("\uff11\uff10\uff10", "correct", "correct"),  # full-width digits are read (NFKC): 100
    ("\u0445 + 1", "invalid", "confusable-char"),  # Cyrillic ha looks like x
    ("\U0001d431", "invalid", "not-a-number"),  # mathematical bold x is an x (NFKC), and not a number
    ("\u0661\u0660\u0660", "invalid", "confusable-char"),  # Arabic-Indic digits look like digits but are not read
    ("100 + 1e-999999999", "invalid", "too-small-number"),  # tiny literals are limited on the text
    ("100 + 1e999999999", "invalid", "too-large-number"),
    ("(1 + 1e-30)^(10^9)", "invalid", "exponent-too-large"),
    ("0.5^(10^9)", "invalid", "too-small-number"),
    ("0x64", "invalid", "hex-number"),
    ("1e", "invalid", "incomplete-exponent"),
    ("x - x + 100", "invalid", "not-a-number"),  # a numeric answer is a number
    ("\x1b[2J100", "invalid", "bad-char"),
    ("\x00", "invalid", "bad-char"),
    ("1;2", "invalid", "unexpected"),
    ("0^-1", "invalid", "not-real"),
    ("sqrt(-1)", "invalid", "not-real"),
    ("3j", "invalid", "not-a-number"),
    ("%s%n", "invalid", "bad-char"),
]


class _Forbidden(Exception):
    pass


@pytest.fixture
def no_eval(monkeypatch):
    """Fail if anything calls eval/exec or SymPy's string parsers while grading."""
    import importlib
    import pkgutil

    import sympy
    import sympy.parsing.sympy_parser as sp_parser

    import graders

    for mod in pkgutil.walk_packages(graders.__path__, "graders."):  # import first: importing runs exec
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)

    def forbidden(*args, **kwargs):
        raise _Forbidden(args[:1])

    def guard(real):
        def run(source, *args, **kwargs):
            if isinstance(source, (str, bytes)):  # compiled module code (lazy imports) is fine
                raise _Forbidden(source)
            return real(source, *args, **kwargs)

        return run

    monkeypatch.setattr(builtins, "eval", guard(builtins.eval))
    monkeypatch.setattr(builtins, "exec", guard(builtins.exec))
    for mod, name in [(sp_parser, "parse_expr"), (sympy, "parse_expr")]:
        monkeypatch.setattr(mod, name, forbidden, raising=False)
    real_sympify = sympy.sympify

    def sympify_guard(a, *args, **kwargs):
        if isinstance(a, str):
            raise _Forbidden(a)
        return real_sympify(a, *args, **kwargs)

    monkeypatch.setattr(sympy, "sympify", sympify_guard)


@pytest.mark.parametrize("text, verdict, note", HOSTILE, ids=[repr(h[0][:30]) for h in HOSTILE])
def test_hostile_in_process(text, verdict, note, no_eval):
    t0 = time.perf_counter()
    r = check(MSE, text)
    assert (r.verdict.value, r.note) == (verdict, note), r
    assert time.perf_counter() - t0 < 2.0
    assert r.feedback.zh and r.feedback.en
    assert not SENTINEL.exists()


@pytest.mark.skipif(backend() != "fork", reason="needs fork")
@pytest.mark.parametrize("text", [HOSTILE[0][0], "9**9**9", "(x+1)^3000"])
def test_hostile_isolated(text):
    r = check_isolated(MSE, text, timeout=5)
    assert r.verdict.value == "invalid"
    assert not SENTINEL.exists()


def test_no_string_evaluation_in_source():
    """The grader's own code never calls the string evaluators."""
    root = Path(__file__).resolve().parents[2] / "graders"
    banned = ["eval(", "exec(", "sympify(", "parse_expr(", "lambdify(", "parse_latex(", "__import__("]
    for path in root.rglob("*.py"):  # the grader's own modules
        text = path.read_text(encoding="utf-8")
        for word in banned:
            assert f" {word}" not in text and f".{word}" not in text and f"({word}" not in text, (path.name, word)
