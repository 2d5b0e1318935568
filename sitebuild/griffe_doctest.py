"""A griffe extension for the API reference: show doctest examples as code.

Docstrings in this project carry small runnable examples (``>>>`` lines, checked
by the test suite). Written as plain paragraphs, Markdown would read their output
(e.g. ``['x', 'y']``) as link syntax; this extension wraps every doctest block in a
``pycon`` code fence before mkdocstrings renders it.
"""

from __future__ import annotations

from typing import Any

import griffe

__all__ = ["DoctestFences", "fence_doctests"]


def fence_doctests(text: str) -> str:
    """Wrap each run of ``>>>``/``...`` lines and their output in a code fence.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```']
    """
    out: list[str] = []
    in_block = in_fence = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
        if not in_fence and not in_block and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_block = True
        elif in_block and not stripped:
            out.append(f"{indent}```")
            in_block = False
        out.append(line)
    if in_block:
        out.append(f"{indent}```")
    return "\n".join(out)


def _fence(obj: griffe.Object) -> None:
    if obj.docstring is not None and ">>>" in obj.docstring.value:
        obj.docstring.value = fence_doctests(obj.docstring.value)  # idempotent: fenced blocks are kept


def _walk(obj: griffe.Object):
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _walk(member)


class DoctestFences(griffe.Extension):
    """Fence doctest blocks in every docstring griffe loads.

    ``on_object`` does not run for a package's own module (its docstring would render the
    ``>>>`` lines as nested blockquotes and ``__version__`` as bold "version"), so the whole
    tree is also fenced once the package is loaded."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        _fence(obj)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _walk(pkg):
            _fence(obj)
