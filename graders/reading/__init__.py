"""Stage 1, reading: an answer's text becomes a typed, size-checked tree.

``normalize`` (characters as typed) → ``lexer``/``latex_lexer`` (tokens) → ``plain``/``latex``
(Pratt parsers, names resolved against the question's ``symbols``) → ``tree`` → ``limits``
(sizes, before anything is built). ``functions`` is the one table of functions every stage reads;
``printer`` echoes a tree back as plain text and LaTeX. Nothing here evaluates anything or imports
SymPy, and nothing ever reaches ``eval``.

>>> from graders.reading.printer import to_plain
>>> to_plain(read("2θ(1-θ)"))
'2*θ*(1 - θ)'
"""

from __future__ import annotations

from ..errors import LimitError, ParseError
from .limits import DEFAULT, Limits, check
from .symbols import NO_SYMBOLS, Symbols, Variable
from .tree import Node

__all__ = ["parse", "read", "is_latex", "Limits", "DEFAULT", "Symbols", "Variable", "NO_SYMBOLS"]


def is_latex(text: str) -> bool:
    """LaTeX if the answer uses a backslash command or braces."""
    return "\\" in text or "{" in text


def parse(
    text: str,
    *,
    symbols: Symbols = NO_SYMBOLS,
    limits: Limits = DEFAULT,
    allow_eq: bool = True,
    allow_label: bool = False,
) -> Node:
    """Read ``text`` (plain or LaTeX) into a tree; raise a typed :class:`InputError`.

    ``allow_eq``: the text may be an equation; ``allow_label``: it may start with a label
    (``θ_new = …``, an ``Eq`` marked ``label``)."""
    if len(text) > limits.max_chars:
        raise LimitError("too-long", pos=limits.max_chars, limit=limits.max_chars)
    if not text.strip():
        raise ParseError("empty", pos=0)
    if is_latex(text):
        from .latex import LatexParser

        parser = LatexParser(text, limits=limits, symbols=symbols)
    else:
        from .lexer import tokenize
        from .plain import Parser

        parser = Parser(tokenize(text), text, limits=limits, symbols=symbols)
    return parser.parse_all(allow_eq=allow_eq, allow_label=allow_label)


def read(
    text: str,
    symbols: Symbols = NO_SYMBOLS,
    *,
    limits: Limits = DEFAULT,
    allow_eq: bool = False,
    allow_label: bool = False,
) -> Node:
    """:func:`parse`, then the size limits: the tree is then safe to evaluate and to build."""
    tree = parse(text, symbols=symbols, limits=limits, allow_eq=allow_eq, allow_label=allow_label)
    check(tree, limits)
    return tree
