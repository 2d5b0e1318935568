"""Validation preview: how an answer was read, before any grading.

>>> p = preview("2θ(1-θ)")
>>> p.valid, p.parsed, p.variables
(True, '2*θ*(1 - θ)', ('θ',))
>>> preview("2*(x").caret
'2*(x\\n  ^'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .errors import InputError
from .messages import describe
from .result import Text

__all__ = ["Preview", "preview"]


@dataclass(frozen=True)
class Preview:
    valid: bool
    parsed: str = ""
    latex: str = ""
    pretty: str = ""
    variables: tuple[str, ...] = ()
    shape: str = ""
    feedback: Text = Text()
    note: str = ""
    caret: str = ""

    @property
    def exit_code(self) -> int:
        return 0 if self.valid else 2

    def to_dict(self) -> dict:
        d = asdict(self)
        d["variables"] = list(self.variables)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Preview":
        return cls(**{**d, "variables": tuple(d["variables"]), "feedback": Text(**d["feedback"])})


def preview(text: str, question=None, *, seed: int | None = None) -> Preview:
    """Parse, limit-check and build ``text`` (against ``question``'s symbols if given).

    A multi-line answer (a derivation) is previewed line by line.
    """
    from .derive import split_lines

    lines = split_lines(text)
    if len(lines) > 1:
        parts = [(n, _preview_one(line[1:].strip() if line.startswith("=") else line, question, seed))
                 for n, line in lines]
        eqs = ["= " if line.startswith("=") else "" for _, line in lines]
        bad = next(((n, p) for n, p in parts if not p.valid), None)
        if bad:
            n, p = bad
            return Preview(False, feedback=Text(f"第 {n} 行：", f"Line {n}:") + p.feedback, note=p.note, caret=p.caret)
        names = tuple(sorted({v for _, p in parts for v in p.variables}))
        return Preview(True, "\n".join(e + p.parsed for e, (_, p) in zip(eqs, parts)),
                       " \\\\ ".join(e + p.latex for e, (_, p) in zip(eqs, parts)), "", names, "", note="valid")
    return _preview_one(text, question, seed)


def _preview_one(text: str, question, seed: int | None) -> Preview:
    import sympy as sp

    from .build import Env, build
    from .grade import question_env, read
    from .names import display_name
    from .printer import to_latex, to_plain
    from .tree import Name, Sum, walk

    try:
        env = question_env(question, seed)[0] if question is not None else Env()
        allow_eq = question is None or question.kind == "derivation"
        tree = read(text, env.values, allow_eq=allow_eq)
        bound = {n.index for n in walk(tree) if isinstance(n, Sum)}
        names = sorted({n.name for n in walk(tree) if isinstance(n, Name) and n.name not in bound})
        from .tree import Eq

        built = None if isinstance(tree, Eq) else build(tree, env)
    except InputError as exc:
        feedback, caret = describe(exc, text)
        return Preview(False, feedback=feedback, note=exc.code, caret=caret)
    shape = ""
    pretty = ""
    if built is not None:
        if isinstance(built, sp.MatrixBase):
            shape = f"{built.shape[0]}×{built.shape[1]}"
        else:
            pretty = sp.pretty(built, use_unicode=True) if sp.count_ops(built) < 200 else ""
    from .messages import message
    from .tree import Call

    notes = Text()
    if any(isinstance(n, Call) and n.func in ("log", "ln") for n in walk(tree)):
        notes = message("natural-log")
    if "e" in names and "e" not in env.values:
        notes = notes + message("euler-e")
    return Preview(True, to_plain(tree), to_latex(tree), pretty, tuple(display_name(n) for n in names), shape,
                   feedback=notes, note="valid")
