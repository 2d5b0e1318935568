"""What every grading pipeline shares: reading an answer, turning failures into results, echoing.

This is the only place where errors become results (their text comes from :mod:`graders.messages`).
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import GraderError, InputError
from ..messages import describe, message
from ..reading import Limits, read
from ..reading.names import display_name
from ..reading.printer import to_latex, to_plain
from ..reading.symbols import Symbols
from ..reading.tree import Eq, Node, free_names
from ..result import Result, Verdict

__all__ = ["read_answer", "read_given", "invalid", "guarded", "shown"]


def read_answer(text: str, symbols: Symbols, limits: Limits) -> Node:
    """An answer's tree: an expression, or ``label = expression`` (``θ_new = …``) read as the expression."""
    tree = read(text, symbols, limits=limits, allow_label=True)
    if isinstance(tree, Eq) and tree.label:
        return tree.right
    return tree


@lru_cache(maxsize=4096)
def read_given(text: str, symbols: Symbols, limits: Limits) -> Node:
    """A question's own expression (its answer, a misconception, for one variant), read once: the
    same few strings are read for every answer to the question, and trees are immutable."""
    return read(text, symbols, limits=limits, allow_eq=True)


def invalid(error: GraderError, text: str) -> Result:
    feedback, caret = describe(error, text)
    return Result(Verdict.INVALID, feedback=feedback, note=error.code, caret=caret)


def guarded(fn, text: str) -> Result:
    """Run a grading function; turn every failure into a Result: invalid input is invalid,
    exhaustion is "too large", and any other failure is the grader's ``error`` (the exception's
    text goes to ``detail``, for maintainers, never to the feedback)."""
    try:
        return fn()
    except ModuleNotFoundError:
        raise  # not the answer's doing: the browser loads SymPy after the grader (graders.web waits for it)
    except InputError as exc:
        return invalid(exc, text)
    except (RecursionError, MemoryError):
        return Result(Verdict.TOO_LARGE, feedback=message("too-large", limit="-"), note="too-large")
    except Exception as exc:  # a failure must become a verdict, not a traceback
        return Result(
            Verdict.ERROR,
            feedback=message("internal-error"),
            note="internal-error",
            detail=f"{type(exc).__name__}: {exc}"[:500],
        )


def shown(tree: Node, symbols: Symbols | None = None) -> dict:
    """How an answer was read: plain text, LaTeX and the variables it uses."""
    names = free_names(tree, declared=symbols.names if symbols else ())
    return {
        "parsed": to_plain(tree),
        "latex": to_latex(tree),
        "variables": tuple(sorted(display_name(n) for n in names)),
    }
