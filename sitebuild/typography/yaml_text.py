"""Fix the Chinese typography of the ``zh:`` texts in a YAML file, line by line.

Only values under a ``zh`` key are touched (question titles, prompts, hints, feedback; the
errata's corrections and explanations), never a quoted ``claim`` or any other key, so the
file's layout and comments stay as they are. A value may be a plain, ``"double"`` or
``'single'``-quoted scalar, a ``|`` or ``>`` block, or a list of such scalars; each is fixed
as Markdown (:func:`sitebuild.typography.markdown.fix_markdown`) and written back with the
same quoting.
"""

from __future__ import annotations

import re

from sitebuild.typography.markdown import fix_markdown
from sitebuild.typography.rules import OPAQUE_BASE, Finding

__all__ = ["fix_yaml"]

_KEY = re.compile(r"^([ \t]*(?:- )?)zh:([ \t]*)(.*)$")
_ITEM = re.compile(r"^([ \t]*- )(.*)$")


def _fix_double(inner: str, found: list[Finding]) -> str:
    escapes: list[str] = []

    def hold(m: re.Match[str]) -> str:
        if m.group(1) in '"\\':
            return m.group(1)
        escapes.append(m.group())
        return chr(OPAQUE_BASE + 0xF000 + len(escapes) - 1)

    text = re.sub(r"\\(.)", hold, inner)
    fixed, changes = fix_markdown(text)
    found += changes
    fixed = fixed.replace("\\", "\\\\").replace('"', '\\"')
    return re.sub("[\U000ff000-\U000ffffd]", lambda m: escapes[ord(m.group()) - OPAQUE_BASE - 0xF000], fixed)


def _fix_scalar(value: str, found: list[Finding]) -> str:
    comment = ""
    if len(value) >= 2 and value[0] == '"' and value.rstrip()[-1] == '"':
        return '"' + _fix_double(value.rstrip()[1:-1], found) + '"'
    if len(value) >= 2 and value[0] == "'" and value.rstrip()[-1] == "'":
        fixed, changes = fix_markdown(value.rstrip()[1:-1].replace("''", "'"))
        found += changes
        return "'" + fixed.replace("'", "''") + "'"
    if value[:1] in "|>[{&*!%@`" or not value:
        return value
    m = re.search(r"[ \t]#", value)
    if m:
        value, comment = value[: m.start()], value[m.start() :]
    fixed, changes = fix_markdown(value)
    found += changes
    return fixed + comment


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def fix_yaml(text: str) -> tuple[str, list[Finding]]:
    """``text`` (YAML) with its ``zh:`` values fixed, and what changed.

    >>> fix_yaml('title:\\n  zh: 一步 (含偏差修正)\\n  en: One step (bias)\\n')[0]
    'title:\\n  zh: 一步（含偏差修正）\\n  en: One step (bias)\\n'
    """
    lines = text.split("\n")
    out: list[str] = []
    found: list[Finding] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _KEY.match(line)
        i += 1
        if not m:
            out.append(line)
            continue
        prefix, gap, value = m.groups()
        key_indent = len(prefix)
        body = []
        while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > key_indent):
            body.append(lines[i])
            i += 1
        while body and not body[-1].strip():
            i -= 1
            body.pop()
        if value.startswith(("|", ">")) and body:
            width = min(_indent(b) for b in body if b.strip())
            block, changes = fix_markdown("\n".join(b[width:] for b in body))
            found += changes
            out.append(line)
            out += [(" " * width + b) if b else b for b in block.split("\n")]
            continue
        out.append(f"{prefix}zh:{gap}{_fix_scalar(value, found)}" if value else line)
        for b in body:
            item = _ITEM.match(b)
            out.append(item.group(1) + _fix_scalar(item.group(2), found) if item and not value else b)
    return "\n".join(out), found
