"""Symbolic and matrix questions: equivalence with the expected answer, shapes, misconceptions.

Floats first (:mod:`graders.evaluation`, no SymPy): both trees at the sampling protocol's points.
When floats cannot decide, the SymPy objects are built and compared
(:mod:`graders.symbolic.equivalence`). Both paths reach the verdict through :func:`decide`, so they
give the same feedback: correct; a misconception of the question; undetermined; a generic mistake
(negated, scaled by a small constant); or not equivalent, with the counterexample point.

>>> from graders.bank import load
>>> grade(load("sigmoid-derivative"), "σ(z)(1-σ(z))", {}).verdict.value
'correct'
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ShapeError
from ..evaluation.compile import transpose_hint
from ..evaluation.show import point_text
from ..messages import describe, message
from ..reading import DEFAULT, Limits
from ..result import Result, Text, Verdict
from .common import read_answer, read_given, shown
from .form import STRUCTURAL, structural_violation, violation

__all__ = ["grade", "decide", "counterexample_text", "shape_result"]


def counterexample_text(eq):
    """Where two expressions differ, for people (the one formatter of points is :mod:`graders.evaluation.show`)."""
    if not eq.point:
        return message("values-differ", left=eq.left, right=eq.right) if eq.left else Text()
    return message("counterexample", point=point_text(eq.point), left=eq.left, right=eq.right)


def shape_result(got: tuple[int, int], expected: tuple[int, int]) -> Result:
    """An answer of the wrong shape (the one transpose-hint rule decides the note)."""
    hint = transpose_hint(got, expected)
    return Result(
        Verdict.INCORRECT,
        note="missing-transpose" if hint else "wrong-shape",
        feedback=message("expected-matrix", shape=f"{expected[0]}×{expected[1]}", got=f"{got[0]}×{got[1]}", hint=hint),
    )


def decide(q, eq, matches: Callable[[object], bool], generic: Callable[[], tuple[str, dict] | None]) -> Result:
    """The verdict for an answer whose equivalence with the expected answer is ``eq``."""
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
        return Result(
            Verdict.INCORRECT,
            feedback=message(code, **params) + counterexample_text(eq),
            note=code,
            counterexample=eq.point,
        )
    return Result(
        Verdict.INCORRECT,
        feedback=message("incorrect") + counterexample_text(eq),
        note="not-equivalent",
        counterexample=eq.point,
    )


def grade(q, answer: str, values: dict, limits: Limits = DEFAULT, floats: bool = True) -> Result:
    from ..bank.variants import fill

    symbols = q.symbols
    tree = read_answer(answer, symbols, limits)
    echo = shown(tree, symbols)
    expected = read_given(fill(q.answer, values), symbols, limits)
    bad_form = violation(q, tree, expected)
    if bad_form is not None:
        return bad_form.with_(**echo)
    wrong = [read_given(fill(m.answer, values), symbols, limits) for m in q.misconceptions]
    try:
        if floats and not any(r in STRUCTURAL for r in q.form):
            from ..evaluation.values import Undecided

            try:
                return _floats(q, tree, expected, wrong).with_(**echo)
            except Undecided:
                pass
        return _sympy(q, tree, expected, wrong).with_(**echo)
    except ShapeError as exc:  # the answer's own shapes do not fit: wrong for a matrix question
        if q.kind != "matrix":
            raise
        feedback, caret = describe(exc, answer)
        return Result(
            Verdict.INCORRECT,
            feedback=feedback,
            caret=caret,
            note="missing-transpose" if exc.params.get("hint") else "shape-mismatch",
        ).with_(**echo)


def _floats(q, got, expected, wrong) -> Result:
    """The comparison on typed trees in floating point; :class:`Undecided` when floats cannot settle it."""
    from ..evaluation.equivalence import Undecided, equivalent, scale_factor, shape_of

    symbols = q.symbols

    def same_shape(a, b) -> bool:  # a scalar is 1×1 for the feedback, but SymPy tells them apart later
        sa, sb = shape_of(a, symbols), shape_of(b, symbols)
        if (sa or (1, 1)) != (sb or (1, 1)):
            return False
        if sa != sb:
            raise Undecided("a scalar and a 1×1 matrix")
        return True

    if not same_shape(got, expected):
        return shape_result(shape_of(got, symbols) or (1, 1), shape_of(expected, symbols) or (1, 1))

    def generic() -> tuple[str, dict] | None:
        if equivalent(got, expected, symbols, points_needed=4, negate_b=True).verdict == "equal":
            return "negated", {}
        factor = scale_factor(got, expected, symbols)
        return ("scaled", {"factor": str(factor)}) if factor is not None else None

    by_note = dict(zip(map(id, q.misconceptions), wrong, strict=False))

    def matches(m) -> bool:
        w = by_note[id(m)]
        return same_shape(got, w) and equivalent(got, w, symbols).verdict == "equal"

    return decide(q, equivalent(got, expected, symbols), matches, generic)


def _sympy(q, tree, expected_tree, wrong_trees) -> Result:
    from ..evaluation.equivalence import Space, kinks
    from ..symbolic.build import Env, build, shape_of
    from ..symbolic.equivalence import equivalent

    env = Env.of(q.symbols)
    expected = build(expected_tree, env)
    got = build(tree, env)
    bad_form = structural_violation(q, got)
    if bad_form is not None:
        return bad_form
    if shape_of(got) != shape_of(expected):
        return shape_result(shape_of(got), shape_of(expected))
    where = kinks([tree, expected_tree], Space.of(q.symbols))
    by_note = dict(zip(map(id, q.misconceptions), wrong_trees, strict=False))

    def matches(m) -> bool:
        w = build(by_note[id(m)], env)
        return shape_of(w) == shape_of(got) and equivalent(got, w, kinks=where).verdict == "equal"

    return decide(q, equivalent(got, expected, kinks=where), matches, lambda: _generic(got, expected))


def _generic(got, expected) -> tuple[str, dict] | None:
    """Answers off by a sign or a constant factor (a missing 1/n or factor 2)."""
    import sympy as sp

    from ..symbolic.build import is_matrix, shape_of
    from ..symbolic.equivalence import equivalent
    from ..symbolic.timeout import soft_timeout

    if is_matrix(got) or is_matrix(expected):
        if shape_of(got) == shape_of(expected) and equivalent(got, -expected, points_needed=4).verdict == "equal":
            return "negated", {}
        return None
    if expected == 0:
        return None
    if equivalent(got, -expected, points_needed=4).verdict == "equal":
        return "negated", {}
    try:
        with soft_timeout(1.0):
            ratio = sp.nsimplify(sp.simplify(got / expected)) if len((got / expected).free_symbols) < 4 else None
    except Exception:  # best effort only (includes the soft time limit)
        ratio = None
    if ratio is not None and ratio.is_Rational and ratio not in (0, 1) and abs(ratio.p) <= 12 and ratio.q <= 12:
        return "scaled", {"factor": str(ratio)}
    return None
