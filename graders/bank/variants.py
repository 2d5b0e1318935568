"""Random variants: a question with ``params`` is a template; a seed or a student id
picks one variant deterministically, and grading uses the same variant.

>>> pick({"a": [1, 2, 3]}, seed=7) == pick({"a": [1, 2, 3]}, seed=7)
True
"""

from __future__ import annotations

import hashlib
import itertools

__all__ = ["pick", "seed_for", "fill"]


def seed_for(student: str, question_id: str) -> int:
    """A stable seed from a student id and a question id (same on every machine)."""
    digest = hashlib.sha256(f"{student}\0{question_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def pick(params: dict, seed: int | None) -> tuple[int, dict]:
    """(variant index, parameter values). Seed None (or no params) is variant 0."""
    if not params:
        return 0, {}
    names = sorted(params)
    combos = list(itertools.product(*(params[n] for n in names)))
    index = 0 if seed is None else seed % len(combos)
    return index, dict(zip(names, combos[index], strict=True))


def fill(template: str, values: dict) -> str:
    """Substitute ``{name}`` placeholders; unknown braces (LaTeX) are kept."""
    if not values:
        return template
    out = template
    for k, v in values.items():
        out = out.replace("{" + k + "}", str(v))
    return out
