"""How two equations relate: does the first imply the second, the second the first?

Used by :mod:`graders.grading.derivation` for a step from one equation to the next. With one
unknown the real solution sets are compared (``solveset``); with several, each
equation is solved for each of its variables in turn (``solve``, under a soft time
limit) and the other equation is checked on every branch at random real points.
Every answer is three-valued (True, False, None = undecided) and never hangs.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..evaluation.show import point_text
from ..reading.names import display_name
from .equivalence import close, equivalent, sample, show, show_sympy_point, value_at
from .timeout import soft_timeout

__all__ = ["Relation", "relation"]


@dataclass(frozen=True)
class Relation:
    """How the real solution sets of two equations compare.

    ``forward``: every solution of the previous equation solves the current one
    (previous ⇒ current); ``backward``: current ⇒ previous. Each is True, False or
    None (undecided). ``lost``/``added`` name solutions that the step loses/adds,
    ``sets`` shows both sets for one variable, ``point`` is one lost (else added)
    solution. All of these are maths, not words, so they need no translation.
    """

    forward: bool | None
    backward: bool | None
    lost: str = ""
    added: str = ""
    sets: str = ""
    point: dict | None = None

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self.forward, self.backward]

    @property
    def note(self) -> str:
        """The step note: the relation found, then the solution sets or a witness."""
        detail = self.sets or point_text(self.point)
        return f"{self.symbol}  {detail}" if detail else self.symbol


_SYMBOLS = {
    (True, True): "⇔",
    (True, False): "⇒",
    (False, True): "⇐",
    (False, False): "⇎",
    (True, None): "⇒ (⇐ ?)",
    (None, True): "⇐ (⇒ ?)",
    (False, None): "⇏",
    (None, False): "⇍",
    (None, None): "?",
}

# SymPy's solve returns only principal branches of these, so a check on its branches proves nothing.
_PERIODIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)
_PARTIAL = (sp.asin, sp.acos, sp.atan, sp.acot, sp.asec, sp.acsc, sp.LambertW, sp.RootOf)


def relation(f1, f2) -> Relation:
    """Compare ``f1 = 0`` (previous line) with ``f2 = 0`` (current line) on the reals.

    Same up to a nonzero constant factor → ⇔. One unknown: ``solveset`` decides
    both inclusions. Several unknowns: :func:`_implies` each way.

    >>> x, y = sp.symbols("x y", real=True)
    >>> relation(x**2 - x, x - 1).note, relation(x*y - 2, y - 2/x).symbol
    ('⇐  x ∈ {0, 1} → {1}', '⇔')
    """
    if equivalent(f1, f2).verdict == "equal" or equivalent(f1, -f2).verdict == "equal" or _constant_ratio(f1, f2):
        return Relation(True, True)
    if any(isinstance(f, sp.MatrixBase) or f.has(sp.Sum, sp.Indexed) for f in (f1, f2)):
        return Relation(None, None)
    free = sorted(f1.free_symbols | f2.free_symbols, key=str)
    if len(free) == 1:
        return _one_unknown(f1, f2, free[0])
    forward, lost = _implies(f1, f2)
    backward, added = _implies(f2, f1)
    return Relation(forward, backward, lost=point_text(lost), added=point_text(added), point=lost or added)


def _constant_ratio(f1, f2) -> bool:
    try:
        with soft_timeout(1.0):
            ratio = sp.simplify(f1 / f2) if sp.count_ops(f1) + sp.count_ops(f2) < 60 else None
    except Exception:  # includes the soft time limit
        return False
    return ratio is not None and ratio.is_number and ratio != 0


def _one_unknown(f1, f2, x) -> Relation:
    name = display_name(str(x))
    try:
        with soft_timeout(2.0):
            s1, s2 = sp.solveset(f1, x, sp.S.Reals), sp.solveset(f2, x, sp.S.Reals)
            forward, backward = s1.is_subset(s2), s2.is_subset(s1)
            lost = sp.Complement(s1, s2) if forward is False else sp.S.EmptySet
            added = sp.Complement(s2, s1) if backward is False else sp.S.EmptySet
    except Exception:  # undecided (includes the soft time limit)
        return Relation(None, None)
    witness = next((_items(s)[0] for s in (lost, added) if isinstance(s, sp.FiniteSet) and s), None)
    shown = not (s1.has(sp.ConditionSet) or s2.has(sp.ConditionSet))  # "unsolved" is not worth showing
    return Relation(
        forward,
        backward,
        lost=_solutions(name, lost),
        added=_solutions(name, added),
        sets=f"{name} ∈ {_set(s1)} → {_set(s2)}" if shown else "",
        point={name: str(witness)} if witness is not None else None,
    )


def _solutions(name: str, s) -> str:
    if s is sp.S.EmptySet:
        return ""
    return f"{name} = {s.args[0]}" if isinstance(s, sp.FiniteSet) and len(s) == 1 else f"{name} ∈ {_set(s)}"


def _implies(f1, f2) -> tuple[bool | None, dict | None]:
    """Does ``f1 = 0`` imply ``f2 = 0`` on the reals? (answer, a counterexample).

    For each unknown v of f1 (fewest occurrences first): solve f1 for v
    (``sp.solve``, soft time limit) and check f2 on every branch at random real
    points (:func:`_on_branch`). A point where f2 fails is a counterexample and
    decides False. ``solve`` for one variable can miss solutions that exist only
    for special values of the others (``x*y = x`` solved for y gives y = 1, not
    x = 0), so True needs every variable that could be solved to agree; None if
    none could be.
    """
    agreed = 0
    try:
        with soft_timeout(2.0):
            for v in sorted(f1.free_symbols, key=lambda s: (f1.count(s), str(s)))[:4]:
                if any(g.has(v) for g in f1.atoms(*_PERIODIC)):
                    continue
                try:
                    with soft_timeout(0.75):
                        branches = sp.solve(f1, v)
                except Exception:  # this variable is undecided (includes the soft time limit)
                    continue
                if (
                    not branches
                    or len(branches) > 6
                    or any(not isinstance(b, sp.Expr) or b.has(*_PARTIAL) for b in branches)
                ):
                    continue  # [] can also mean "could not solve"
                checks = [_on_branch(f1, f2, v, b) for b in branches]
                witness = next((w for verdict, w in checks if verdict is False), None)
                if witness is not None:
                    return False, witness
                agreed += all(verdict for verdict, _ in checks)
    except Exception:  # out of time: the variables not reached count as unsolvable
        pass
    return (True if agreed else None), None


def _on_branch(f1, f2, v, b, *, points: int = 8, tries: int = 40) -> tuple[bool | None, dict | None]:
    """Does f2 vanish wherever ``v = b`` is a real solution of f1?

    Random real points for the other unknowns (:func:`sample_point`, readable ones
    first); points where the branch is not real, or is not a solution of f1 there
    (``solve`` drops conditions: ``sqrt(x) = y`` gives x = y² also for y < 0), are
    skipped. f2 undefined or nonzero at a solution is a counterexample.
    """
    g, f1b = f2.xreplace({v: b}), f1.xreplace({v: b})
    atoms = sorted(g.free_symbols | f1b.free_symbols | b.free_symbols, key=str)
    good = 0
    for point in sample(atoms, tries=tries):
        at, f1v = value_at(b, point), value_at(f1b, point)
        if at is None or f1v is None or not close(f1v, sp.Integer(0)):
            continue
        gv = value_at(g, point)
        if gv is None or not close(gv, sp.Integer(0)):
            return False, dict(sorted({**show_sympy_point(point), display_name(str(v)): show(at)}.items()))
        good += 1
        if good >= points or not atoms:
            return True, None
    return None, None


def _items(s: sp.FiniteSet) -> list:
    try:
        return sorted(s, key=float)
    except TypeError:
        return list(s)


def _set(s) -> str:
    return "{" + ", ".join(map(str, _items(s))) + "}" if isinstance(s, sp.FiniteSet) else str(s)
