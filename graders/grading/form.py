"""Answer-form tests (STACK's name): what an answer may contain, beyond its value.

An answer equal in value to the expected one can still not answer the question: ``d/dx ln(x²+1)``
*is* the derivative, but it restates the question. Every question refuses an unevaluated
derivative unless its own answer has one; a question may also declare (``form:`` in its file)
``no-derivative``, ``no-sum`` (work the sum out), ``literal`` (numbers only: ``relu([-1, 2])`` restates a
question that asks for ReLU's output), ``expanded``, ``factored`` or ``single-fraction``.
A violation is its own verdict, ``wrong-form``, with feedback that says what to do; never correct.

>>> from graders.bank import load
>>> from graders.reading import read
>>> q = load("chain-rule-composite")
>>> violation(q, read("d/dx ln(x^2 + 1)", q.symbols)).note
'unevaluated-derivative'
"""

from __future__ import annotations

from ..messages import message
from ..reading.names import display_name
from ..reading.tree import Deriv, Neg, Node, Num, Sum, Vector, walk
from ..result import Result, Verdict

__all__ = ["violation", "structural_violation", "rules", "STRUCTURAL"]

#: rules that look at the built expression (SymPy), not only at the tree
STRUCTURAL = ("expanded", "factored", "single-fraction")


def rules(q, expected: Node | None = None) -> set[str]:
    """The question's declared rules, plus ``no-derivative`` unless its own answer has a derivative."""
    out = set(q.form)
    if expected is None:
        from ..reading import read

        expected = read(q.answer, q.symbols, allow_eq=True) if not q.params else None
    if expected is None or not any(isinstance(n, Deriv) for n in walk(expected)):
        out.add("no-derivative")
    return out


def _wrong(code: str, **params) -> Result:
    return Result(Verdict.WRONG_FORM, feedback=message(code, **params), note=code)


def violation(q, tree: Node, expected: Node | None = None) -> Result | None:
    """The first rule ``tree`` breaks, as a ``wrong-form`` result, or None."""
    active = rules(q, expected)
    if "literal" in active and not all(isinstance(n, (Num, Neg, Vector)) for n in walk(tree)):
        return _wrong("not-literal")
    for node in walk(tree):
        if isinstance(node, Deriv) and "no-derivative" in active:
            return _wrong("unevaluated-derivative", var=display_name(node.var))
        if isinstance(node, Sum) and "no-sum" in active:
            return _wrong("unexpanded-sum")
    return None


def structural_violation(q, expr) -> Result | None:
    """The structural rules on a built SymPy expression (matrices entry by entry)."""
    import sympy as sp

    wanted = [r for r in q.form if r in STRUCTURAL]
    if not wanted:
        return None
    entries = list(expr) if isinstance(expr, sp.MatrixBase) else [expr]
    checks = {
        "expanded": (sp.expand, "not-expanded"),
        "factored": (sp.factor, "not-factored"),
        "single-fraction": (sp.together, "not-single-fraction"),
    }
    for rule in wanted:
        transform, code = checks[rule]
        if any(transform(e) != e for e in entries):
            return _wrong(code)
    return None
