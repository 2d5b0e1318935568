"""Fix the Chinese typography of a Markdown source without touching its syntax.

:func:`mask` replaces everything the rules must not touch by one placeholder character
each (:mod:`sitebuild.typography.rules`): front matter, fenced code (Mermaid included),
HTML comments (the ``<!-- kb-run … -->`` snippet markers), inline code, maths (``$…$``,
``$$…$$``, ``\\(…\\)``, ``\\[…\\]``), URLs and link targets, reference definitions,
attribute lists ``{#id}``, HTML tags and entities, backslash escapes, snippet includes
``--8<--``, abbreviation heads ``*[HTML]:``, maths environments ``\\begin{…}…\\end{…}`` and the
admonition and tab syntax ``!!! note "…"``, ``=== "…"`` (their titles are text and are
fixed). :func:`fix_markdown` then joins the lines a paragraph was wrapped at between two CJK
characters (a line end there renders as a space) and applies the rules (quotes paired within
a paragraph, the rest line by line); :meth:`Masked.unmask` puts the protected text back.
"""

from __future__ import annotations

import re

from sitebuild.typography.rules import (
    OPAQUE_BASE,
    TRANSPARENT_BASE,
    Finding,
    fix_quotes,
    fix_text,
    is_cjk,
    is_tight,
    leftovers,
)

__all__ = ["Masked", "fix_markdown", "join_wrapped_lines", "mask", "unresolved"]

_FENCE = re.compile(r"^([ \t]*(?:>[ \t]?)*)(`{3,}|~{3,})")
_OPAQUE = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S),
    re.compile(r"\$\$.+?\$\$", re.S),
    re.compile(r"\\begin\{([a-zA-Z]+\*?)\}.*?\\end\{\1\}", re.S),  # a maths environment
    re.compile(r"^[ \t]*-{1,3}8<-{1,3}.*$", re.M),  # a pymdownx.snippets include
    re.compile(r"^[ \t]*\*\[[^\]\n]+\]:", re.M),  # an abbreviation's head (its text is fixed)
    re.compile(r"\\\[.+?\\\]", re.S),
    re.compile(r"\\\(.+?\\\)", re.S),
    re.compile(r"(?<![\\$\w])\$(?=\S)(?:\\.|[^$\n\\])+?(?<=\S)\$(?![$\w])"),
    re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$", re.M),  # reference definition
    re.compile(r"<(?:https?|mailto):[^>\s]+>"),
    re.compile(r"[ \t]*\{:?[ \t]*[#.:][^}\n]*\}"),  # attribute list, with the space before it
    re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);"),
    re.compile(r"\\[\\`*_{}\[\]()#+\-.!|\"'<>:]"),
]
_TRANSPARENT = [
    re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:[ \t]+\"[^\"\n]*\")?\)"),  # ](target "title")
    re.compile(r"\]\[[^\]\n]*\]"),  # ][reference]
    re.compile(r"!?\[|\]"),
    re.compile(r"</?[A-Za-z][^<>]*>"),
]
_URL = re.compile(r"\bhttps?://[^\s<>)\]\"'，。；：！？（）]+")
_ADMONITION = re.compile(
    r'^([ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*|===\+?!?))(?:([ \t]+")([^"\n]*)(")[ \t]*)?$', re.M
)  # !!! note "title", ??? note "title", a content tab === "title": the title is text, the rest syntax
_EMPHASIS = re.compile(r"\*+")
_LIST_STAR = re.compile(r"^[ \t]*(?:>[ \t]?)*\*[ \t]", re.M)


class Masked:
    """``text`` with protected spans replaced by placeholders; :meth:`unmask` restores them."""

    def __init__(self, text: str) -> None:
        self.spans: list[str] = []
        self.text = self._mask(text)

    def _hold(self, original: str, base: int) -> str:
        self.spans.append(original)
        return chr(base + len(self.spans) - 1)

    def _sub(self, pattern: re.Pattern[str], text: str, base: int) -> str:
        return pattern.sub(lambda m: self._hold(m.group(), base), text)

    def _mask_fences(self, text: str) -> str:
        out, block, closing = [], [], None
        for line in text.splitlines(keepends=True):
            if closing is None:
                m = _FENCE.match(line)
                if m:
                    closing = re.compile(rf"^[ \t]*(?:>[ \t]?)*{re.escape(m.group(2)[0])}{{{len(m.group(2))},}}[ \t]*$")
                    block = [line]
                else:
                    out.append(line)
            else:
                block.append(line)
                if closing.match(line.rstrip("\n")):
                    end = "\n" if line.endswith("\n") else ""
                    out.append(self._hold("".join(block)[: len("".join(block)) - len(end)], OPAQUE_BASE) + end)
                    closing = None
        if closing is not None:
            out.append(self._hold("".join(block), OPAQUE_BASE))
        return "".join(out)

    def _mask_admonitions(self, text: str) -> str:
        def one(m: re.Match[str]) -> str:
            head = self._hold(m.group(1) + (m.group(2) or ""), OPAQUE_BASE)
            if m.group(2) is None:
                return head
            return head + m.group(3) + self._hold(m.group(4), OPAQUE_BASE)

        return _ADMONITION.sub(one, text)

    def _mask_emphasis(self, text: str) -> str:
        lists = {m.end() - 2 for m in _LIST_STAR.finditer(text)}
        return _EMPHASIS.sub(
            lambda m: m.group() if m.start() in lists else self._hold(m.group(), TRANSPARENT_BASE), text
        )

    def _mask(self, text: str) -> str:
        front = re.match(r"\A---\n.*?\n---\n", text, re.S)
        if front:
            text = self._hold(front.group(), OPAQUE_BASE) + text[front.end() :]
        text = self._mask_fences(text)
        for pattern in _OPAQUE:
            text = self._sub(pattern, text, OPAQUE_BASE)
        text = self._sub(_TRANSPARENT[0], text, TRANSPARENT_BASE)
        text = self._sub(_TRANSPARENT[1], text, TRANSPARENT_BASE)
        text = self._sub(_URL, text, OPAQUE_BASE)
        text = self._mask_admonitions(text)
        for pattern in _TRANSPARENT[2:]:
            text = self._sub(pattern, text, TRANSPARENT_BASE)
        return self._mask_emphasis(text)

    def unmask(self, text: str) -> str:
        def one(c: str) -> str:
            n = ord(c)
            for base in (OPAQUE_BASE, TRANSPARENT_BASE):
                if base <= n < base + len(self.spans) and n - base < len(self.spans):
                    return self.spans[n - base]
            return c

        # spans may hold placeholders of spans masked before them: restore until none is left
        for _ in range(4):
            restored = "".join(one(c) if ord(c) >= OPAQUE_BASE else c for c in text)
            if restored == text:
                break
            text = restored
        return text


def mask(text: str) -> Masked:
    """``text`` with its protected spans replaced by placeholders."""
    return Masked(text)


_ONE_LINE = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*[#|]")  # a heading, a table row
_BLOCK_START = re.compile(r"^[ \t]*(?:#|\||[-+*][ \t]|\d+[.)][ \t]|:[ \t]|>|<|!!!|\?\?\?)")


def _last_visible(line: str) -> str | None:
    for c in reversed(line.rstrip(" \t")):
        if not (TRANSPARENT_BASE <= ord(c) < TRANSPARENT_BASE + 0xFFFD):
            return c
    return None


def _first_visible(line: str) -> str | None:
    for c in line.lstrip(" \t"):
        if not (TRANSPARENT_BASE <= ord(c) < TRANSPARENT_BASE + 0xFFFD):
            return c
    return None


def join_wrapped_lines(text: str, found: list[Finding] | None = None) -> str:
    """``text`` (masked) with each line that ends in CJK joined to the next when that one
    continues the same paragraph with CJK (a line end between them renders as a space).

    Not joined: a heading, a hard break (two trailing spaces), a next line that starts a
    block (list item, table row, quote, admonition, HTML), a blank line.
    """
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            quoted = re.match(r"^[ \t]*>", prev) and re.match(r"^[ \t]*>", line)
            body = re.sub(r"^[ \t]*(?:>[ \t]?)+", "", line) if quoted else line
            last, first = _last_visible(prev), _first_visible(body)
            if (
                is_tight(last)
                and is_tight(first)
                and (is_cjk(last) or is_cjk(first))
                and not prev.endswith("  ")
                and not re.match(r"^[ \t]*#", prev)
                and not re.match(r"^[ \t]*(?:>[ \t]?)*[ \t]*\|", prev)
                and (quoted or not _BLOCK_START.match(body))
            ):
                if found is not None:
                    found.append(Finding("cjk-space", (prev[-12:] + "⏎" + body.lstrip()[:12])))
                out[-1] = prev.rstrip(" \t") + body.lstrip(" \t")
                continue
        out.append(line)
    return "\n".join(out)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """``lines`` cut into paragraphs: at blank lines and block starts; a heading or a table
    row is a paragraph of its own."""
    out: list[list[str]] = []
    for line in lines:
        previous = out[-1][-1] if out else ""
        if not previous.strip() or not line.strip() or _BLOCK_START.match(line) or _ONE_LINE.match(previous):
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _fix_once(text: str, found: list[Finding]) -> str:
    lines = []
    for paragraph in _paragraphs(join_wrapped_lines(text, found).split("\n")):
        quoted, changes = fix_quotes("\n".join(paragraph))
        found += changes
        for line in quoted.split("\n"):
            fixed, changes = fix_text(line, quotes=False)
            lines.append(fixed)
            found += changes
    return "\n".join(lines)


def fix_markdown(text: str) -> tuple[str, list[Finding]]:
    """``text`` (Markdown) with wrapped CJK lines joined and the rules applied (quotes
    paired within a paragraph, the rest line by line), and what changed. Running it on its
    own output changes nothing.

    >>> fix_markdown("它的输出:\\n`y = f(x)`, 见 [下一节](next.md#a)")[0]
    '它的输出：\\n`y = f(x)`，见[下一节](next.md#a)'
    """
    masked = mask(text)
    found: list[Finding] = []
    current = masked.text
    for _ in range(5):  # a fixed line may end in CJK now (``)`` -> ``）``): join and fix again
        fixed = _fix_once(current, found)
        if fixed == current:
            break
        current = fixed
    return masked.unmask(current), found


def unresolved(text: str) -> list[Finding]:
    """What :func:`fix_markdown` leaves in ``text`` for a human (an unpaired quote, a bracket
    opened on an earlier line, a missing space next to markup), paragraph by paragraph.

    >>> [f.rule for f in unresolved('它说"开头\\n\\n另一段"结尾')]
    ['straight-quote', 'straight-quote']
    """
    masked = mask(text)
    out: list[Finding] = []
    for paragraph in _paragraphs(masked.text.split("\n")):
        out += leftovers("\n".join(paragraph))
    return out
