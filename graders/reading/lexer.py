"""Tokens of the plain answer syntax (``2*(theta-1)``, ``x^2``, ``σ(z)``, ``Wᵀ``, ``|x|``).

The text is first normalised (:mod:`graders.reading.normalize`: superscripts, subscripts,
full-width forms); token positions are offsets in the text as typed. Greek letters become names,
``−·×÷⊙ᵀ√`` their ASCII meaning, ``⌊⌋⌈⌉`` (floor, ceiling) and ``|`` (absolute value) are
brackets. Numbers that are easy to misread are refused, never guessed: ``1e`` (an exponent with no
digits) and ``0x64`` (hexadecimal).

>>> [t.text for t in tokenize("2θ² − ŷ")]
['2', 'theta', '^', '(', '2', ')', '-', 'yhat', '']
>>> [t.text for t in tokenize("log10(x) + ln0.6")]
['log10', '(', 'x', ')', '+', 'ln', '0.6', '']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ParseError
from .names import UNICODE_GREEK
from .normalize import PRECOMPOSED, normalize

__all__ = ["Token", "tokenize", "canonical", "read_number", "UNICODE_OPS"]


@dataclass(frozen=True)
class Token:
    kind: str  # NUM NAME OP EOF (LaTeX adds CMD and LETTERS)
    text: str
    pos: int


_NUM = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")
_SUB = re.compile(r"_[A-Za-z0-9]+")
#: function names glued to a number: ``ln0.6`` is ln(0.6) (``log10``/``log2`` are functions themselves)
_GLUED = re.compile(r"(exp|log|ln|sqrt|tanh|sin|cos|tan)(?=\d)[0-9]+$")
_BASE_LOGS = re.compile(r"(log10|log2)(?![0-9])")
_OPS = set("+-*/^()[],;=!@'|")
UNICODE_OPS = {
    "−": "-",
    "–": "-",
    "·": "*",
    "⋅": "*",
    "×": "*",
    "∙": "*",
    "÷": "/",
    "⊙": "⊙",
    "∘": "⊙",
    "ᵀ": "ᵀ",
    "⊤": "ᵀ",
    "⌊": "⌊",
    "⌋": "⌋",
    "⌈": "⌈",
    "⌉": "⌉",
}
_SPACE = " \t\r\n"
_HAT = "\u0302"


def canonical(ident: str) -> str:
    """``y_hat`` -> ``yhat``; ``y_hat_i`` -> ``yhat_i``; other names unchanged."""
    parts = ident.split("_")
    out = [parts[0]]
    for p in parts[1:]:
        if p == "hat" and len(out) == 1:
            out[0] += "hat"
        else:
            out.append(p)
    return "_".join(out)


def tokenize(text: str) -> list[Token]:
    """Split plain syntax into tokens; the last token is EOF at ``len(text)``."""
    norm, at = normalize(text)
    out: list[Token] = []
    i, n = 0, len(norm)
    while i < n:
        ch = norm[i]
        if ch in _SPACE:
            i += 1
            continue
        if ch.isdigit() or (ch == "." and i + 1 < n and norm[i + 1].isdigit()):
            i = read_number(norm, i, at, out)
            continue
        if ch.isascii() and ch.isalpha():
            m = _IDENT.match(norm, i)
            name, start, i = m.group(), i, m.end()
            base_log = _BASE_LOGS.match(name)
            glued = None if base_log else _GLUED.match(name)
            if base_log or glued:  # "log10(x)" is a function; "ln0.6" is ln(0.6), not a name "ln0"
                head = (base_log or glued).group(1)
                out.append(Token("NAME", head, at[start]))
                i = start + len(head)
                continue
            if i < n and norm[i] == _HAT:
                name, i = _hat(name), i + 1
            out.append(Token("NAME", canonical(name), at[start]))
            continue
        if ch in UNICODE_GREEK or ch in PRECOMPOSED:
            start, name = i, UNICODE_GREEK.get(ch) or PRECOMPOSED[ch]
            i += 1
            if i < n and norm[i] == _HAT:
                name, i = name + "hat", i + 1
            m = _SUB.match(norm, i)
            if m:
                name, i = name + m.group(), m.end()
            out.append(Token("NAME", name, at[start]))
            continue
        if ch == "*" and norm.startswith("**", i):
            out.append(Token("OP", "^", at[i]))
            i += 2
            continue
        if ch in _OPS or ch in UNICODE_OPS:
            out.append(Token("OP", UNICODE_OPS.get(ch, ch), at[i]))
            i += 1
            continue
        if ch == "√":
            out.append(Token("NAME", "sqrt", at[i]))
            i += 1
            continue
        if ch == "∂":
            out.append(Token("NAME", "d", at[i]))
            i += 1
            continue
        raise ParseError("bad-char", pos=at[i], char=text[at[i]])
    out.append(Token("EOF", "", len(text)))
    return out


def read_number(norm: str, i: int, at: list[int], out: list[Token]) -> int:
    """Read one number at ``i``; refuse ``0x64`` and an exponent without digits (``1e``, ``2e-``)."""
    m = _NUM.match(norm, i)
    end = m.end()
    nxt = norm[end : end + 1]
    if m.group() == "0" and nxt in ("x", "X", "b", "B", "o", "O") and norm[end + 1 : end + 2].isalnum():
        raise ParseError("hex-number", pos=at[i], number=norm[i : _IDENT.match(norm, end).end()])
    if nxt in ("e", "E") and "e" not in m.group().lower():
        after = norm[end + 1 : end + 2]
        if after in ("", "+", "-"):
            raise ParseError("incomplete-exponent", pos=at[i], number=norm[i : end + 1 + len(after)])
    out.append(Token("NUM", m.group(), at[i]))
    return end


def _hat(name: str) -> str:
    base, _, sub = name.partition("_")
    return base + "hat" + (f"_{sub}" if sub else "")
