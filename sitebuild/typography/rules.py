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

OPAQUE_BASE = 0xF0000  # plane 15 private use: one character per protected span
TRANSPARENT_BASE = 0x100000  # plane 16 private use
_PLANE = 0xFFFD

RULES: dict[str, tuple[str, str]] = {
    "cjk-space": ("汉字之间的空格", "a space between two CJK characters"),
    "halfwidth-punct": ("汉字旁的半角标点", "half-width punctuation next to CJK"),
    "halfwidth-paren": ("汉字旁的半角括号", "half-width parentheses next to CJK"),
    "straight-quote": ("中文里的直引号", "a straight quote in Chinese text"),
    "cjk-latin-space": ("汉字与西文、数字之间缺空格", "no space between a Han character and a Latin letter or digit"),
}

# Han ideographs, CJK symbols and punctuation, full-width forms
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff60"
_CJK_RE = re.compile(f"[{_CJK}]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")
# what a space is not wanted next to (CJK, plus the quotes, dash and ellipsis of Chinese text)
_TIGHT = _CJK + "\u201c\u201d\u2018\u2019\u2014\u2026"
_TIGHT_RE = re.compile(f"[{_TIGHT}]")
_SPACE = " \t\u00a0\n"
_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_MATH = re.compile(r"[=+*/^_\\()<>−×·⊙∂∑∏√≤≥≠≈∈]")  # an expression, not an English phrase


def _latin(c: str) -> bool:
    return c.isalnum() and not is_cjk(c)


def _glued_after(s: str, j: int) -> bool:
    """Whether the character after ``j`` is glued to it (``)_k``, ``)²``)."""
    return j + 1 < len(s) and (_latin(s[j + 1]) or s[j + 1] in "_^'²³ᵀ⁻¹")


def _glued(s: str, i: int) -> bool:
    """Whether the character before ``i`` is glued to it (``f(``, ``x='``): notation, not prose."""
    return i > 0 and not (s[i - 1] in _SPACE or is_cjk(s[i - 1]) or _is_transparent(s[i - 1]))


@dataclass(frozen=True)
class Finding:
    """One rule broken: ``rule`` (a key of :data:`RULES`) and the text around it."""

    rule: str
    context: str


def _is_transparent(c: str) -> bool:
    return TRANSPARENT_BASE <= ord(c) < TRANSPARENT_BASE + _PLANE


def _is_opaque(c: str) -> bool:
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


def _prev(s: str, i: int, spaces: bool = True) -> tuple[str | None, int]:
    """The visible character before index ``i`` (skipping transparent placeholders, and
    spaces when ``spaces``) and its index."""
    j = i - 1
    while j >= 0 and (_is_transparent(s[j]) or (spaces and s[j] in _SPACE)):
        j -= 1
    return (s[j], j) if j >= 0 else (None, -1)


def _next(s: str, i: int, spaces: bool = True) -> tuple[str | None, int]:
    j = i + 1
    while j < len(s) and (_is_transparent(s[j]) or (spaces and s[j] in _SPACE)):
        j += 1
    return (s[j], j) if j < len(s) else (None, len(s))


def _context(s: str, i: int, width: int = 12) -> str:
    out = s[max(0, i - width) : i + width + 1]
    out = "".join("·" if _is_opaque(c) else "" if _is_transparent(c) else c for c in out)
    return out.replace("\n", "⏎")


def _drop_spaces(s: str, keep: set[int], drop: set[int]) -> str:
    return "".join(c for k, c in enumerate(s) if k not in drop or k in keep)


def _horizontal_run(s: str, i: int, step: int) -> set[int]:
    """Indices of the spaces (and tabs) next to ``i`` in direction ``step``, not crossing a
    line end or a visible character; transparent placeholders are crossed, not dropped."""
    out, j = set(), i + step
    while 0 <= j < len(s) and (s[j] in " \t\u00a0" or _is_transparent(s[j])):
        if not _is_transparent(s[j]):
            out.add(j)
        j += step
    return out


def _fix_spaces(s: str, found: list[Finding]) -> str:
    drop: set[int] = set()
    for m in re.finditer(f"[{_SPACE}]+", s):
        before, _ = _prev(s, m.start(), spaces=False)
        after, _ = _next(s, m.end() - 1, spaces=False)
        if before is None or after is None or "\n" in m.group():
            continue  # line ends are the line-joiner's business (the source format's)
        if is_tight(before) and is_tight(after) and (is_cjk(before) or is_cjk(after)):
            found.append(Finding("cjk-space", _context(s, m.start())))
            drop.update(range(m.start(), m.end()))
    return _drop_spaces(s, set(), drop)


def _starts_line(s: str, i: int) -> bool:
    line = s[s.rfind("\n", 0, i) + 1 : i]
    return all(c in _SPACE or _is_transparent(c) for c in line)


def _fix_punct(s: str, found: list[Finding]) -> str:
    chars, drop = list(s), set()
    for i, c in enumerate(s):
        if c not in _PUNCT:
            continue
        before, _ = _prev(s, i)
        after, _ = _next(s, i)
        if before is None or _starts_line(s, i):
            continue  # a definition list's ":", nothing to join it to
        if not (is_cjk(before) or is_cjk(after)):
            continue
        if c in ":," and before and after and before.isdigit() and after.isdigit():
            continue
        found.append(Finding("halfwidth-punct", _context(s, i)))
        chars[i] = _PUNCT[c]
        drop |= _horizontal_run(s, i, -1) | _horizontal_run(s, i, +1)
    return _drop_spaces("".join(chars), set(), drop)


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
        outside = is_cjk(_prev(s, i)[0]) or is_cjk(_next(s, j)[0])
        prose = bool(_LATIN_WORD.search(inner)) and not _MATH.search(inner)
        if (
            s[i] == "("
            and s[j] == ")"
            and (_glued(s, i) or _glued_after(s, j) or (_MATH.search(inner) and not outside))
        ):
            continue  # notation: f(x), p(原词元), 3×3×(通道数), (Ax)_k, Σ (残差 · x)
        if not (has_cjk(inner) or "（" in (s[i], s[j]) or "）" in (s[i], s[j]) or (outside and prose)):
            continue
        found.append(Finding("halfwidth-paren", _context(s, i)))
        chars[i], chars[j] = "（", "）"
        for k in (i, j):
            drop |= _horizontal_run(s, k, -1) | _horizontal_run(s, k, +1)
    return _drop_spaces("".join(chars), set(), drop)


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
            if not _glued(s, i):  # glued to what is before it: a prime (σ'), an apostrophe, code (x='a')
                opened = i
            continue
        if i + 1 < len(s) and _latin(s[i + 1]):
            continue  # an apostrophe inside the quote (it's)
        a, b, opened = opened, i, None
        if has_cjk(s[a + 1 : b]) or is_cjk(_prev(s, a)[0]) or is_cjk(_next(s, b)[0]):
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
        if (_HAN.fullmatch(c) and _ASCII_ALNUM.fullmatch(after)) or (
            _ASCII_ALNUM.fullmatch(c) and _HAN.fullmatch(after)
        ):
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
        after, j = _next(s, i, spaces=False)
        if (
            j > i + 1
            and after
            and (
                (_HAN.fullmatch(c) and _ASCII_ALNUM.fullmatch(after))
                or (_ASCII_ALNUM.fullmatch(c) and _HAN.fullmatch(after))
            )
        ):
            out.append(Finding("cjk-latin-space", _context(s, i)))
    if has_cjk(s):
        out += [Finding("straight-quote", _context(s, i)) for i, c in enumerate(s) if c == '"']
    for i in _pairs(s, "(（", ")）")[1]:
        if s[i] in "()" and (is_cjk(_prev(s, i, spaces=False)[0]) or is_cjk(_next(s, i, spaces=False)[0])):
            out.append(Finding("halfwidth-paren", _context(s, i)))
    for i, c in enumerate(s):
        glued_cjk = i + 1 < len(s) and bool(_HAN.fullmatch(s[i + 1]))  # 'a'的 (x='a'、 is code)
        if c == "'" and (glued_cjk or (not _glued(s, i) and (is_cjk(_prev(s, i)[0]) or is_cjk(_next(s, i)[0])))):
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
