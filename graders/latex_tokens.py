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

from .errors import ParseError
from .lexer import _UNICODE_OPS, Token, check_chars
from .names import UNICODE_GREEK

__all__ = ["tokenize_latex", "SKIP"]

SKIP = {",", ";", ":", "!", " ", "quad", "qquad", "displaystyle", "textstyle", "limits", "nolimits",
        "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr"}
_NUM = re.compile(r"\d+\.?\d*|\.\d+")
#: delimiter commands that are brackets of the plain syntax
FLOOR_CEIL = {"lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉"}
_DELIMS = {"{": "(", "}": ")", "lbrace": "(", "rbrace": ")", "langle": "(", "rangle": ")", "vert": "|", "|": "|",
           ".": "", **FLOOR_CEIL}


def tokenize_latex(text: str) -> list[Token]:
    check_chars(text)
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n\u00a0\u3000~":
            i += 1
        elif ch == "\\":
            m = re.compile(r"[A-Za-z]+").match(text, i + 1)
            name = m.group() if m else text[i + 1 : i + 2]
            if not name:
                raise ParseError("unexpected-end", pos=i)
            if name not in SKIP:
                if name in ("left", "right"):  # \left( ... \right): the delimiter is the token
                    j = i + 1 + len(name)
                    while j < n and text[j] == " ":
                        j += 1
                    if j < n and text[j] == "\\":
                        d = re.compile(r"\\([A-Za-z]+|.)").match(text, j)
                        delim, end = d.group(1), d.end()
                    else:
                        delim, end = text[j : j + 1], j + 1
                    mapped = _DELIMS.get(delim, delim)
                    if mapped not in ("(", ")", "[", "]", "|", "", "⌊", "⌋", "⌈", "⌉"):
                        raise ParseError("unexpected", pos=j, token=delim)
                    if mapped:
                        out.append(Token("OP", mapped, i))
                    i = end
                    continue
                out.append(Token("OP", FLOOR_CEIL[name], i) if name in FLOOR_CEIL else Token("CMD", name, i))
            i += 1 + len(name)
        elif ch.isascii() and (ch.isdigit() or ch == "."):
            m = _NUM.match(text, i)
            if not m:
                raise ParseError("bad-char", pos=i, char=ch)
            out.append(Token("NUM", m.group(), i))
            i = m.end()
        elif ch.isascii() and ch.isalpha():
            m = re.compile(r"[A-Za-z]+").match(text, i)
            out.append(Token("LETTERS", m.group(), i))
            i = m.end()
        elif ch in UNICODE_GREEK:
            out.append(Token("CMD", UNICODE_GREEK[ch], i))
            i += 1
        elif ch in "+-*/^_()[],=!{}|'&" or ch in _UNICODE_OPS:
            out.append(Token("OP", _UNICODE_OPS.get(ch, ch), i))
            i += 1
        else:
            raise ParseError("bad-char", pos=i, char=ch)
    out.append(Token("EOF", "", n))
    return out
