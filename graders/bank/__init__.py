"""Stage 5, the question bank: the question model, its JSON Schema, variants and the data.

``data/`` holds one YAML file per question (file name = id); ``loader`` validates and reads them
(YAML or JSON), ``variants`` picks a deterministic variant from a seed or a student id.
"""

from __future__ import annotations

from .loader import QUESTIONS_DIR, from_dict, load, load_all, load_file, to_dict, to_json
from .model import FORMS, KINDS, Hints, Misconception, Question, SelfTest, Source, Tolerance, Variable, variant_count
from .variants import fill, pick, seed_for

__all__ = [
    "QUESTIONS_DIR",
    "from_dict",
    "to_dict",
    "to_json",
    "load",
    "load_all",
    "load_file",
    "FORMS",
    "KINDS",
    "Hints",
    "Misconception",
    "Question",
    "SelfTest",
    "Source",
    "Tolerance",
    "Variable",
    "variant_count",
    "fill",
    "pick",
    "seed_for",
]
