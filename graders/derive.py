"""Multi-step derivations: one step per line, each checked against the previous.

A line is an expression, ``= expression`` (continuing), or ``lhs = rhs``. A bare
undeclared name on the left (``J = ...``, ``θ_new = ...``) is a label, not a claim.
Two consecutive equations (``2x = 4`` then ``x = 2``) are compared by their
solution sets. The report marks every line and names the first wrong step with a
counterexample; with a question, the first line must match its ``start`` and the
last its ``answer``.

>>> r = grade_derivation_text("d/dθ (θ-1)^2\\n= 2(θ-1)\\n= 2θ - 1")
>>> [s.verdict.value for s in r.steps], r.note
(['correct', 'correct', 'incorrect'], 'wrong-step-3')
"""

from __future__ import annotations

import time

import sympy as sp

from .compare import equivalent, soft_timeout
from .errors import InputError, LimitError
from .limits import DEFAULT, Limits
from .names import display_name
from .messages import describe, message
from .result import Result, Step, Text, Verdict
from .tree import Eq, Name

__all__ = ["grade_derivation_text", "grade_derivation", "split_lines"]


def split_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the non-blank, non-comment lines."""
    return [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")]


def _point_text(eq) -> Text:
    point = ", ".join(f"{k} = {v}" for k, v in (eq.point or {}).items())
    return message("counterexample", point=point, left=eq.left, right=eq.right) if eq.point else Text()


def _equations_equivalent(f1, f2) -> tuple[str, str]:
    """Compare f1 = 0 and f2 = 0: same up to a nonzero constant factor, or same real
    roots. Returns (verdict, detail naming both solution sets when they differ)."""
    if equivalent(f1, f2).verdict == "equal" or equivalent(f1, -f2).verdict == "equal":
        return "equal", ""
    free = (f1.free_symbols | f2.free_symbols)
    if len(free) == 1:
        (x,) = free
        try:
            with soft_timeout(2.0):
                s1, s2 = sp.solveset(f1, x, sp.S.Reals), sp.solveset(f2, x, sp.S.Reals)
                if s1 == s2:
                    return "equal", ""
                return "not-equal", f"{display_name(str(x))} ∈ {_set(s1)} → {_set(s2)}"
        except Exception:  # noqa: BLE001 - undecided
            return "undetermined", ""
    try:
        with soft_timeout(1.0):
            ratio = sp.simplify(f1 / f2) if sp.count_ops(f1) + sp.count_ops(f2) < 60 else None
    except Exception:  # noqa: BLE001 - includes the soft time limit
        ratio = None
    if ratio is not None and ratio.is_number and ratio != 0:
        return "equal", ""
    return "undetermined", ""


def _set(s) -> str:
    if isinstance(s, sp.FiniteSet):
        return "{" + ", ".join(str(v) for v in sorted(s, key=lambda v: float(v))) + "}"
    return str(s)


def grade_derivation_text(text: str, env=None, *, start: str = "", target: str = "",
                          limits: Limits = DEFAULT) -> Result:
    """Check a derivation; ``start``/``target`` optionally pin the first/last line."""
    from .grade import guarded

    return guarded(lambda: _derive(text, env, start, target, limits), text)


def _derive(text: str, env, start: str, target: str, limits: Limits) -> Result:
    from .build import Env, build
    from .grade import read
    from .printer import to_latex

    t0 = time.perf_counter()
    env = env or Env()
    lines = split_lines(text)
    if len(lines) > limits.max_lines:
        err = LimitError("too-many-lines", limit=limits.max_lines)
        return Result(Verdict.INVALID, feedback=describe(err)[0], note=err.code, answer=text)
    if not lines:
        return Result(Verdict.INVALID, feedback=message("empty"), note="empty", answer=text)

    def value_of(s: str):
        return build(read(s, env.values, limits), env)

    used = _names_used(lines, env, limits)
    errors: dict[int, tuple[InputError, str]] = {}
    steps: list[Step] = []
    prev = prev_eq = None
    first_wrong = None
    invalid = undetermined = False
    for lineno, raw in lines:
        body = raw[1:].strip() if raw.startswith("=") else raw
        try:
            tree = read(body, env.values, limits, allow_eq=True)
            latex = to_latex(tree)
            claim = None
            if isinstance(tree, Eq):
                left_label = isinstance(tree.left, Name) and tree.left.name not in env.values and tree.left.name not in used
                rhs = build(tree.right, env)
                if not left_label:
                    lhs = build(tree.left, env)
                    claim = (lhs, rhs)
                cur = rhs
            else:
                cur = build(tree, env)
        except InputError as exc:
            errors.setdefault(lineno, (exc, body))
            steps.append(Step(lineno, raw, Verdict.INVALID, note=exc.code, counterexample=None))
            invalid = True
            prev = prev_eq = None
            continue
        verdict, why, cex = Verdict.CORRECT, Text(), None
        if claim is not None and prev is None and prev_eq is None:
            pass  # a first line "a = b" states the problem
        elif claim is not None and prev_eq is not None and not raw.startswith("="):
            res, detail = _equations_equivalent(prev_eq[0] - prev_eq[1], claim[0] - claim[1])
            verdict = {"equal": Verdict.CORRECT, "not-equal": Verdict.INCORRECT}.get(res, Verdict.UNDETERMINED)
            if detail:
                why = message("solution-sets", detail=detail)
        elif prev is not None:
            eq = equivalent(prev, claim[0] if claim is not None else cur)
            if eq.verdict == "equal" and claim is not None:  # "a = b" after a: b must equal a too
                eq = equivalent(claim[0], claim[1])
            verdict = {"equal": Verdict.CORRECT, "not-equal": Verdict.INCORRECT}.get(eq.verdict, Verdict.UNDETERMINED)
            cex = eq.point
            if verdict is Verdict.INCORRECT:
                why = _point_text(eq)
        if verdict is Verdict.INCORRECT and first_wrong is None:
            first_wrong = (lineno, cex, why)
        undetermined |= verdict is Verdict.UNDETERMINED
        steps.append(Step(lineno, raw, verdict, latex=latex, note=why.en, counterexample=cex))
        prev, prev_eq = cur, claim
    feedback, code, verdict, cex = message("derivation-ok"), "correct", Verdict.CORRECT, None
    if invalid:
        bad = next(s for s in steps if s.verdict is Verdict.INVALID)
        fb, caret = describe(*errors[bad.line])
        return Result(Verdict.INVALID, feedback=message("usage", detail=f"line {bad.line}:") + fb, note=bad.note,
                      caret=caret, steps=tuple(steps), answer=text, elapsed_ms=(time.perf_counter() - t0) * 1000)
    if first_wrong is not None:
        lineno, cex, why = first_wrong
        feedback = message("step-wrong", line=lineno) + why
        verdict, code = Verdict.INCORRECT, f"wrong-step-{lineno}"
    elif undetermined:
        verdict, code, feedback = Verdict.UNDETERMINED, "undetermined-step", message("undetermined")
    if verdict is Verdict.CORRECT and start:
        first = _first_value(lines[0][1], value_of)
        if first is not None and equivalent(first, value_of(start)).verdict != "equal":
            verdict, code, feedback = Verdict.INCORRECT, "first-line-mismatch", message("first-line-mismatch")
    if verdict is Verdict.CORRECT and target and equivalent(prev, value_of(target)).verdict != "equal":
        verdict, code, feedback = Verdict.INCORRECT, "last-line-mismatch", message("last-line-mismatch")
    return Result(verdict, score=1.0 if verdict is Verdict.CORRECT else 0.0, feedback=feedback, note=code,
                  counterexample=cex, steps=tuple(steps), answer=text, elapsed_ms=(time.perf_counter() - t0) * 1000)


def _names_used(lines, env, limits) -> set[str]:
    """Names used anywhere except as a bare left-hand side (those may be labels)."""
    from .grade import read
    from .tree import walk

    used: set[str] = set()
    for _, raw in lines:
        body = raw[1:].strip() if raw.startswith("=") else raw
        try:
            tree = read(body, env.values, limits, allow_eq=True)
        except InputError:
            continue
        parts = [tree.right] + ([] if isinstance(tree.left, Name) else [tree.left]) if isinstance(tree, Eq) else [tree]
        for part in parts:
            used |= {n.name for n in walk(part) if isinstance(n, Name)}
    return used


def _first_value(line: str, value_of):
    body = line[1:].strip() if line.startswith("=") else line
    if "=" in body:
        left, _, right = body.partition("=")
        return value_of(right)
    return value_of(body)


def grade_derivation(q, answer: str, env, values, limits: Limits) -> Result:
    """Question kind ``derivation``: first line vs ``start``, last vs ``answer``."""
    from .variants import fill

    return grade_derivation_text(answer, env, start=fill(q.start, values), target=fill(q.answer, values), limits=limits)
