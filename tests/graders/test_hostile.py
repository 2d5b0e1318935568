"""Hostile input: nothing executes, and every input gets a verdict or a clear error fast."""

from __future__ import annotations

import builtins
import time
from pathlib import Path

import pytest

from graders.grade import check
from graders.questions import load
from graders.sandbox import available, check_isolated

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
    ("a" * 1999, "invalid", "not-a-number"),
    ("1\u202e00", "invalid", "invisible-char"),
    ("10\u200b0", "invalid", "invisible-char"),
    ("\uff11\uff10\uff10", "invalid", "confusable-char"),
    ("\u0445 + 1", "invalid", "confusable-char"),  # Cyrillic ha looks like x
    ("\U0001d431", "invalid", "confusable-char"),  # mathematical bold x
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

    for mod in pkgutil.iter_modules(graders.__path__):  # import first: importing runs exec
        if mod.name != "__main__" and not mod.ispkg:
            importlib.import_module(f"graders.{mod.name}")

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


@pytest.mark.skipif(not available(), reason="needs fork")
@pytest.mark.parametrize("text", [HOSTILE[0][0], "9**9**9", "(x+1)^3000"])
def test_hostile_isolated(text):
    r = check_isolated(MSE, text, timeout=5)
    assert r.verdict.value == "invalid"
    assert not SENTINEL.exists()


def test_no_string_evaluation_in_source():
    """The grader's own code never calls the string evaluators."""
    root = Path(__file__).resolve().parents[2] / "graders"
    banned = ["eval(", "exec(", "sympify(", "parse_expr(", "lambdify(", "parse_latex(", "__import__("]
    for path in root.glob("*.py"):  # the grader's own modules
        text = path.read_text(encoding="utf-8")
        for word in banned:
            assert f" {word}" not in text and f".{word}" not in text and f"({word}" not in text, (path.name, word)
