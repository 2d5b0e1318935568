r"""Tokens of the LaTeX subset: commands, braces, letter runs, numbers.

``\left(``/``\right)`` become plain brackets, ``\lfloor``/``\rfloor``/``\lceil``/``\rceil``
(also after ``\left``/``\right``) the brackets ``⌊⌋⌈⌉`` of the plain syntax, spacing commands
are dropped, and nothing is ever expanded (``\def`` is just an unknown command for the parser).

>>> [t.text for t in tokenize_latex(r"\frac{1}{n}\left(x\right)")]
['frac', '{', '1', '}', '{', 'n', '}', '(', 'x', ')', '']
>>> [t.text for t in tokenize_latex(r"\left\lfloor x \right\rfloor + \lceil y \rceil")]
['⌊', 'x', '⌋', '+', '⌈', 'y', '⌉', '']
"""

from __future__ import annotations

import re

from ..errors import ParseError
from .lexer import UNICODE_OPS, Token, read_number
from .names import UNICODE_GREEK
from .normalize import normalize

__all__ = ["tokenize_latex", "SKIP"]

SKIP = {
    ",",
    ";",
    ":",
    "!",
    " ",
    "quad",
    "qquad",
    "displaystyle",
    "textstyle",
    "limits",
    "nolimits",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
}
_WORD = re.compile(r"[A-Za-z]+")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
#: delimiter commands that are brackets of the plain syntax
FLOOR_CEIL = {"lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉"}
_DELIMS = {
    "{": "(",
    "}": ")",
    "lbrace": "(",
    "rbrace": ")",
    "langle": "(",
    "rangle": ")",
    "vert": "|",
    "|": "|",
    ".": "",
    **FLOOR_CEIL,
}


def tokenize_latex(text: str) -> list[Token]:
    norm, at = normalize(text)
    out: list[Token] = []
    i, n = 0, len(norm)
    while i < n:
        ch = norm[i]
        if ch in " \t\r\n~":
            i += 1
        elif ch == "\\":
            m = _WORD.match(norm, i + 1)
            name = m.group() if m else norm[i + 1 : i + 2]
            if not name:
                raise ParseError("unexpected-end", pos=at[i])
            if name in ("left", "right"):  # \left( ... \right): the delimiter is the token
                i = _delimiter(norm, i + 1 + len(name), at, out, start=at[i])
                continue
            if name not in SKIP:
                out.append(Token("OP", FLOOR_CEIL[name], at[i]) if name in FLOOR_CEIL else Token("CMD", name, at[i]))
            i += 1 + len(name)
        elif ch.isdigit() or (ch == "." and norm[i + 1 : i + 2].isdigit()):
            i = read_number(norm, i, at, out)
        elif ch.isascii() and ch.isalpha():
            m = _WORD.match(norm, i)
            out.append(Token("LETTERS", m.group(), at[i]))
            i = m.end()
        elif ch in UNICODE_GREEK:
            out.append(Token("CMD", UNICODE_GREEK[ch], at[i]))
            i += 1
        elif ch in "+-*/^_()[],=!{}|'&" or ch in UNICODE_OPS:
            out.append(Token("OP", UNICODE_OPS.get(ch, ch), at[i]))
            i += 1
        elif ch == "√":
            out.append(Token("CMD", "sqrt", at[i]))
            i += 1
        else:
            raise ParseError("bad-char", pos=at[i], char=text[at[i]])
    out.append(Token("EOF", "", len(text)))
    return out


def _delimiter(norm: str, j: int, at: list[int], out: list[Token], *, start: int) -> int:
    """The bracket after ``\\left``/``\\right``; returns the offset after it."""
    n = len(norm)
    while j < n and norm[j] == " ":
        j += 1
    if j < n and norm[j] == "\\":
        d = _COMMAND.match(norm, j)
        delim, end = d.group(1), d.end()
    else:
        delim, end = norm[j : j + 1], j + 1
    mapped = _DELIMS.get(delim, delim)
    if mapped not in ("(", ")", "[", "]", "|", "", "⌊", "⌋", "⌈", "⌉"):
        raise ParseError("unexpected", pos=at[j] if j < n else len(at), token=delim)
    if mapped:
        out.append(Token("OP", mapped, start))
    return end
