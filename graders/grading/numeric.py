"""Numeric questions: the answer is a number (an arithmetic expression of numbers), compared with
the expected value within the question's tolerance, then against its misconceptions.

Names are not numbers: ``x - x + 100`` and a variant's parameter (``784h + …``) are invalid, never
correct. Values are exact where they can be (``300/3`` is 100 exactly) and computed without SymPy
where floats can (most answers); a sum is left to SymPy.

>>> from graders.bank import load
>>> grade(load("mse-house-prices"), "300/3", {}).verdict.value
'correct'
"""

from __future__ import annotations

from ..errors import InputError
from ..evaluation.compile import constant
from ..evaluation.numbers import round_sig, sig_figs, within
from ..evaluation.show import show_pair
from ..evaluation.values import Undecided, Undefined, approx, is_exact, neg
from ..messages import message
from ..reading import DEFAULT, Limits
from ..reading.names import display_name
from ..reading.symbols import NO_SYMBOLS
from ..reading.tree import Node, free_names
from ..result import Result, Verdict
from .common import read_answer, read_given, shown
from .form import violation

__all__ = ["grade", "value_of", "require_number"]


def value_of(tree: Node):
    """The value of a constant tree: floats (exact where possible), else SymPy."""
    try:
        return constant(tree)
    except Undefined:
        raise InputError("not-real", pos=tree.pos) from None
    except Undecided:
        from ..symbolic.build import build, value

        return value(build(tree))


def require_number(tree: Node) -> Node:
    """``tree`` if it is an arithmetic expression of numbers; :class:`InputError` ``not-a-number``
    naming its letters otherwise (``x - x + 100``, a variant's parameter)."""
    names = free_names(tree)
    if names:
        raise InputError("not-a-number", pos=tree.pos, names=", ".join(sorted(display_name(n) for n in names)))
    return tree


def grade(q, answer: str, values: dict, limits: Limits = DEFAULT, floats: bool = True) -> Result:
    from ..bank.variants import fill

    tree = require_number(read_answer(answer, NO_SYMBOLS, limits))
    echo = shown(tree)
    bad_form = violation(q, tree, read_given(fill(q.answer, values), NO_SYMBOLS, limits))
    if bad_form is not None:
        return bad_form.with_(**echo)
    evaluate = value_of if floats else _sympy_value
    got = evaluate(tree)
    expected = evaluate(read_given(fill(q.answer, values), NO_SYMBOLS, limits))
    wrong = [evaluate(read_given(fill(m.answer, values), NO_SYMBOLS, limits)) for m in q.misconceptions]
    return verdict(q, answer, got, expected, wrong).with_(**echo)


def _sympy_value(tree: Node):
    from ..symbolic.build import build, value

    return value(build(tree))


def verdict(q, answer: str, got, expected, wrong: list) -> Result:
    tol = q.tolerance
    if not is_exact(got) and not _finite(got):
        raise InputError("not-real", pos=0)
    if within(got, expected, tol):
        return Result(Verdict.CORRECT, score=1.0, feedback=message("correct"), note="correct")
    for m, w in zip(q.misconceptions, wrong, strict=False):
        if within(got, w, tol):
            return Result(Verdict.INCORRECT, feedback=m.feedback, note=m.note)
    typed = sig_figs(answer)
    g, e = _float(got), _float(expected)
    if tol.sig_figs and typed is not None and typed < tol.sig_figs and round_sig(e, typed) == round_sig(g, typed):
        return Result(Verdict.INCORRECT, feedback=message("sig-figs", n=tol.sig_figs), note="too-few-sig-figs")
    if e != 0 and within(neg(got) if is_exact(got) else -g, expected, tol):
        return Result(Verdict.INCORRECT, feedback=message("negated"), note="negated")
    return Result(
        Verdict.INCORRECT, feedback=message("incorrect-value", got=show_pair(got, expected)[0]), note="incorrect"
    )


def _float(x) -> float:
    return float(x) if is_exact(x) else approx(x)[0]


def _finite(x) -> bool:
    import math

    return math.isfinite(_float(x))
