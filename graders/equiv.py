"""``kb-grade equiv A B``: are two typed expressions equivalent?

>>> equiv_texts("2(θ-1)", "2θ - 2").verdict.value
'correct'
>>> r = equiv_texts("x^2", "x")
>>> r.verdict.value, sorted(r.counterexample)
('incorrect', ['x'])
"""

from __future__ import annotations

import time

from .errors import InputError, UsageError
from .messages import message
from .result import Result, Verdict

__all__ = ["equiv_texts", "parse_vars"]


def parse_vars(spec: str):
    """``"W=3x4, x=4x1, theta=positive"`` -> an Env with those matrices/domains."""
    import sympy as sp

    from .build import Env

    values: dict = {}
    for item in filter(None, (s.strip() for s in (spec or "").split(","))):
        name, _, kind = item.partition("=")
        name, kind = name.strip(), kind.strip().lower()
        if not name.isidentifier() or name.startswith("_"):
            raise UsageError("usage", detail=f"bad variable name in --vars: {name!r}")
        if kind == "positive":
            values[name] = sp.Symbol(name, positive=True)
        elif kind in ("", "real"):
            values[name] = sp.Symbol(name, real=True)
        elif "x" in kind and all(p.isdigit() and 0 < int(p) <= 8 for p in kind.split("x")) and kind.count("x") == 1:
            r, c = (int(p) for p in kind.split("x"))
            values[name] = sp.MatrixSymbol(name, r, c).as_explicit()
        else:
            raise UsageError("usage", detail=f"bad kind in --vars for {name}: {kind!r} (use positive, real or RxC)")
    return Env(values, strict=False)


def equiv_texts(a: str, b: str, env=None, *, floats: bool = True) -> Result:
    """Result: CORRECT if equivalent, INCORRECT (with counterexample) if not,
    UNDETERMINED if undecided, INVALID if either side cannot be read. Scalars are
    compared in floating point first (``floats=False`` goes straight to SymPy)."""
    from .grade import guarded

    return guarded(lambda: _equiv(a, b, env, floats), a)


def _scope(env):
    """The float path's view of an Env (symbols and matrices), or None when it holds numbers."""
    from .floats import Scope

    if env is None:
        return Scope({})
    variables, shapes = {}, {}
    for name, v in env.values.items():
        if getattr(v, "is_Matrix", False):
            variables[name], shapes[name] = False, tuple(v.shape)
        elif getattr(v, "is_Symbol", False):
            variables[name] = bool(v.is_positive)
        else:
            return None
    return None if env.positive else Scope(variables, strict=env.strict, shapes=shapes)


def _equiv_floats(a: str, b: str, env) -> Result | None:
    """Scalar expressions compared in floating point; None when floats cannot decide."""
    from .floats import Undecided, equivalent
    from .grade import read

    scope = _scope(env)
    if scope is None:
        return None
    try:
        ta, tb = read(a, scope.variables), read(b, scope.variables)
        eq = equivalent(ta, tb, scope)
    except (InputError, Undecided):
        return None  # the SymPy path reports invalid input with its side and caret
    shown = _shown(ta, tb, a, b)
    return _verdict(eq).with_(**shown)


def _shown(ta, tb, a: str, b: str) -> dict:
    from .printer import to_latex, to_plain

    return {"parsed": f"{to_plain(ta)}  ⟷  {to_plain(tb)}", "latex": f"{to_latex(ta)} \\iff {to_latex(tb)}",
            "answer": f"{a} ⟷ {b}"}


def _verdict(eq) -> Result:
    if eq.verdict == "equal":
        return Result(Verdict.CORRECT, score=1.0, feedback=message("equivalent"), note=f"equal-{eq.method}")
    if eq.verdict == "not-equal":
        point = ", ".join(f"{k} = {v}" for k, v in (eq.point or {}).items())
        return Result(Verdict.INCORRECT, feedback=message("not-equivalent") + message("counterexample", point=point, left=eq.left, right=eq.right),
                      note="not-equivalent", counterexample=eq.point)
    return Result(Verdict.UNDETERMINED, feedback=message("undetermined"), note="undetermined")


def _equiv(a: str, b: str, env=None, floats: bool = True) -> Result:
    t0 = time.perf_counter()
    fast = _equiv_floats(a, b, env) if floats else None
    if fast is not None:
        return fast.with_(elapsed_ms=(time.perf_counter() - t0) * 1000)

    from .build import Env, build
    from .compare import equivalent
    from .expression import shape_of
    from .grade import invalid, read

    env = env or Env()
    built = []
    for side, text in (("A", a), ("B", b)):
        try:
            tree = read(text, env.values)
            built.append((tree, build(tree, env)))
        except InputError as exc:
            r = invalid(exc, text)
            return r.with_(feedback=message("usage", detail=side + ":") + r.feedback, answer=text,
                           elapsed_ms=(time.perf_counter() - t0) * 1000)
    (ta, ea), (tb, eb) = built
    shown = _shown(ta, tb, a, b)
    if shape_of(ea) != shape_of(eb):
        sa, sb = shape_of(ea), shape_of(eb)
        hint = "transpose" if sa == sb[::-1] else ""
        res = Result(Verdict.INCORRECT, feedback=message("expected-matrix", shape=f"{sb[0]}×{sb[1]}", got=f"{sa[0]}×{sa[1]}", hint=hint),
                     note="shape")
    else:
        res = _verdict(equivalent(ea, eb))
    return res.with_(**shown, elapsed_ms=(time.perf_counter() - t0) * 1000)
