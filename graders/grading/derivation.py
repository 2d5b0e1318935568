"""Multi-step derivations: one step per line, each checked against the previous.

A line is an expression, ``= expression`` (continuing), or ``lhs = rhs``. A bare name on the left
that nothing else uses (``J = ...``, ``θ_new = ...``) is a label, not a claim. Two consecutive
equations (``2x = 4`` then ``x = 2``) are compared by their real solution sets
(:func:`graders.symbolic.implication.relation`): with no marker the step claims ⇔; a line starting
with ``⇒`` (``=>``, ``\\implies``, ``\\Rightarrow``) claims only previous ⇒ current, and a final answer
reached that way carries a note to check the roots. A step that loses solutions is always wrong.
The report marks every line, each equation step's note names the relation found, and the first
wrong step is named with a counterexample. With a question, the first line must match its
``start``, the last its ``answer`` — in the answer's form: a derivation that stops at the question,
or ends on an unevaluated derivative, has not reached the result.

>>> r = grade_derivation_text("d/dθ (θ-1)^2\\n= 2(θ-1)\\n= 2θ - 1")
>>> [s.verdict.value for s in r.steps], r.note
(['correct', 'correct', 'incorrect'], 'wrong-step-3')
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from ..errors import InputError, LimitError
from ..messages import describe, message
from ..reading import DEFAULT, Limits, read
from ..reading.printer import to_latex, to_plain
from ..reading.symbols import NO_SYMBOLS, Symbols
from ..reading.tree import Deriv, Eq, Name, Node, walk
from ..result import Result, Step, Text, Verdict
from .common import guarded
from .expression import counterexample_text
from .steps import judge, split_lines, split_link, wrong_step_note

__all__ = ["grade_derivation_text", "grade"]


@dataclass
class _Line:
    number: int
    raw: str
    link: str
    body: str
    tree: Node | InputError


def grade_derivation_text(
    text: str, symbols: Symbols = NO_SYMBOLS, *, start: str = "", target: str = "", limits: Limits = DEFAULT
) -> Result:
    """Check a derivation; ``start``/``target`` optionally pin the first/last line."""
    return guarded(lambda: _Derivation(text, symbols, limits).check(start, target), text)


class _Derivation:
    def __init__(self, text: str, symbols: Symbols, limits: Limits) -> None:
        from ..symbolic.build import Env

        self.text, self.symbols, self.limits = text, symbols, limits
        self.env = Env.of(symbols)
        self.t0 = time.perf_counter()

    def done(self, verdict: Verdict, feedback: Text, note: str, **more) -> Result:
        return Result(
            verdict,
            score=1.0 if verdict is Verdict.CORRECT else 0.0,
            feedback=feedback,
            note=note,
            answer=self.text,
            elapsed_ms=(time.perf_counter() - self.t0) * 1000,
            **more,
        )

    def read(self, body: str, *, allow_label: bool) -> Node:
        return read(body, self.symbols, limits=self.limits, allow_eq=True, allow_label=allow_label)

    def build(self, tree: Node):
        from ..symbolic.build import build

        return build(tree, self.env)

    def lines(self) -> list[_Line]:
        out = []
        for number, raw in split_lines(self.text):
            link, body = split_link(raw)
            try:
                tree: Node | InputError = self.read(body, allow_label=link not in ("⇒", "⇔"))
            except InputError as exc:
                tree = exc
            out.append(_Line(number, raw, link, body, tree))
        used = _names_used(out)
        for line in out:  # "x = 2" after "2x = 4": x is used, so the line is an equation, not a label
            if isinstance(line.tree, Eq) and line.tree.label and line.tree.left.name in used:
                try:
                    line.tree = self.read(line.body, allow_label=False)
                except InputError as exc:
                    line.tree = exc
        return out

    def check(self, start: str, target: str) -> Result:  # one pass over the lines
        from ..symbolic.equivalence import equivalent
        from ..symbolic.implication import relation

        lines = self.lines()
        if len(lines) > self.limits.max_lines:
            err = LimitError("too-many-lines", limit=self.limits.max_lines)
            return self.done(Verdict.INVALID, describe(err)[0], err.code)
        if not lines:
            return self.done(Verdict.INVALID, message("empty"), "empty")
        errors: dict[int, tuple[InputError, str]] = {}
        steps: list[Step] = []
        prev = prev_eq = None
        after_invalid = False
        first_wrong = None
        one_way: list[int] = []  # lines of valid ⇒ steps not known to be equivalences
        undetermined = False
        for line in lines:
            marked = line.link in ("⇒", "⇔")
            body = line.body
            try:
                if isinstance(line.tree, InputError):
                    raise line.tree
                tree = line.tree
                claim = None
                if isinstance(tree, Eq):
                    rhs = self.build(tree.right)
                    if not tree.label:
                        claim = (self.build(tree.left), rhs)
                    cur = rhs
                else:
                    cur = self.build(tree)
                if marked and not after_invalid and (claim is None or prev_eq is None):
                    body = line.raw  # the caret points at the marker
                    raise InputError("marker-needs-equations", pos=0, marker=line.link)
            except InputError as exc:
                errors.setdefault(line.number, (exc, body))
                steps.append(Step(line.number, line.raw, Verdict.INVALID, note=exc.code))
                after_invalid = True
                prev = prev_eq = None
                continue
            verdict, why, cex, note = Verdict.CORRECT, Text(), None, ""
            if claim is not None and prev is None and prev_eq is None:
                pass  # a first line "a = b" states the problem
            elif claim is not None and prev_eq is not None and line.link != "=":
                rel = relation(prev_eq[0] - prev_eq[1], claim[0] - claim[1])
                verdict, why = judge(rel, line.link or "⇔")
                note, cex = rel.note, rel.point
                if line.link == "⇒" and verdict is Verdict.CORRECT and rel.backward is not True:
                    one_way.append(line.number)
            elif prev is not None:
                eq = equivalent(prev, claim[0] if claim is not None else cur)
                if eq.verdict == "equal" and claim is not None:  # "a = b" after a: b must equal a too
                    eq = equivalent(claim[0], claim[1])
                verdict = {"equal": Verdict.CORRECT, "not-equal": Verdict.INCORRECT}.get(
                    eq.verdict, Verdict.UNDETERMINED
                )
                cex = eq.point
                if verdict is Verdict.INCORRECT:
                    why, note = counterexample_text(eq), wrong_step_note(eq)
            if verdict is Verdict.INCORRECT and first_wrong is None:
                first_wrong = (line.number, cex, why)
            undetermined |= verdict is Verdict.UNDETERMINED
            steps.append(Step(line.number, line.raw, verdict, latex=to_latex(tree), note=note, counterexample=cex))
            prev, prev_eq, after_invalid = cur, claim, False
        result = {"steps": tuple(steps)}
        if errors:
            bad = next(s for s in steps if s.verdict is Verdict.INVALID)
            fb, caret = describe(*errors[bad.line])
            return self.done(Verdict.INVALID, message("on-line", line=bad.line) + fb, bad.note, caret=caret, **result)
        if first_wrong is not None:
            number, cex, why = first_wrong
            return self.done(
                Verdict.INCORRECT,
                message("step-wrong", line=number) + why,
                f"wrong-step-{number}",
                counterexample=cex,
                **result,
            )
        if undetermined:
            return self.done(Verdict.UNDETERMINED, message("undetermined"), "undetermined-step", **result)
        if start or target:
            ended = self.ends(lines, start, target)
            if ended is not None:
                return ended.with_(**result)
        if one_way:
            feedback = message("derivation-ok") + message("check-roots", lines=", ".join(map(str, one_way)))
            return self.done(Verdict.CORRECT, feedback, "check-roots", **result)
        return self.done(Verdict.CORRECT, message("derivation-ok"), "correct", **result)

    def ends(self, lines: list[_Line], start: str, target: str) -> Result | None:
        """The first line against the question's start, the last against its answer (value and form)."""
        from ..symbolic.equivalence import equivalent

        first, last = _value_tree(lines[0].tree), _value_tree(lines[-1].tree)
        if start:
            given = self.read(start, allow_label=False)
            if equivalent(self.build(first), self.build(given)).verdict != "equal":
                return self.done(Verdict.INCORRECT, message("first-line-mismatch"), "first-line-mismatch")
            if len(lines) == 1 or to_plain(last) == to_plain(given):
                return self.done(Verdict.WRONG_FORM, message("derivation-at-start"), "derivation-at-start")
        if target:
            wanted = self.read(target, allow_label=False)
            has_deriv = any(isinstance(n, Deriv) for n in walk(wanted))
            left_in = next((n for n in walk(last) if isinstance(n, Deriv)), None)
            if left_in is not None and not has_deriv:
                return self.done(
                    Verdict.WRONG_FORM,
                    message("unevaluated-derivative", var=_shown_var(left_in.var)),
                    "unevaluated-derivative",
                )
            if equivalent(self.build(last), self.build(wanted)).verdict != "equal":
                return self.done(Verdict.INCORRECT, message("last-line-mismatch"), "last-line-mismatch")
        return None


def _shown_var(name: str) -> str:
    from ..reading.names import display_name

    return display_name(name)


def _value_tree(tree: Node) -> Node:
    """What a line says its value is: the right side of an equation or label, else the line."""
    return tree.right if isinstance(tree, Eq) else tree


def _names_used(lines: list[_Line]) -> set[str]:
    """Names used anywhere except as the label of a line (a label names nothing else)."""
    used: set[str] = set()
    for line in lines:
        tree = line.tree
        if isinstance(tree, InputError):
            continue
        parts = ([tree.right] if tree.label else [tree.left, tree.right]) if isinstance(tree, Eq) else [tree]
        for part in parts:
            used |= {n.name for n in walk(part) if isinstance(n, Name)}
    return used


def grade(q, answer: str, values: dict, limits: Limits = DEFAULT, floats: bool = True) -> Result:
    """Question kind ``derivation``: first line vs ``start``, last vs ``answer``; scored by the
    question's ``partial_credit`` (:mod:`graders.grading.credit`)."""
    from ..bank.variants import fill
    from .credit import with_credit

    result = _Derivation(answer, q.symbols, limits).check(fill(q.start, values), fill(q.answer, values))
    return with_credit(result, q.partial_credit)
