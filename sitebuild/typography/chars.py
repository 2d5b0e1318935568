"""Characters of Chinese text for the typography rules: classes (CJK, Han, what takes no
space beside it), the placeholders that stand for protected spans, and how to find the
visible neighbours of a position (looking through transparent placeholders).
"""

from __future__ import annotations

import re

__all__ = [
    "ASCII_ALNUM",
    "HAN",
    "OPAQUE_BASE",
    "SPACE",
    "TRANSPARENT_BASE",
    "drop_spaces",
    "glued",
    "glued_after",
    "has_cjk",
    "horizontal_run",
    "is_cjk",
    "is_opaque",
    "is_tight",
    "is_transparent",
    "latin",
    "next_visible",
    "prev_visible",
]

OPAQUE_BASE = 0xF0000  # plane 15 private use: one character per protected span
TRANSPARENT_BASE = 0x100000  # plane 16 private use
_PLANE = 0xFFFD

# Han ideographs, CJK symbols and punctuation, full-width forms
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff60"
_CJK_RE = re.compile(f"[{_CJK}]")
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ASCII_ALNUM = re.compile("[A-Za-z0-9]")
# what a space is not wanted next to (CJK, plus the quotes, dash and ellipsis of Chinese text)
_TIGHT = _CJK + "\u201c\u201d\u2018\u2019\u2014\u2026"
_TIGHT_RE = re.compile(f"[{_TIGHT}]")
SPACE = " \t\u00a0\n"


def latin(c: str) -> bool:
    return c.isalnum() and not is_cjk(c)


def glued_after(s: str, j: int) -> bool:
    """Whether the character after ``j`` is glued to it (``)_k``, ``)²``)."""
    return j + 1 < len(s) and (latin(s[j + 1]) or s[j + 1] in "_^'²³ᵀ⁻¹")


def glued(s: str, i: int) -> bool:
    """Whether the character before ``i`` is glued to it (``f(``, ``x='``): notation, not prose."""
    return i > 0 and not (s[i - 1] in SPACE or is_cjk(s[i - 1]) or is_transparent(s[i - 1]))


def is_transparent(c: str) -> bool:
    return TRANSPARENT_BASE <= ord(c) < TRANSPARENT_BASE + _PLANE


def is_opaque(c: str) -> bool:
    return OPAQUE_BASE <= ord(c) < OPAQUE_BASE + _PLANE


def is_cjk(c: str | None) -> bool:
    """Whether ``c`` is a CJK character (ideograph, CJK or full-width punctuation)."""
    return c is not None and bool(_CJK_RE.fullmatch(c))


def is_tight(c: str | None) -> bool:
    """Whether no space belongs next to ``c`` in Chinese text (CJK, “”‘’, —, …)."""
    return c is not None and bool(_TIGHT_RE.fullmatch(c))


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a CJK character."""
    return bool(_CJK_RE.search(text))


def prev_visible(s: str, i: int, spaces: bool = True) -> tuple[str | None, int]:
    """The visible character before index ``i`` (skipping transparent placeholders, and
    spaces when ``spaces``) and its index."""
    j = i - 1
    while j >= 0 and (is_transparent(s[j]) or (spaces and s[j] in SPACE)):
        j -= 1
    return (s[j], j) if j >= 0 else (None, -1)


def next_visible(s: str, i: int, spaces: bool = True) -> tuple[str | None, int]:
    j = i + 1
    while j < len(s) and (is_transparent(s[j]) or (spaces and s[j] in SPACE)):
        j += 1
    return (s[j], j) if j < len(s) else (None, len(s))


def drop_spaces(s: str, keep: set[int], drop: set[int]) -> str:
    return "".join(c for k, c in enumerate(s) if k not in drop or k in keep)


def horizontal_run(s: str, i: int, step: int) -> set[int]:
    """Indices of the spaces (and tabs) next to ``i`` in direction ``step``, not crossing a
    line end or a visible character; transparent placeholders are crossed, not dropped."""
    out, j = set(), i + step
    while 0 <= j < len(s) and (s[j] in " \t\u00a0" or is_transparent(s[j])):
        if not is_transparent(s[j]):
            out.add(j)
        j += step
    return out
