"""``kb-grade equiv A B``: are two typed expressions equivalent?

Floats first (no SymPy), then the SymPy layers when floats cannot decide; the same reading and
the same protocol as grading.

>>> equiv_texts("2(θ-1)", "2θ - 2").verdict.value
'correct'
>>> r = equiv_texts("x^2", "x")
>>> r.verdict.value, sorted(r.counterexample)
('incorrect', ['x'])
"""

from __future__ import annotations

import time

from ..errors import InputError
from ..messages import message
from ..reading import DEFAULT, Limits, read
from ..reading.printer import to_latex, to_plain
from ..reading.symbols import NO_SYMBOLS, Symbols
from ..result import Result, Verdict
from .common import guarded, invalid
from .expression import counterexample_text, shape_result

__all__ = ["equiv_texts"]


def equiv_texts(
    a: str, b: str, symbols: Symbols = NO_SYMBOLS, *, floats: bool = True, limits: Limits = DEFAULT
) -> Result:
    """CORRECT if equivalent, INCORRECT (with a counterexample) if not, UNDETERMINED if undecided,
    INVALID if either side cannot be read (the feedback says which)."""
    t0 = time.perf_counter()
    result = guarded(lambda: _equiv(a, b, symbols, floats, limits), a)
    return result.with_(answer=f"{a} ⟷ {b}", elapsed_ms=(time.perf_counter() - t0) * 1000)


def _verdict(eq) -> Result:
    if eq.verdict == "equal":
        return Result(Verdict.CORRECT, score=1.0, feedback=message("equivalent"), note=f"equal-{eq.method}")
    if eq.verdict == "not-equal":
        cex = counterexample_text(eq)
        return Result(
            Verdict.INCORRECT, feedback=message("not-equivalent") + cex, note="not-equivalent", counterexample=eq.point
        )
    return Result(Verdict.UNDETERMINED, feedback=message("undetermined"), note="undetermined")


def _equiv(a: str, b: str, symbols: Symbols, floats: bool, limits: Limits) -> Result:
    trees = []
    for side, text in (("A", a), ("B", b)):
        try:
            trees.append(read(text, symbols, limits=limits))
        except InputError as exc:
            r = invalid(exc, text)
            return r.with_(feedback=message("side", side=side) + r.feedback)
    ta, tb = trees
    echo = {"parsed": f"{to_plain(ta)}  ⟷  {to_plain(tb)}", "latex": f"{to_latex(ta)} \\iff {to_latex(tb)}"}
    if floats:
        from ..evaluation.equivalence import Undecided, equivalent, shape_of

        try:
            shapes = []
            for side, text, tree in (("A", a, ta), ("B", b, tb)):
                try:
                    shapes.append(shape_of(tree, symbols))
                except InputError as exc:  # shapes that do not fit, found before any point
                    r = invalid(exc, text)
                    return r.with_(feedback=message("side", side=side) + r.feedback, **echo)
            sa, sb = shapes
            if (sa or (1, 1)) != (sb or (1, 1)):
                return shape_result(sa or (1, 1), sb or (1, 1)).with_(**echo)
            return _verdict(equivalent(ta, tb, symbols)).with_(**echo)
        except Undecided:
            pass
    from ..evaluation.equivalence import Space, kinks
    from ..symbolic.build import Env, build
    from ..symbolic.build import shape_of as sympy_shape
    from ..symbolic.equivalence import equivalent as sympy_equivalent

    env = Env.of(symbols)
    built = []
    for side, text, tree in (("A", a, ta), ("B", b, tb)):
        try:
            built.append(build(tree, env))
        except InputError as exc:
            r = invalid(exc, text)
            return r.with_(feedback=message("side", side=side) + r.feedback, **echo)
    ea, eb = built
    if sympy_shape(ea) != sympy_shape(eb):
        return shape_result(sympy_shape(ea), sympy_shape(eb)).with_(**echo)
    where = kinks([ta, tb], Space.of(symbols))
    return _verdict(sympy_equivalent(ea, eb, kinks=where)).with_(**echo)
