"""kb-grade: a safe SymPy grader for deep-learning maths answers.

The public API is imported lazily so that ``kb-grade --version`` (and ``list``/``show``)
start without importing SymPy.

>>> import graders
>>> graders.check(graders.load("mse-house-prices"), "100").verdict.value
'correct'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "__version__",
    # results and errors
    "Result", "Verdict", "Text", "Step",
    "GraderError", "InputError", "ParseError", "LimitError", "ShapeError", "QuestionError", "UsageError",
    # reading answers
    "Limits", "parse", "to_latex", "to_plain", "Env", "build", "preview", "Preview",
    # questions and grading
    "Question", "load", "load_all", "check", "equivalent", "Equivalence", "equiv_texts", "grade_derivation_text",
    # isolation and batches
    "run_isolated", "check_isolated", "run_many", "grade_file", "read_submissions", "grade_rows",
]

_EXPORTS = {
    "Result": "result", "Verdict": "result", "Text": "result", "Step": "result",
    "GraderError": "errors", "InputError": "errors", "ParseError": "errors", "LimitError": "errors",
    "ShapeError": "errors", "QuestionError": "errors", "UsageError": "errors",
    "Limits": "limits", "parse": "parse", "to_latex": "printer", "to_plain": "printer",
    "Env": "build", "build": "build", "preview": "preview", "Preview": "preview",
    "Question": "questions", "load": "questions", "load_all": "questions", "check": "grade",
    "equivalent": "compare", "Equivalence": "compare", "equiv_texts": "equiv", "grade_derivation_text": "derive",
    "run_isolated": "sandbox", "check_isolated": "sandbox", "run_many": "sandbox",
    "grade_file": "batch", "read_submissions": "batch", "grade_rows": "batch",
}

if TYPE_CHECKING:  # for type checkers and documentation tools; at run time see __getattr__
    from .batch import grade_file, grade_rows, read_submissions
    from .build import Env, build
    from .compare import Equivalence, equivalent
    from .derive import grade_derivation_text
    from .equiv import equiv_texts
    from .errors import GraderError, InputError, LimitError, ParseError, QuestionError, ShapeError, UsageError
    from .grade import check
    from .limits import Limits
    from .parse import parse
    from .preview import Preview, preview
    from .printer import to_latex, to_plain
    from .questions import Question, load, load_all
    from .result import Result, Step, Text, Verdict
    from .sandbox import check_isolated, run_isolated, run_many


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graders' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
