"""Validation preview: how an answer was read, before any grading (no SymPy needed).

What a reader sees while typing: the answer printed back in plain text and LaTeX with every
multiplication and bracket explicit (``ab^2`` shows as ``a*b^2``), the variables it uses, its shape,
notes on how ``log`` and ``e`` are read, or the error with a caret. A multi-line answer (a
derivation) is previewed line by line.

>>> p = preview("2θ(1-θ)")
>>> p.valid, p.parsed, p.variables
(True, '2*θ*(1 - θ)', ('θ',))
>>> preview("2*(x").caret
'2*(x\\n  ^'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..errors import InputError
from ..messages import describe, message
from ..reading import read
from ..reading.printer import to_latex, to_plain
from ..reading.symbols import NO_SYMBOLS, Symbols
from ..reading.tree import Call, Eq, Name, walk
from ..result import Text
from .common import shown
from .steps import split_lines, split_link

__all__ = ["Preview", "preview"]


@dataclass(frozen=True)
class Preview:
    valid: bool
    parsed: str = ""
    latex: str = ""
    pretty: str = ""
    variables: tuple[str, ...] = ()
    shape: str = ""
    feedback: Text = field(default_factory=Text)
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
    def from_dict(cls, d: dict) -> Preview:
        return cls(**{**d, "variables": tuple(d["variables"]), "feedback": Text(**d["feedback"])})


def preview(text: str, question=None, *, pretty: bool = False) -> Preview:
    """Read ``text`` against ``question``'s symbols (if given). ``pretty`` adds SymPy's
    two-dimensional rendering (the command line shows it; it imports SymPy)."""
    symbols = question.symbols if question is not None else NO_SYMBOLS
    derivation = question is None or question.kind == "derivation"
    lines = split_lines(text)
    if len(lines) > 1:
        parts = [(n, _one(split_link(line)[1], symbols, derivation, False)) for n, line in lines]
        links = [split_link(line)[0] for _, line in lines]
        bad = next(((n, p) for n, p in parts if not p.valid), None)
        if bad:
            n, p = bad
            return Preview(False, feedback=message("on-line", line=n) + p.feedback, note=p.note, caret=p.caret)
        names = tuple(sorted({v for _, p in parts for v in p.variables}))
        prefix = [f"{link} " if link else "" for link in links]
        return Preview(
            True,
            "\n".join(e + p.parsed for e, (_, p) in zip(prefix, parts, strict=False)),
            " \\\\ ".join(e + p.latex for e, (_, p) in zip(prefix, parts, strict=False)),
            "",
            names,
            "",
            note="valid",
        )
    return _one(text, symbols, derivation, pretty)


def _one(text: str, symbols: Symbols, derivation: bool, pretty: bool) -> Preview:
    from ..evaluation.compile import compile_tree
    from ..evaluation.equivalence import Space
    from ..evaluation.values import Undecided

    try:
        tree = read(text, symbols, allow_eq=derivation, allow_label=True)
        body = tree.right if isinstance(tree, Eq) and tree.label else tree
        shape = None
        if not isinstance(body, Eq):
            try:
                shape = compile_tree(body, Space.of(symbols).scope)[1]
            except Undecided:
                shape = _sympy_shape(body, symbols)
    except InputError as exc:
        feedback, caret = describe(exc, text)
        return Preview(False, feedback=feedback, note=exc.code, caret=caret)
    echo = shown(tree, symbols)
    notes = Text()
    if any(isinstance(n, Call) and n.func == "log" for n in walk(tree)):
        notes = message("natural-log")
    if any(isinstance(n, Name) and n.name == "e" for n in walk(tree)) and "e" not in symbols:
        notes = notes + message("euler-e")
    drawn = _pretty(body, symbols) if pretty and not isinstance(body, Eq) else ""
    return Preview(
        True,
        to_plain(tree),
        to_latex(tree),
        drawn,
        echo["variables"],
        f"{shape[0]}×{shape[1]}" if shape else "",
        feedback=notes,
        note="valid",
    )


def _sympy_shape(tree, symbols: Symbols):
    """Shapes floats cannot follow (sums, derivatives): the SymPy builder's (which checks them)."""
    from ..symbolic.build import Env, build, is_matrix

    built = build(tree, Env.of(symbols))
    return tuple(built.shape) if is_matrix(built) else None


def _pretty(tree, symbols: Symbols) -> str:
    import sympy as sp

    from ..symbolic.build import Env, build

    built = build(tree, Env.of(symbols))
    if isinstance(built, sp.MatrixBase) or sp.count_ops(built) >= 200:
        return ""
    return sp.pretty(built, use_unicode=True)
