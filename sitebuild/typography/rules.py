"""The Chinese typography rules, on one line of text: what is wrong and how to fix it.

The text may hold two kinds of placeholder (one character each, from Unicode private-use
planes) standing for something the rules must not touch:

* an *opaque* placeholder (code, maths, a URL, a snippet marker) is neither Chinese nor
  Latin: half-width punctuation next to a code span stays half-width;
* a *transparent* placeholder (an HTML tag, link syntax ``[``, ``](target)``, emphasis
  ``**``) is invisible on the page, so the rules look through it: ``[损失](x.md):`` is
  ``损失:`` to the reader.

The rules (each a name in :data:`RULES`, zh + en in the checker's report):

======================  ====================================================================
``cjk-space``           no space between two CJK characters (or CJK punctuation)
``cjk-latin-space``     one space between a Han character and a Latin letter or digit
                        (``使用 PyTorch 训练 3 轮``): the convention the zh pages already
                        followed everywhere (1,324 such joins with a space, none without, when
                        this rule was written); next to code or maths nothing is added or removed
``halfwidth-punct``     ``, ; : ! ?`` next to a CJK character become ``，；：！？``; inside an
                        English run (no CJK neighbour) they stay half-width
``halfwidth-paren``     a pair ``( )`` that holds CJK, or that holds an English phrase and
                        touches CJK outside, becomes ``（ ）``; notation stays half-width:
                        ``f(x)``, ``σ(z)``, ``(0.2, 0.7)``, ``1/(1 + e⁻¹)``
``straight-quote``      ``"…"`` in a line with CJK becomes ``“…”``; ``'…'`` next to or around
                        CJK becomes ``‘…’``; an apostrophe (``Adam's``) and code written
                        as text (``padding='valid'``) stay, the latter reported
======================  ====================================================================

:func:`fix_text` applies them (idempotently: fixing fixed text changes nothing) and says
what it changed; :func:`check_text` reports what :func:`fix_text` would change plus what it
cannot fix (an unpaired quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitebuild.typography.chars import (
    ASCII_ALNUM,
    HAN,
    OPAQUE_BASE,
    SPACE,
    TRANSPARENT_BASE,
    drop_spaces,
    glued,
    glued_after,
    has_cjk,
    horizontal_run,
    is_cjk,
    is_opaque,
    is_tight,
    is_transparent,
    latin,
    next_visible,
    prev_visible,
)

__all__ = [
    "Finding",
    "OPAQUE_BASE",
    "RULES",
    "TRANSPARENT_BASE",
    "check_text",
    "fix_quotes",
    "fix_text",
    "has_cjk",
    "is_cjk",
    "is_tight",
    "leftovers",
]


RULES: dict[str, tuple[str, str]] = {
    "cjk-space": ("汉字之间的空格", "a space between two CJK characters"),
    "halfwidth-punct": ("汉字旁的半角标点", "half-width punctuation next to CJK"),
    "halfwidth-paren": ("汉字旁的半角括号", "half-width parentheses next to CJK"),
    "straight-quote": ("中文里的直引号", "a straight quote in Chinese text"),
    "cjk-latin-space": ("汉字与西文、数字之间缺空格", "no space between a Han character and a Latin letter or digit"),
}

_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_MATH = re.compile(r"[=+*/^_\\()<>−×·⊙∂∑∏√≤≥≠≈∈]")  # an expression, not an English phrase


@dataclass(frozen=True)
class Finding:
    """One rule broken: ``rule`` (a key of :data:`RULES`) and the text around it."""

    rule: str
    context: str


def _context(s: str, i: int, width: int = 12) -> str:
    out = s[max(0, i - width) : i + width + 1]
    out = "".join("·" if is_opaque(c) else "" if is_transparent(c) else c for c in out)
    return out.replace("\n", "⏎")


def _fix_spaces(s: str, found: list[Finding]) -> str:
    drop: set[int] = set()
    for m in re.finditer(f"[{SPACE}]+", s):
        before, _ = prev_visible(s, m.start(), spaces=False)
        after, _ = next_visible(s, m.end() - 1, spaces=False)
        if before is None or after is None or "\n" in m.group():
            continue  # line ends are the line-joiner's business (the source format's)
        if is_tight(before) and is_tight(after) and (is_cjk(before) or is_cjk(after)):
            found.append(Finding("cjk-space", _context(s, m.start())))
            drop.update(range(m.start(), m.end()))
    return drop_spaces(s, set(), drop)


def _starts_line(s: str, i: int) -> bool:
    line = s[s.rfind("\n", 0, i) + 1 : i]
    return all(c in SPACE or is_transparent(c) for c in line)


def _fix_punct(s: str, found: list[Finding]) -> str:
    chars, drop = list(s), set()
    for i, c in enumerate(s):
        if c not in _PUNCT:
            continue
        before, _ = prev_visible(s, i)
        after, _ = next_visible(s, i)
        if before is None or _starts_line(s, i):
            continue  # a definition list's ":", nothing to join it to
        if not (is_cjk(before) or is_cjk(after)):
            continue
        if c in ":," and before and after and before.isdigit() and after.isdigit():
            continue
        found.append(Finding("halfwidth-punct", _context(s, i)))
        chars[i] = _PUNCT[c]
        drop |= horizontal_run(s, i, -1) | horizontal_run(s, i, +1)
    return drop_spaces("".join(chars), set(), drop)


def _pairs(s: str, opening: str, closing: str) -> tuple[list[tuple[int, int]], list[int]]:
    stack, pairs, lone = [], [], []
    for i, c in enumerate(s):
        if c in opening:
            stack.append(i)
        elif c in closing:
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    return pairs, lone + stack


def _fix_parens(s: str, found: list[Finding]) -> str:
    chars, drop = list(s), set()
    for i, j in _pairs(s, "(（", ")）")[0]:
        if s[i] == "（" and s[j] == "）":
            continue
        inner = s[i + 1 : j]
        outside = is_cjk(prev_visible(s, i)[0]) or is_cjk(next_visible(s, j)[0])
        prose = bool(_LATIN_WORD.search(inner)) and not _MATH.search(inner)
        if s[i] == "(" and s[j] == ")" and (glued(s, i) or glued_after(s, j) or (_MATH.search(inner) and not outside)):
            continue  # notation: f(x), p(原词元), 3×3×(通道数), (Ax)_k, Σ (残差 · x)
        if not (has_cjk(inner) or "（" in (s[i], s[j]) or "）" in (s[i], s[j]) or (outside and prose)):
            continue
        found.append(Finding("halfwidth-paren", _context(s, i)))
        chars[i], chars[j] = "（", "）"
        for k in (i, j):
            drop |= horizontal_run(s, k, -1) | horizontal_run(s, k, +1)
    return drop_spaces("".join(chars), set(), drop)


def _fix_quotes(s: str, found: list[Finding]) -> str:
    if not has_cjk(s):
        return s
    chars = list(s)
    doubles = [i for i, c in enumerate(s) if c == '"']
    for a, b in zip(doubles[::2], doubles[1::2], strict=False):
        found.append(Finding("straight-quote", _context(s, a)))
        chars[a], chars[b] = "\u201c", "\u201d"
    opened = None
    for i, c in enumerate(s):
        if c != "'":
            continue
        if opened is None:
            if not glued(s, i):  # glued to what is before it: a prime (σ'), an apostrophe, code (x='a')
                opened = i
            continue
        if i + 1 < len(s) and latin(s[i + 1]):
            continue  # an apostrophe inside the quote (it's)
        a, b, opened = opened, i, None
        if has_cjk(s[a + 1 : b]) or is_cjk(prev_visible(s, a)[0]) or is_cjk(next_visible(s, b)[0]):
            found.append(Finding("straight-quote", _context(s, a)))
            chars[a], chars[b] = "\u2018", "\u2019"
    return "".join(chars)


def _fix_latin_spaces(s: str, found: list[Finding]) -> str:
    """A space between a Han character and a Latin letter or digit that touch (the book's
    convention: ``使用 PyTorch 训练 3 轮``). With markup between them (``中**A**``,
    ``是[MSE](x)``) the right place for the space depends on the markup: left to the
    checker's report and a human."""
    out = []
    for i, c in enumerate(s):
        out.append(c)
        after = s[i + 1] if i + 1 < len(s) else ""
        if (HAN.fullmatch(c) and ASCII_ALNUM.fullmatch(after)) or (ASCII_ALNUM.fullmatch(c) and HAN.fullmatch(after)):
            found.append(Finding("cjk-latin-space", _context(s, i)))
            out.append(" ")
    return "".join(out)


def fix_quotes(text: str) -> tuple[str, list[Finding]]:
    """``text`` with its straight quotes paired and made curly (the ``straight-quote`` rule
    alone: a Markdown paragraph's quotes are paired across its lines)."""
    found: list[Finding] = []
    return _fix_quotes(text, found), found


def fix_text(text: str, quotes: bool = True) -> tuple[str, list[Finding]]:
    """``text`` with the rules applied (the quotes only if ``quotes``), and what was changed.

    >>> fix_text("见下表:损失函数 (loss) 的值")[0]
    '见下表：损失函数（loss）的值'
    """
    found: list[Finding] = []
    out = text
    for rule in ((_fix_quotes,) if quotes else ()) + (_fix_parens, _fix_punct, _fix_spaces, _fix_latin_spaces):
        out = rule(out, found)
    return out, found


def leftovers(s: str) -> list[Finding]:
    """What the fixer leaves as it cannot decide: unpaired quotes and parentheses (a pair
    may span two source lines, code written as text may hold them), and a Han character and
    a Latin letter or digit with only markup between them.

    >>> [f.rule for f in leftovers('一个"落单的引号')]
    ['straight-quote']
    """
    out = []
    for i, c in enumerate(s):
        after, j = next_visible(s, i, spaces=False)
        if (
            j > i + 1
            and after
            and (
                (HAN.fullmatch(c) and ASCII_ALNUM.fullmatch(after))
                or (ASCII_ALNUM.fullmatch(c) and HAN.fullmatch(after))
            )
        ):
            out.append(Finding("cjk-latin-space", _context(s, i)))
    if has_cjk(s):
        out += [Finding("straight-quote", _context(s, i)) for i, c in enumerate(s) if c == '"']
    for i in _pairs(s, "(（", ")）")[1]:
        if s[i] in "()" and (
            is_cjk(prev_visible(s, i, spaces=False)[0]) or is_cjk(next_visible(s, i, spaces=False)[0])
        ):
            out.append(Finding("halfwidth-paren", _context(s, i)))
    for i, c in enumerate(s):
        glued_cjk = i + 1 < len(s) and bool(HAN.fullmatch(s[i + 1]))  # 'a'的 (x='a'、 is code)
        if c == "'" and (
            glued_cjk or (not glued(s, i) and (is_cjk(prev_visible(s, i)[0]) or is_cjk(next_visible(s, i)[0])))
        ):
            out.append(Finding("straight-quote", _context(s, i)))
    return out


def check_text(text: str) -> list[Finding]:
    """What breaks the rules in ``text``: what :func:`fix_text` would change, and what it
    leaves because it cannot decide (an unpaired quote).

    >>> [f.rule for f in check_text("中文 中文")]
    ['cjk-space']
    """
    fixed, found = fix_text(text)
    return found + leftovers(fixed)
