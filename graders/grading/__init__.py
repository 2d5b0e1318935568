"""Stage 4, grading: one pipeline per answer kind, each a chain of the earlier stages.

``pipeline.check`` dispatches on the question's kind to ``numeric``, ``expression`` (symbolic and
matrix) or ``derivation``; ``form`` holds the answer-form tests; ``equiv`` compares two free
expressions (``kb-grade equiv``) and ``preview`` shows how an answer was read.
"""

from __future__ import annotations

from .derivation import grade_derivation_text
from .equiv import equiv_texts
from .pipeline import check
from .preview import Preview, preview

__all__ = ["check", "equiv_texts", "grade_derivation_text", "preview", "Preview"]
