"""Grade symbolic scalar and matrix answers: equivalence, shapes, misconceptions.

Feedback names a counterexample point when the answer is not equivalent.
"""

from __future__ import annotations

import sympy as sp

from .compare import Equivalence, equivalent, soft_timeout
from .messages import message
from .result import Result, Verdict

__all__ = ["grade_expression", "shape_of", "generic_misconception"]


def shape_of(x) -> tuple[int, int]:
    return tuple(x.shape) if isinstance(x, sp.MatrixBase) else (1, 1)


def _fmt(shape: tuple[int, int]) -> str:
    return f"{shape[0]}×{shape[1]}"


def _counterexample_text(eq: Equivalence):
    point = ", ".join(f"{k} = {v}" for k, v in (eq.point or {}).items())
    return message("counterexample", point=point, left=eq.left, right=eq.right)


def generic_misconception(got, expected) -> tuple[str, dict] | None:
    """Answers off by a sign or a constant factor (e.g. a missing 1/n or factor 2)."""
    if isinstance(got, sp.MatrixBase) or isinstance(expected, sp.MatrixBase):
        if shape_of(got) == shape_of(expected) and equivalent(got, -expected, points=4).verdict == "equal":
            return "negated", {}
        return None
    if expected == 0:
        return None
    if equivalent(got, -expected, points=4).verdict == "equal":
        return "negated", {}
    try:
        with soft_timeout(1.0):
            ratio = sp.nsimplify(sp.simplify(got / expected)) if len((got / expected).free_symbols) < 4 else None
    except Exception:  # noqa: BLE001 - best effort only (includes the soft time limit)
        ratio = None
    if ratio is not None and ratio.is_Rational and ratio not in (0, 1) and abs(ratio.p) <= 12 and ratio.q <= 12:
        return "scaled", {"factor": str(ratio)}
    return None


def grade_expression(q, got, expected, env, values) -> Result:
    """Compare a built answer with the built expected answer of question ``q``."""
    from .build import build
    from .grade import read
    from .variants import fill

    gs, es = shape_of(got), shape_of(expected)
    if gs != es:
        hint = "transpose" if gs == es[::-1] else ""
        return Result(Verdict.INCORRECT, feedback=message("expected-matrix", shape=_fmt(es), got=_fmt(gs), hint=hint),
                      note="missing-transpose" if hint else "wrong-shape")
    eq = equivalent(got, expected)
    if eq.verdict == "equal":
        return Result(Verdict.CORRECT, score=1.0, feedback=message("correct"), note="correct")
    for m in q.misconceptions:
        wrong = build(read(fill(m.answer, values), env.values), env)
        if shape_of(wrong) == gs and equivalent(got, wrong).verdict == "equal":
            return Result(Verdict.INCORRECT, feedback=m.feedback, note=m.note, counterexample=eq.point)
    if eq.verdict == "undetermined":
        return Result(Verdict.UNDETERMINED, feedback=message("undetermined"), note="undetermined")
    generic = generic_misconception(got, expected)
    if generic:
        code, params = generic
        return Result(Verdict.INCORRECT, feedback=message(code, **params) + _counterexample_text(eq),
                      note=code, counterexample=eq.point)
    return Result(Verdict.INCORRECT, feedback=message("incorrect") + _counterexample_text(eq),
                  note="not-equivalent", counterexample=eq.point)
