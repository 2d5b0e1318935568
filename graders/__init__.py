"""kb-grade: a safe SymPy grader for deep-learning maths answers.

The pipeline, one package per stage: ``reading`` (text → typed tree, sizes checked) →
``evaluation`` (the tree in exact and error-bounded float arithmetic, no SymPy) → ``symbolic``
(SymPy, for what floats cannot decide) → ``grading`` (one pipeline per answer kind) → ``bank``
(questions) → ``isolation`` (hard limits) → ``cli`` and ``batch`` (the command line, class files).
``messages`` holds every text people read, in zh and en; ``errata`` the checked errata of the
source articles.

The public API below is imported lazily, so ``kb-grade --version`` (and ``list``/``show``) start
without importing SymPy.

>>> import graders
>>> graders.check(graders.load("mse-house-prices"), "100").verdict.value
'correct'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

__all__ = [
    "__version__",
    # results and errors
    "Result",
    "Verdict",
    "Text",
    "Step",
    "EXIT_CODES",
    "GraderError",
    "InputError",
    "ParseError",
    "LimitError",
    "ShapeError",
    "QuestionError",
    "UsageError",
    # reading answers
    "Limits",
    "Symbols",
    "Variable",
    "parse",
    "read",
    "to_latex",
    "to_plain",
    "preview",
    "Preview",
    # questions and grading
    "Question",
    "load",
    "load_all",
    "check",
    "equiv_texts",
    "grade_derivation_text",
    # isolation and batches
    "run_isolated",
    "check_isolated",
    "run_many",
    "grade_file",
    "read_submissions",
    "grade_rows",
]

_EXPORTS = {
    "Result": "result",
    "Verdict": "result",
    "Text": "result",
    "Step": "result",
    "EXIT_CODES": "result",
    "GraderError": "errors",
    "InputError": "errors",
    "ParseError": "errors",
    "LimitError": "errors",
    "ShapeError": "errors",
    "QuestionError": "errors",
    "UsageError": "errors",
    "Limits": "reading",
    "Symbols": "reading",
    "Variable": "reading",
    "parse": "reading",
    "read": "reading",
    "to_latex": "reading.printer",
    "to_plain": "reading.printer",
    "preview": "grading.preview",
    "Preview": "grading.preview",
    "Question": "bank",
    "load": "bank",
    "load_all": "bank",
    "check": "grading.pipeline",
    "equiv_texts": "grading.equiv",
    "grade_derivation_text": "grading.derivation",
    "run_isolated": "isolation",
    "check_isolated": "isolation",
    "run_many": "isolation",
    "grade_file": "batch",
    "read_submissions": "batch",
    "grade_rows": "batch",
}

if TYPE_CHECKING:  # for type checkers and documentation tools; at run time see __getattr__
    from .bank import Question, load, load_all
    from .batch import grade_file, grade_rows, read_submissions
    from .errors import GraderError, InputError, LimitError, ParseError, QuestionError, ShapeError, UsageError
    from .grading.derivation import grade_derivation_text
    from .grading.equiv import equiv_texts
    from .grading.pipeline import check
    from .grading.preview import Preview, preview
    from .isolation import check_isolated, run_isolated, run_many
    from .reading import Limits, Symbols, Variable, parse, read
    from .reading.printer import to_latex, to_plain
    from .result import EXIT_CODES, Result, Step, Text, Verdict


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graders' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
