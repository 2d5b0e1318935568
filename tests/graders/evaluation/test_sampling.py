"""The sampling protocol's points are drawn once per set of arguments: the same arguments give the
same points, in the same order, and each caller gets its own copy."""

from __future__ import annotations

from fractions import Fraction

import pytest

from graders.evaluation.sampling import points

ARGS = [
    # (names, positive, shapes, keyword arguments)
    (["x"], {}, {}, {}),
    (["x", "y"], {"x": True}, {}, {"seed": 3}),
    (["W", "x"], {}, {"W": (2, 3)}, {"tries": 12}),
    (["x"], {}, {}, {"kinks": {"x": [Fraction(10)]}, "with_kind": True}),
]


@pytest.mark.parametrize(("names", "positive", "shapes", "kw"), ARGS)
def test_same_arguments_same_points_own_copies(names, positive, shapes, kw):
    first = list(points(names, positive, shapes, **kw))
    for p in first:  # a caller that changes its points does not change anyone else's
        (p[1] if kw.get("with_kind") else p).clear()
    again = list(points(names, positive, shapes, **kw))
    assert len(again) == len(first) >= 9
    assert all(set(p[1] if kw.get("with_kind") else p) == set(names) for p in again)
    assert again == list(points(names, positive, shapes, **kw))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((["x"], {}, {}, {}), (["x"], {"x": True}, {}, {})),  # the sign is part of the key
        ((["x"], {}, {}, {}), (["x"], {}, {}, {"seed": 1})),
        ((["x"], {}, {}, {}), (["x"], {}, {}, {"kinks": {"x": [Fraction(10)]}})),
        ((["x"], {}, {}, {"kinks": {"x": [Fraction(10)]}}), (["x"], {}, {}, {"kinks": {"x": [Fraction(-10)]}})),
    ],
)
def test_different_arguments_different_points(a, b):
    assert list(points(*a[:3], **a[3])) != list(points(*b[:3], **b[3]))


def test_positive_variables_get_positive_values():
    assert all(p["x"] > 0 for p in points(["x"], {"x": True}, {}, tries=40))
