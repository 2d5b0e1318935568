"""Grade symbolic scalar and matrix answers: equivalence, shapes, misconceptions.

Feedback names a counterexample point when the answer is not equivalent. Scalar
questions are first tried in floating point (:mod:`graders.floats`, no SymPy); when
floats cannot decide, the SymPy objects are built and compared. Both paths reach the
verdict through :func:`decide`, so they give the same feedback.
"""

from __future__ import annotations

from collections.abc import Callable

from .messages import message
from .result import Result, Verdict

__all__ = ["grade_expression", "grade_expression_floats", "decide", "shape_of", "generic_misconception"]


def shape_of(x) -> tuple[int, int]:
    import sympy as sp

    return tuple(x.shape) if isinstance(x, sp.MatrixBase) else (1, 1)


def _fmt(shape: tuple[int, int]) -> str:
    return f"{shape[0]}×{shape[1]}"


def _counterexample_text(eq):
    point = ", ".join(f"{k} = {v}" for k, v in (eq.point or {}).items())
    return message("counterexample", point=point, left=eq.left, right=eq.right)


def decide(q, eq, matches: Callable[[object], bool], generic: Callable[[], tuple[str, dict] | None]) -> Result:
    """The verdict for an answer whose equivalence with the expected answer is ``eq``:
    correct, a misconception of ``q`` (``matches(m)``), undetermined, a generic
    mistake (``generic()``: negated, scaled) or plainly not equivalent."""
    if eq.verdict == "equal":
        return Result(Verdict.CORRECT, score=1.0, feedback=message("correct"), note="correct")
    for m in q.misconceptions:
        if matches(m):
            return Result(Verdict.INCORRECT, feedback=m.feedback, note=m.note, counterexample=eq.point)
    if eq.verdict == "undetermined":
        return Result(Verdict.UNDETERMINED, feedback=message("undetermined"), note="undetermined")
    found = generic()
    if found:
        code, params = found
        return Result(Verdict.INCORRECT, feedback=message(code, **params) + _counterexample_text(eq),
                      note=code, counterexample=eq.point)
    return Result(Verdict.INCORRECT, feedback=message("incorrect") + _counterexample_text(eq),
                  note="not-equivalent", counterexample=eq.point)


def generic_misconception(got, expected) -> tuple[str, dict] | None:
    """Answers off by a sign or a constant factor (e.g. a missing 1/n or factor 2)."""
    import sympy as sp

    from .compare import equivalent, soft_timeout

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
    """Compare a built answer with the built expected answer of question ``q`` (SymPy)."""
    from .build import build
    from .compare import equivalent
    from .grade import read
    from .variants import fill

    gs, es = shape_of(got), shape_of(expected)
    if gs != es:
        hint = "transpose" if gs == es[::-1] else ""
        return Result(Verdict.INCORRECT, feedback=message("expected-matrix", shape=_fmt(es), got=_fmt(gs), hint=hint),
                      note="missing-transpose" if hint else "wrong-shape")

    def matches(m) -> bool:
        wrong = build(read(fill(m.answer, values), env.values), env)
        return shape_of(wrong) == gs and equivalent(got, wrong).verdict == "equal"

    return decide(q, equivalent(got, expected), matches, lambda: generic_misconception(got, expected))


def grade_expression_floats(q, got, expected, scope, trees: Callable[[str], object]) -> Result:
    """The same comparison on typed trees in floating point (no SymPy). Raises
    :class:`graders.floats.Undecided` when floats cannot settle any part of it;
    ``trees(text)`` reads a misconception's answer."""
    from .floats import Undecided, equivalent, scale_factor, shape

    def same_shape(a, b) -> bool:  # as shape_of: a scalar is 1×1, but SymPy tells them apart later
        sa, sb = shape(a, scope), shape(b, scope)
        if (sa or (1, 1)) != (sb or (1, 1)):
            return False
        if sa != sb:
            raise Undecided("a scalar and a 1×1 matrix")
        return True

    if not same_shape(got, expected):
        gs, es = shape(got, scope) or (1, 1), shape(expected, scope) or (1, 1)
        hint = "transpose" if gs == es[::-1] else ""
        return Result(Verdict.INCORRECT, feedback=message("expected-matrix", shape=_fmt(es), got=_fmt(gs), hint=hint),
                      note="missing-transpose" if hint else "wrong-shape")

    def generic() -> tuple[str, dict] | None:
        if equivalent(got, expected, scope, points=4, negate_b=True).verdict == "equal":
            return "negated", {}
        factor = scale_factor(got, expected, scope)
        return ("scaled", {"factor": str(factor)}) if factor is not None else None

    def matches(m) -> bool:
        wrong = trees(m.answer)
        return same_shape(got, wrong) and equivalent(got, wrong, scope).verdict == "equal"

    return decide(q, equivalent(got, expected, scope), matches, generic)
