"""Typed errors of the snippet executor; :meth:`SnippetError.message` is the one place
where they become text for the build log."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SnippetError", "SnippetTimeout", "SnippetNotFound", "short_traceback"]

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def short_traceback(text: str, lines: int = 12) -> str:
    """The last ``lines`` lines of a traceback, without terminal colours."""
    return _ANSI.sub("", "\n".join(text.splitlines()[-lines:]))


@dataclass
class SnippetError(Exception):
    """A snippet raised while executing."""

    snippet: str
    cell: int  # 1-based index among the snippet's code cells
    line: int  # 1-based line in the snippet file where the cell's code starts
    error: str  # exception class name
    detail: str  # exception message
    traceback: str = ""

    def message(self) -> str:
        where = f"{self.snippet}, cell {self.cell} (line {self.line})"
        text = f"snippet {where} raised {self.error}: {self.detail}"
        if self.traceback:
            text += "\n" + self.traceback
        return text

    def __str__(self) -> str:
        return self.message()


@dataclass
class SnippetTimeout(SnippetError):
    """A cell ran longer than the per-cell timeout."""

    def message(self) -> str:
        return f"snippet {self.snippet}, cell {self.cell} (line {self.line}) timed out: {self.detail}"


@dataclass
class SnippetNotFound(Exception):
    """A page refers to a snippet file that does not exist."""

    snippet: str
    page: str

    def __str__(self) -> str:
        return f"page {self.page} refers to snippet {self.snippet!r}, which does not exist"
