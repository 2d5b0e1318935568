"""The browser's entry point: the grader in a Web Worker (Pyodide), driven by JSON messages.

The page's JavaScript only renders and passes messages: every answer is read, previewed and graded
by this same package, so a reader on the page gets exactly what ``kb-grade`` gives. The hard deadline
is the page's: it terminates the worker and starts a fresh one (Python there has no fork and no
interval timer, see :mod:`graders.capabilities`).
"""

from __future__ import annotations

from .handler import handle

__all__ = ["handle"]
