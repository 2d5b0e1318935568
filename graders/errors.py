"""Typed errors of the grader.

Every error carries a stable ``code`` (also used as the answer-note code), keyword
``params`` for the message templates, and, for input errors, the character ``pos``
where the problem is. Nothing here formats text for people: :mod:`graders.messages`
turns an error into zh/en messages in one place.
"""

from __future__ import annotations

__all__ = [
    "GraderError",
    "InputError",
    "ParseError",
    "LimitError",
    "UnknownNameError",
    "ShapeError",
    "QuestionError",
    "UsageError",
]


class GraderError(Exception):
    """Base class. ``code`` selects the message; ``params`` fill it in."""

    code = "error"

    def __init__(self, code: str | None = None, *, pos: int | None = None, **params: object) -> None:
        self.code = code or type(self).code
        self.pos = pos
        self.params = params
        super().__init__(f"{self.code} {params}" + (f" at {pos}" if pos is not None else ""))


class InputError(GraderError):
    """The answer could not be read. Invalid input is never marked wrong."""

    code = "invalid"


class ParseError(InputError):
    """Syntax error at ``pos`` (e.g. ``unexpected``, ``unclosed``, ``bad-char``)."""

    code = "syntax"


class LimitError(InputError):
    """A size limit (length, nesting, literal, exponent, factorial) was exceeded."""

    code = "too-large"


class UnknownNameError(InputError):
    """An unknown variable or function name."""

    code = "unknown-name"


class ShapeError(InputError):
    """Matrix shapes do not fit (``hint`` may suggest a transpose)."""

    code = "shape"


class QuestionError(GraderError):
    """A question file is malformed or an id is unknown."""

    code = "question"


class UsageError(GraderError):
    """The command line or a submissions file is malformed."""

    code = "usage"
