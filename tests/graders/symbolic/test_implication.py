"""How two equations relate (graders.implication): ⇔, ⇒, ⇐ or neither, with the lost and
added solutions and a real witness point."""

from __future__ import annotations

import pytest

from graders.reading import parse
from graders.symbolic.build import build
from graders.symbolic.implication import relation


def _f(equation: str):
    left, _, right = equation.partition("=")
    return build(parse(left)) - build(parse(right))


RELATIONS = [
    # (previous, current, relation, lost, added)
    ("x^2 = x", "x = 1", "⇐", "x = 0", ""),
    ("x = 2", "x^2 = 4", "⇒", "", "x = -2"),
    ("2x = 4", "x = 3", "⇎", "x = 2", "x = 3"),
    ("x^2 = 4", "x^2 - 4 = 0", "⇔", "", ""),
    ("x^4 = 1", "x^2 = 1", "⇔", "", ""),  # same real roots, not a constant multiple
    ("x*y = 2", "y = 2/x", "⇔", "", ""),
    ("x*y = x", "y = 1", "⇐", "x = 0", ""),
]


@pytest.mark.parametrize("prev, cur, symbol, lost, added", RELATIONS)
def test_relation_table(prev, cur, symbol, lost, added):
    rel = relation(_f(prev), _f(cur))
    assert rel.symbol == symbol
    assert lost in rel.lost and added in rel.added and bool(rel.lost) == bool(lost) and bool(rel.added) == bool(added)


@pytest.mark.parametrize(
    "prev, cur", [("x^2 + y^2 = 1", "y = sqrt(1 - x^2)"), ("x*y = x", "y = 1"), ("x + y = 1", "x - y = 1")]
)
def test_lost_solution_is_a_real_witness(prev, cur):
    """The lost point solves the previous equation (to display precision) but not the current one."""
    import sympy as sp

    f1, f2 = _f(prev), _f(cur)
    rel = relation(f1, f2)
    assert rel.forward is False and set(rel.point) == {"x", "y"}
    at = {s: sp.Float(rel.point[str(s)]) for s in f1.free_symbols | f2.free_symbols}
    assert abs(float(f1.xreplace(at))) < 1e-5 and abs(complex(f2.xreplace(at).evalf())) > 1e-3
