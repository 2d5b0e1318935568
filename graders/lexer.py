"""Tokens of the plain answer syntax (``2*(theta-1)``, ``x^2``, ``σ(z)``, ``Wᵀ``).

Unicode is read deliberately: Greek letters become names, ``−·×÷²ᵀ⊙√`` become their
ASCII meaning, full-width ``（），`` are accepted, ``⌊⌋⌈⌉`` (floor, ceiling) are brackets,
and invisible/bidirectional control characters or look-alike letters from other scripts
are errors (never silently read).

>>> [t.text for t in tokenize("2θ² − ŷ")]
['2', 'theta', '^', '2', '-', 'yhat', '']
>>> [t.text for t in tokenize("⌊n/2⌋")]
['⌊', 'n', '/', '2', '⌋', '']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import ParseError
from .names import UNICODE_GREEK

__all__ = ["Token", "tokenize", "canonical", "check_chars"]


@dataclass(frozen=True)
class Token:
    kind: str  # NUM NAME OP EOF (LaTeX adds CMD)
    text: str
    pos: int


_NUM = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")
_GLUED = re.compile(r"(exp|log|ln|sqrt|tanh|sin|cos|tan)(?=\d)[0-9]+$")
_OPS = set("+-*/^()[],;=!@'")
_UNICODE_OPS = {
    "−": "-", "–": "-", "·": "*", "⋅": "*", "×": "*", "∙": "*", "÷": "/",
    "⊙": "⊙", "∘": "⊙", "ᵀ": "ᵀ", "⊤": "ᵀ", "（": "(", "）": ")", "，": ",", "＝": "=",
    "［": "[", "］": "]", "⌊": "⌊", "⌋": "⌋", "⌈": "⌈", "⌉": "⌉",
}
_SUPERSCRIPTS = {"²": "2", "³": "3"}
_INVISIBLE = {0x00AD, 0x034F, 0x061C, 0x180E, 0xFEFF} | set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x2060, 0x206A))
_SPACE = " \t\r\n\u00a0\u3000"
_HAT = "\u0302"
_PRECOMPOSED = {"ŷ": "yhat", "Ŷ": "Yhat", "ô": "ohat"}


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


def check_chars(text: str) -> None:
    """Reject invisible, bidirectional-control and look-alike characters anywhere."""
    for i, ch in enumerate(text):
        if ord(ch) in _INVISIBLE:
            raise ParseError("invisible-char", pos=i, char=f"U+{ord(ch):04X}")
        if ord(ch) > 127 and ch.isalpha() and ch not in UNICODE_GREEK and ch not in _PRECOMPOSED and ch not in _UNICODE_OPS:
            raise ParseError("confusable-char", pos=i, char=ch, name=unicodedata.name(ch, "?"))
        if ord(ch) > 127 and ch.isdigit() and ch not in _SUPERSCRIPTS:
            raise ParseError("confusable-char", pos=i, char=ch, name=unicodedata.name(ch, "?"))


def tokenize(text: str) -> list[Token]:
    """Split plain syntax into tokens; the last token is EOF at ``len(text)``."""
    check_chars(text)
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _SPACE:
            i += 1
            continue
        if ch.isascii() and (ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1] in "0123456789")):
            m = _NUM.match(text, i)
            out.append(Token("NUM", m.group(), i))
            i = m.end()
            continue
        if ch.isascii() and ch.isalpha():
            m = _IDENT.match(text, i)
            name, i = m.group(), m.end()
            glued = _GLUED.match(name)
            if glued:  # "ln0.6" is ln(0.6), not a name "ln0"
                out.append(Token("NAME", glued.group(1), m.start()))
                i = m.start() + len(glued.group(1))
                continue
            if i < n and text[i] == _HAT:
                name, i = _hat(name), i + 1
            out.append(Token("NAME", canonical(name), m.start()))
            continue
        if ch in UNICODE_GREEK or ch in _PRECOMPOSED:
            start, name = i, UNICODE_GREEK.get(ch) or _PRECOMPOSED[ch]
            i += 1
            if i < n and text[i] == _HAT:
                name, i = name + "hat", i + 1
            m = re.compile(r"_[A-Za-z0-9]+").match(text, i)
            if m:
                name, i = name + m.group(), m.end()
            out.append(Token("NAME", name, start))
            continue
        if ch == "*" and text.startswith("**", i):
            out.append(Token("OP", "^", i))
            i += 2
            continue
        if ch in _OPS or ch in _UNICODE_OPS:
            out.append(Token("OP", _UNICODE_OPS.get(ch, ch), i))
            i += 1
            continue
        if ch in _SUPERSCRIPTS:
            out += [Token("OP", "^", i), Token("NUM", _SUPERSCRIPTS[ch], i)]
            i += 1
            continue
        if ch == "√":
            out.append(Token("NAME", "sqrt", i))
            i += 1
            continue
        if ch == "∂":
            out.append(Token("NAME", "d", i))
            i += 1
            continue
        raise ParseError("bad-char", pos=i, char=ch)
    out.append(Token("EOF", "", n))
    return out


def _hat(name: str) -> str:
    base, _, sub = name.partition("_")
    return base + "hat" + (f"_{sub}" if sub else "")
