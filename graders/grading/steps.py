"""One step of a derivation: how a line is split into its claimed link and its body, and how a
step's relation to the previous line becomes a verdict and a note (:mod:`graders.grading.derivation`
walks the lines)."""

from __future__ import annotations

from ..evaluation.show import point_text
from ..messages import message
from ..result import Text, Verdict

__all__ = ["split_lines", "split_link", "judge", "wrong_step_note"]


def split_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of the non-blank, non-comment lines."""
    return [
        (i, line.strip())
        for i, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#")
    ]


_LINKS = (
    ("<=>", "⇔"),
    ("⇔", "⇔"),
    ("⟺", "⇔"),
    (r"\Longleftrightarrow", "⇔"),
    (r"\Leftrightarrow", "⇔"),
    (r"\iff", "⇔"),
    ("=>", "⇒"),
    ("⇒", "⇒"),
    ("⟹", "⇒"),
    (r"\Longrightarrow", "⇒"),
    (r"\Rightarrow", "⇒"),
    (r"\implies", "⇒"),
)


def split_link(line: str) -> tuple[str, str]:
    r"""A line's claimed link to the line before, and the rest of the line.

    ``"⇒"`` (one-way implication), ``"⇔"`` (equivalence), ``"="`` (continue the expression) or ``""``
    (none: an equation after an equation claims ``⇔``). Only the start of a line can carry a link.

    >>> split_link(r"\implies x = 2"), split_link("=> x = 2"), split_link("= 2(x+1)"), split_link("x = 2")
    (('⇒', 'x = 2'), ('⇒', 'x = 2'), ('=', '2(x+1)'), ('', 'x = 2'))
    """
    for mark, link in _LINKS:
        if line.startswith(mark) and not (mark[0] == "\\" and line[len(mark) : len(mark) + 1].isalpha()):
            return link, line[len(mark) :].strip()
    return ("=", line[1:].strip()) if line.startswith("=") else ("", line)


def judge(rel, link: str) -> tuple[Verdict, Text]:
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


def wrong_step_note(eq) -> str:
    """Step note of a wrong expression step: ``≠`` and where (maths only, no words)."""
    return f"≠  {point_text(eq.point)}: {eq.left} ≠ {eq.right}" if eq.point else "≠"
