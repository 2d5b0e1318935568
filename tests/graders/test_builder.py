"""Building SymPy objects from trees: names as an ML reader means them, shapes, strictness."""

from __future__ import annotations

import pytest
import sympy as sp

from graders.build import Env, build, split_name
from graders.errors import NameError_, ShapeError
from graders.parse import parse


def b(text, env=None):
    return build(parse(text), env or Env())


@pytest.mark.parametrize("text, expected", [
    ("e", sp.E),
    ("e^x", sp.exp(sp.Symbol("x", real=True))),
    ("pi", sp.pi),
    ("ln(e)", 1),
    ("log(e^2)", 2),
    ("0.6", sp.Rational(3, 5)),
    ("1e-2", sp.Rational(1, 100)),
    ("relu(-3)", 0),
    ("max(1, 2, 3)", 3),
    ("3!", 6),
    ("sigmoid(0)", sp.Rational(1, 2)),
])
def test_values(text, expected):
    assert sp.simplify(b(text) - expected) == 0


@pytest.mark.parametrize("name", ["N", "S", "beta", "gamma", "lambda", "sigma", "Q", "E", "I", "O"])
def test_sympy_clashes_are_plain_real_symbols(name):
    assert b(name) == sp.Symbol(name, real=True)


def test_declared_e_is_a_variable():
    e = sp.Symbol("e", real=True)
    assert b("e^2", Env({"e": e}, strict=True)) == e**2


def test_free_mode_splits_letter_runs_but_not_known_names():
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    assert b("2xy") == 2 * x * y
    assert b("theta") == sp.Symbol("theta", real=True)
    assert b("yhat") == sp.Symbol("yhat", real=True)


def test_w1_and_w_1_are_one_name():
    assert b("W1 - W_1") == 0


def test_strict_mode_rejects_unknown_names_and_splits_declared_ones():
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", real=True)
    env = Env({"x": x, "y": y}, strict=True)
    assert b("xy", env) == x * y
    with pytest.raises(NameError_) as info:
        b("x + q", env)
    assert info.value.params["name"] == "q" and info.value.pos == 4


def test_split_name():
    assert split_name("thetax", {"theta": 1, "x": 2}) == ["theta", "x"]
    assert split_name("ab", {"a": 1}) is None


def _mat(name, r, c):
    return sp.MatrixSymbol(name, r, c).as_explicit()


ENV = Env({"W": _mat("W", 3, 4), "x": _mat("x", 4, 1), "v": _mat("v", 3, 1)}, strict=True)


@pytest.mark.parametrize("text, shape", [
    ("W x", (3, 1)), ("Wᵀ v", (4, 1)), ("W^T v", (4, 1)), ("xᵀ Wᵀ", (1, 3)), ("v ⊙ v", (3, 1)),
    ("sigma(W x)", (3, 1)), ("1 - sigma(W x)", (3, 1)), ("2 W", (3, 4)), ("softmax(v)", (3, 1)),
])
def test_matrix_shapes(text, shape):
    assert b(text, ENV).shape == shape


@pytest.mark.parametrize("text, hint", [
    ("W v", "transpose"),   # 3×4 · 3×1: Wᵀ v would fit
    ("x W", ""),            # 4×1 · 3×4
    ("W + Wᵀ", "transpose"),
    ("v ⊙ x", ""),
    ("W + v", ""),
])
def test_shape_errors(text, hint):
    with pytest.raises(ShapeError) as info:
        b(text, ENV)
    assert info.value.params.get("hint", "") == hint
