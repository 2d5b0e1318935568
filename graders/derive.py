"""Multi-step derivations: one step per line, each checked against the previous.

A line is an expression, ``= expression`` (continuing), or ``lhs = rhs``. A bare
undeclared name on the left (``J = ...``, ``θ_new = ...``) is a label, not a claim.
Two consecutive equations (``2x = 4`` then ``x = 2``) are compared by their real
solution sets (:func:`graders.implication.relation`): with no marker the step claims ⇔; a line starting
with ``⇒`` (``=>``, ``\\implies``, ``\\Rightarrow``) claims only previous ⇒ current,
and a final answer reached that way carries a note to check the roots. A step that
loses solutions is always wrong. The report marks every line, each equation step's
note names the relation found, and the first wrong step is named with a
counterexample; with a question, the first line must match its ``start`` and the
last its ``answer``.

>>> r = grade_derivation_text("d/dθ (θ-1)^2\\n= 2(θ-1)\\n= 2θ - 1")
>>> [s.verdict.value for s in r.steps], r.note
(['correct', 'correct', 'incorrect'], 'wrong-step-3')
"""

from __future__ import annotations

import time

from .compare import equivalent
from .errors import InputError, LimitError
from .implication import Relation, point_text, relation
from .limits import DEFAULT, Limits
from .messages import describe, message
from .result import Result, Step, Text, Verdict
from .tree import Eq, Name

__all__ = ["grade_derivation_text", "grade_derivation", "split_lines", "split_link"]


def split_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the non-blank, non-comment lines."""
    return [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")]


_LINKS = (("<=>", "⇔"), ("⇔", "⇔"), ("⟺", "⇔"), (r"\Longleftrightarrow", "⇔"), (r"\Leftrightarrow", "⇔"),
          (r"\iff", "⇔"), ("=>", "⇒"), ("⇒", "⇒"), ("⟹", "⇒"), (r"\Longrightarrow", "⇒"), (r"\Rightarrow", "⇒"),
          (r"\implies", "⇒"))


def split_link(line: str) -> tuple[str, str]:
    r"""A line's claimed link to the line before, and the rest of the line.

    ``"⇒"`` (one-way implication), ``"⇔"`` (equivalence), ``"="`` (continue the
    expression) or ``""`` (none: an equation after an equation claims ``⇔``). Only
    the start of a line can carry a link; the parser never sees one.

    >>> split_link(r"\implies x = 2"), split_link("=> x = 2"), split_link("= 2(x+1)"), split_link("x = 2")
    (('⇒', 'x = 2'), ('⇒', 'x = 2'), ('=', '2(x+1)'), ('', 'x = 2'))
    """
    for mark, link in _LINKS:
        if line.startswith(mark) and not (mark[0] == "\\" and line[len(mark):len(mark) + 1].isalpha()):
            return link, line[len(mark):].strip()
    return ("=", line[1:].strip()) if line.startswith("=") else ("", line)


def _point_text(eq) -> Text:
    return message("counterexample", point=point_text(eq.point), left=eq.left, right=eq.right) if eq.point else Text()


def _point_note(eq) -> str:
    """Step note of a wrong expression step: ``≠`` and where (maths only, no words)."""
    return f"≠  {point_text(eq.point)}: {eq.left} ≠ {eq.right}" if eq.point else "≠"


def _judge(rel: Relation, link: str) -> tuple[Verdict, Text]:
    """Verdict and feedback for an equation after an equation; ``link`` is ⇒ or ⇔."""
    sets = message("solution-sets", detail=rel.sets) if rel.sets else Text()
    if rel.forward is False:  # loses solutions: wrong whatever was claimed
        if rel.backward is False:
            return Verdict.INCORRECT, message("step-neither", lost=rel.lost, added=rel.added) + sets
        return Verdict.INCORRECT, message("step-loses", lost=rel.lost) + sets
    if link == "⇒":
        return (Verdict.CORRECT if rel.forward else Verdict.UNDETERMINED), Text()
    if rel.backward is False:
        code = "step-one-way" if rel.forward else "step-adds"
        return Verdict.INCORRECT, message(code, added=rel.added) + sets
    return (Verdict.CORRECT if rel.forward and rel.backward else Verdict.UNDETERMINED), Text()


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

    parsed = [(lineno, raw, *_read(raw, env, limits)) for lineno, raw in lines]
    used = _names_used(parsed)
    errors: dict[int, tuple[InputError, str]] = {}
    steps: list[Step] = []
    prev = prev_eq = None
    after_invalid = False
    first_wrong = None
    one_way: list[int] = []  # lines of valid ⇒ steps not known to be equivalences
    invalid = undetermined = False
    for lineno, raw, link, body, tree in parsed:
        marked = link in ("⇒", "⇔")
        try:
            if isinstance(tree, InputError):
                raise tree
            latex = to_latex(tree)
            claim = None
            if isinstance(tree, Eq):
                rhs = build(tree.right, env)
                if marked or not _is_label(tree.left, env, used):
                    claim = (build(tree.left, env), rhs)
                cur = rhs
            else:
                cur = build(tree, env)
            if marked and not after_invalid and (claim is None or prev_eq is None):
                body = raw  # the caret points at the marker
                raise InputError("marker-needs-equations", pos=0, marker=link)
        except InputError as exc:
            errors.setdefault(lineno, (exc, body))
            steps.append(Step(lineno, raw, Verdict.INVALID, note=exc.code, counterexample=None))
            invalid = after_invalid = True
            prev = prev_eq = None
            continue
        verdict, why, cex, note = Verdict.CORRECT, Text(), None, ""
        if claim is not None and prev is None and prev_eq is None:
            pass  # a first line "a = b" states the problem
        elif claim is not None and prev_eq is not None and link != "=":
            rel = relation(prev_eq[0] - prev_eq[1], claim[0] - claim[1])
            verdict, why = _judge(rel, link or "⇔")
            note, cex = rel.note, rel.point
            if link == "⇒" and verdict is Verdict.CORRECT and rel.backward is not True:
                one_way.append(lineno)
        elif prev is not None:
            eq = equivalent(prev, claim[0] if claim is not None else cur)
            if eq.verdict == "equal" and claim is not None:  # "a = b" after a: b must equal a too
                eq = equivalent(claim[0], claim[1])
            verdict = {"equal": Verdict.CORRECT, "not-equal": Verdict.INCORRECT}.get(eq.verdict, Verdict.UNDETERMINED)
            cex = eq.point
            if verdict is Verdict.INCORRECT:
                why, note = _point_text(eq), _point_note(eq)
        if verdict is Verdict.INCORRECT and first_wrong is None:
            first_wrong = (lineno, cex, why)
        undetermined |= verdict is Verdict.UNDETERMINED
        steps.append(Step(lineno, raw, verdict, latex=latex, note=note, counterexample=cex))
        prev, prev_eq, after_invalid = cur, claim, False
    feedback, code, verdict, cex = message("derivation-ok"), "correct", Verdict.CORRECT, None
    if invalid:
        bad = next(s for s in steps if s.verdict is Verdict.INVALID)
        fb, caret = describe(*errors[bad.line])
        return Result(Verdict.INVALID, feedback=message("on-line", line=bad.line) + fb, note=bad.note,
                      caret=caret, steps=tuple(steps), answer=text, elapsed_ms=(time.perf_counter() - t0) * 1000)
    if first_wrong is not None:
        lineno, cex, why = first_wrong
        feedback = message("step-wrong", line=lineno) + why
        verdict, code = Verdict.INCORRECT, f"wrong-step-{lineno}"
    elif undetermined:
        verdict, code, feedback = Verdict.UNDETERMINED, "undetermined-step", message("undetermined")
    elif one_way:
        code, feedback = "check-roots", feedback + message("check-roots", lines=", ".join(map(str, one_way)))
    if verdict is Verdict.CORRECT and start:
        first = _first_value(lines[0][1], value_of)
        if first is not None and equivalent(first, value_of(start)).verdict != "equal":
            verdict, code, feedback = Verdict.INCORRECT, "first-line-mismatch", message("first-line-mismatch")
    if verdict is Verdict.CORRECT and target and equivalent(prev, value_of(target)).verdict != "equal":
        verdict, code, feedback = Verdict.INCORRECT, "last-line-mismatch", message("last-line-mismatch")
    return Result(verdict, score=1.0 if verdict is Verdict.CORRECT else 0.0, feedback=feedback, note=code,
                  counterexample=cex, steps=tuple(steps), answer=text, elapsed_ms=(time.perf_counter() - t0) * 1000)


def _read(raw: str, env, limits):
    """(link, body, tree or the InputError that reading raised)."""
    from .grade import read

    link, body = split_link(raw)
    try:
        return link, body, read(body, env.values, limits, allow_eq=True)
    except InputError as exc:
        return link, body, exc


def _names_used(parsed) -> set[str]:
    """Names used anywhere except as a bare left-hand side of an unmarked line
    (those may be labels: ``J = ...``)."""
    from .tree import walk

    used: set[str] = set()
    for _, _, link, _, tree in parsed:
        if isinstance(tree, InputError):
            continue
        bare = isinstance(tree, Eq) and isinstance(tree.left, Name) and link not in ("⇒", "⇔")
        parts = ([tree.right] if bare else [tree.left, tree.right]) if isinstance(tree, Eq) else [tree]
        for part in parts:
            used |= {n.name for n in walk(part) if isinstance(n, Name)}
    return used


def _is_label(left, env, used) -> bool:
    return isinstance(left, Name) and left.name not in env.values and left.name not in used


def _first_value(line: str, value_of):
    body = split_link(line)[1]
    if "=" in body:
        left, _, right = body.partition("=")
        return value_of(right)
    return value_of(body)


def grade_derivation(q, answer: str, env, values, limits: Limits) -> Result:
    """Question kind ``derivation``: first line vs ``start``, last vs ``answer``."""
    from .variants import fill

    return grade_derivation_text(answer, env, start=fill(q.start, values), target=fill(q.answer, values), limits=limits)
