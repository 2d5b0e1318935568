"""Teachers' question folders next to the built-in bank: ``--bank DIR`` and ``KB_GRADE_BANKS``.

Each folder holds question files in the built-in bank's format (:mod:`graders.bank.loader`). The
built-in questions come first, then the folders in order; an id found twice is a
:class:`QuestionError` ``question-duplicate`` naming both files, a folder that is not there is
``bank-missing``.

>>> folders_from([], environ={})
()
>>> sorted(load_banks(())) == sorted(load_all())
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from difflib import get_close_matches
from functools import lru_cache
from pathlib import Path

from ..errors import QuestionError
from .loader import load, load_all
from .model import Question

__all__ = ["ENV", "folders_from", "check_folder", "load_banks", "find"]

#: the environment setting: folders separated by ``os.pathsep`` (``:`` on POSIX, ``;`` on Windows)
ENV = "KB_GRADE_BANKS"


def folders_from(options: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The teacher's folders: ``KB_GRADE_BANKS`` first, then every ``--bank``; a folder named twice counts once."""
    env = (os.environ if environ is None else environ).get(ENV, "")
    named = [p for p in env.split(os.pathsep) if p.strip()] + [p for p in options if p.strip()]
    seen: dict[str, str] = {}
    for p in named:
        seen.setdefault(str(Path(p).resolve()), p)
    return tuple(seen.values())


def check_folder(folder: str) -> Path:
    """``folder`` as a path; :class:`QuestionError` ``bank-missing`` if it is not a folder."""
    root = Path(folder)
    if not root.is_dir():
        raise QuestionError("bank-missing", path=folder)
    return root


@lru_cache(maxsize=8)
def load_banks(folders: tuple[str, ...]) -> dict[str, Question]:
    """The built-in questions and every question of ``folders``, by id."""
    out = dict(load_all())
    for folder in folders:
        for q in load_all(str(check_folder(folder))).values():
            if q.id in out:
                raise QuestionError("question-duplicate", path=q.path, id=q.id, other=out[q.id].path)
            out[q.id] = q
    return out


def find(qid: str, folders: tuple[str, ...] = ()) -> Question:
    """One question by id, built-in or from ``folders``; ``unknown-question`` if none has it, with the
    nearest id as a ``suggestion`` (a mis-cased or mistyped id)."""
    try:
        if not folders:
            return load(qid)
        return load_banks(tuple(folders))[qid]
    except (KeyError, QuestionError) as exc:
        if isinstance(exc, QuestionError) and exc.code != "unknown-question":
            raise
        known = load_banks(tuple(folders))
        near = get_close_matches(qid.strip().lower(), list(known), n=1, cutoff=0.75)
        raise QuestionError("unknown-question", id=qid, suggestion=near[0] if near else "") from None
