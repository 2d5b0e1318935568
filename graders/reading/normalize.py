"""Characters as people type them, mapped onto the answer syntax before tokens are read.

* Unicode superscripts and subscripts: ``x²`` is ``x^(2)``, ``10⁻⁴`` is ``10^(-4)``, ``β₀`` is
  ``β_0``, ``ŷᵢ`` is ``ŷ_i``, ``Wᵀ`` stays the transpose mark.
* Vulgar fractions: ``½`` is ``(1/2)``; ``3½`` is refused (write ``3 + 1/2``).
* Compatibility forms by NFKC: full-width digits, letters and operators (``１００``, ``（``, ``＋``),
  mathematical alphanumerics, the micro sign ``µ`` (read as μ).
* Invisible and bidirectional control characters, and letters of other scripts that look like
  Latin letters or digits (Cyrillic ``х``), are errors: never read silently.

Every output character remembers the offset of the character it came from, so tokens (and every
caret drawn later) point into the text as it was typed.

>>> normalize("x²+β₀")
('x^(2)+β_0', [0, 1, 1, 1, 1, 2, 3, 4, 4])
>>> normalize("１００")[0], normalize("10⁻⁴")[0], normalize("½x")[0]
('100', '10^(-4)', '(1/2)x')
"""

from __future__ import annotations

import unicodedata

from ..errors import ParseError
from .names import UNICODE_GREEK

__all__ = ["normalize", "INVISIBLE", "PRECOMPOSED"]

INVISIBLE = (
    {0x00AD, 0x034F, 0x061C, 0x180E, 0xFEFF}
    | set(range(0x200B, 0x2010))
    | set(range(0x202A, 0x202F))
    | set(range(0x2060, 0x206A))
)
_SUPER = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿⁱˣʸᵃᵇᶜᵈᵉᵏᵐᵗ", "0123456789+-()nixyabcdekmt", strict=False))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼᵣᵤᵥ", "0123456789aeoxhklmnpstijruv", strict=False))
_VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
    "⅐": "1/7",
    "⅑": "1/9",
    "⅒": "1/10",
}
#: letters with a hat that are names (``ŷ`` is ``yhat``); kept as they are
PRECOMPOSED = {"ŷ": "yhat", "Ŷ": "Yhat", "ô": "ohat"}
#: scripts whose letters look like Latin letters (Cyrillic х, Greek ο): named in the error
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC", "LATIN")
#: characters the lexers read themselves (NFKC would change them)
_KEEP = set("ᵀ⊤·×÷−–⊙∘√∂⌊⌋⌈⌉∑") | set(PRECOMPOSED) | set(UNICODE_GREEK)


def normalize(text: str) -> tuple[str, list[int]]:
    """The text in the answer syntax's alphabet and, per output character, its source offset."""
    out: list[str] = []
    pos: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        code = ord(ch)
        if code in INVISIBLE:
            raise ParseError("invisible-char", pos=i, char=f"U+{code:04X}")
        if ch in _SUPER or ch in _SUB:
            table, mark = (_SUPER, "^") if ch in _SUPER else (_SUB, "_")
            j = i
            while j < n and text[j] in table:
                j += 1
            run = "".join(table[c] for c in text[i:j])
            piece = f"^({run})" if mark == "^" else f"_{run}"
            if mark == "_" and j < n and text[j].isalnum():
                piece += " "  # β₁x is β_1 times x: the subscript ends where its characters end
            out.extend(piece)
            pos.extend([i] * len(piece))
            i = j
            continue
        if ch in _VULGAR:
            if out and out[-1].isdigit():
                raise ParseError("mixed-number", pos=i, char=ch)
            piece = f"({_VULGAR[ch]})"
            out.extend(piece)
            pos.extend([i] * len(piece))
            i += 1
            continue
        if code < 128 or ch in _KEEP:
            out.append(ch)
            pos.append(i)
            i += 1
            continue
        mapped = unicodedata.normalize("NFKC", ch)
        if mapped != ch and all(ord(c) < 128 or c in _KEEP for c in mapped):
            out.extend(mapped)
            pos.extend([i] * len(mapped))
        elif ch.isdigit() or (ch.isalpha() and unicodedata.name(ch, "").startswith(_LOOKALIKE_SCRIPTS)):
            raise ParseError("confusable-char", pos=i, char=ch, name=unicodedata.name(ch, "?"))
        elif ch.isalpha():
            raise ParseError("bad-char", pos=i, char=ch)
        else:
            out.append(ch)  # the lexer decides (a space, an operator, or a bad character)
            pos.append(i)
        i += 1
    return "".join(out), pos
