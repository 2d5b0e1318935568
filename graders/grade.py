"""Grade one answer to one question: parse, check limits, build, compare.

This is the only place where errors become results (via :mod:`graders.messages`).

>>> from graders.questions import load
>>> check(load("mse-house-prices"), "300/3").verdict.value
'correct'
"""

from __future__ import annotations

import time

from .errors import GraderError, InputError, ShapeError
from .limits import DEFAULT, Limits, check as check_limits
from .messages import describe, message
from .numeric import round_sig, sig_figs, value, within
from .parse import parse
from .printer import to_latex, to_plain
from .questions import Question
from .result import Result, Verdict
from .tree import Name, walk
from .variants import fill, pick

__all__ = ["check", "question_env", "read", "invalid", "guarded"]


def question_env(q: Question, seed: int | None = None):
    """(Env, variant index, parameter values) for a question and seed."""
    import sympy as sp

    from .build import Env, number

    index, values = pick(q.params, seed)
    env: dict[str, object] = {}
    for v in q.variables:
        if v.shape:
            env[v.name] = sp.MatrixSymbol(v.name, *v.shape).as_explicit()
        else:
            env[v.name] = sp.Symbol(v.name, positive=True) if v.domain == "positive" else sp.Symbol(v.name, real=True)
    for name, val in values.items():
        env[name] = number(str(val))
    return Env(env, strict=q.kind != "numeric"), index, values


def _names(tree) -> tuple[str, ...]:
    from .names import display_name

    return tuple(sorted({display_name(n.name) for n in walk(tree) if isinstance(n, Name)}))


def read(text: str, known=(), limits: Limits = DEFAULT, allow_eq: bool = False):
    """Parse and limit-check; the tree is then safe to build."""
    tree = parse(text, limits=limits, known=known, allow_eq=allow_eq)
    check_limits(tree, limits)
    return tree


def invalid(error: GraderError, text: str) -> Result:
    feedback, caret = describe(error, text)
    return Result(Verdict.INVALID, feedback=feedback, note=error.code, caret=caret)


def guarded(fn, text: str) -> Result:
    """Run a grading function; turn every failure into a Result (invalid input is
    invalid, a CAS failure is "undetermined", exhaustion is "too large")."""
    try:
        return fn()
    except InputError as exc:
        return invalid(exc, text)
    except (RecursionError, MemoryError):
        return Result(Verdict.TOO_LARGE, feedback=message("too-large", limit="-"), note="too-large")
    except Exception as exc:  # noqa: BLE001 - a CAS failure must become a verdict, not a crash
        return Result(Verdict.UNDETERMINED, feedback=message("undetermined"), note="internal-error",
                      caret=f"{type(exc).__name__}: {exc}"[:300])


def check(q: Question, answer: str, *, seed: int | None = None, limits: Limits = DEFAULT,
          floats: bool = True) -> Result:
    """Grade ``answer`` to question ``q`` (variant chosen by ``seed``).

    ``floats=False`` skips the SymPy-free paths (floats for numeric and scalar symbolic
    questions) and always builds SymPy objects: the tests compare the two."""
    t0 = time.perf_counter()
    answer = str(answer)
    index = pick(q.params, seed)[0]
    result = guarded(lambda: _check(q, answer, seed, limits, floats), answer)
    return result.with_(question=q.id, answer=answer, variant=index if q.params else None,
                        elapsed_ms=(time.perf_counter() - t0) * 1000)


def _check(q: Question, answer: str, seed: int | None, limits: Limits, floats: bool = True) -> Result:
    if q.kind == "numeric" and floats:
        fast = _numeric_fast(q, answer, seed, limits)
        if fast is not None:
            return fast
    if q.kind in ("symbolic", "matrix") and floats:
        fast = _symbolic_floats(q, answer, seed, limits)
        if fast is not None:
            return fast
    from .build import build

    env, _, values = question_env(q, seed)
    if q.kind == "derivation":
        from .derive import grade_derivation

        return grade_derivation(q, answer, env, values, limits)
    tree = read(answer, env.values, limits)
    shown = {"parsed": to_plain(tree), "latex": to_latex(tree),
             "variables": _names(tree)}
    expected = build(read(fill(q.answer, values), env.values), env)
    try:
        expr = build(tree, env)
    except ShapeError as exc:
        if q.kind != "matrix":
            raise
        hint = exc.params.get("hint")
        feedback, caret = describe(exc, answer)
        return Result(Verdict.INCORRECT, feedback=feedback, note="missing-transpose" if hint else "shape-mismatch",
                      caret=caret).with_(**shown)
    if q.kind == "numeric":
        return _numeric(q, answer, expr, expected, env, values).with_(**shown)
    from .expression import grade_expression

    return grade_expression(q, expr, expected, env, values).with_(**shown)


def _numeric_fast(q: Question, answer: str, seed: int | None, limits: Limits) -> Result | None:
    """Numeric questions without SymPy (floats); None if SymPy is needed."""
    from .numeric import Fallback, fast_value

    _, values = pick(q.params, seed)
    consts = {k: float(v) for k, v in values.items()}
    tree = read(answer, consts, limits)
    shown = {"parsed": to_plain(tree), "latex": to_latex(tree),
             "variables": _names(tree)}
    try:
        got = fast_value(tree, consts)
        expected = fast_value(read(fill(q.answer, values), consts, limits), consts)
        wrong = [fast_value(read(fill(m.answer, values), consts, limits), consts) for m in q.misconceptions]
    except Fallback:
        return None
    if got != got or got in (float("inf"), float("-inf")):
        raise InputError("not-real", pos=0)
    return _numeric_verdict(q, answer, got, expected, wrong).with_(**shown)


def _symbolic_floats(q: Question, answer: str, seed: int | None, limits: Limits) -> Result | None:
    """Symbolic and matrix questions in floating point (no SymPy); None if floats cannot decide."""
    from .expression import grade_expression_floats
    from .floats import Scope, Undecided

    _, values = pick(q.params, seed)
    scope = Scope({v.name: v.domain == "positive" for v in q.variables}, values, strict=True,
                  shapes={v.name: v.shape for v in q.variables if v.shape})
    known = {**scope.variables, **scope.constants}
    tree = read(answer, known, limits)
    shown = {"parsed": to_plain(tree), "latex": to_latex(tree), "variables": _names(tree)}
    try:
        expected = read(fill(q.answer, values), known)
        result = grade_expression_floats(q, tree, expected, scope, lambda text: read(fill(text, values), known))
    except Undecided:
        return None
    return result.with_(**shown)


def _numeric(q: Question, answer: str, expr, expected_expr, env, values) -> Result:
    from .build import build

    got, expected = value(expr), value(expected_expr)
    wrong = [value(build(read(fill(m.answer, values), env.values), env)) for m in q.misconceptions]
    return _numeric_verdict(q, answer, got, expected, wrong)


def _numeric_verdict(q: Question, answer: str, got: float, expected: float, wrong: list[float]) -> Result:
    tol = q.tolerance
    if within(got, expected, tol):
        return Result(Verdict.CORRECT, score=1.0, feedback=message("correct"), note="correct")
    for m, w in zip(q.misconceptions, wrong):
        if within(got, w, tol):
            return Result(Verdict.INCORRECT, feedback=m.feedback, note=m.note)
    typed = sig_figs(answer)
    if tol.sig_figs and typed is not None and typed < tol.sig_figs and round_sig(expected, typed) == round_sig(got, typed):
        return Result(Verdict.INCORRECT, feedback=message("sig-figs", n=tol.sig_figs), note="too-few-sig-figs")
    if expected != 0 and within(-got, expected, tol):
        return Result(Verdict.INCORRECT, feedback=message("negated"), note="negated")
    return Result(Verdict.INCORRECT, feedback=message("incorrect-value", got=f"{got:.6g}"), note="incorrect")
