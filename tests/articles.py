"""Where the five source articles are, for the tests that quote or map them.

The articles are not part of the repository (they are not ours to publish). One setting
finds them: ``KB_ARTICLES_DIR``, default ``../shared/seeds`` (relative paths are taken
from the repository root), which is where this project's own CI keeps them.

* Present: every test runs.
* Absent (a fresh clone elsewhere): the tests that need them are skipped with
  :data:`SKIP_REASON`, and the run ends with a line counting them
  (``tests/conftest.py``). Such a test is marked ``@pytest.mark.articles``, or calls
  :func:`articles_dir`, which skips it with the same reason.
* ``KB_ARTICLES_DIR`` set explicitly to a folder without them: the session stops with an
  error, since that is a typo rather than a machine without the articles.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

__all__ = ["DEFAULT", "ENV", "SKIP_REASON", "ArticlesNotFound", "articles_dir", "find_articles"]

ROOT = Path(__file__).resolve().parents[1]
ENV = "KB_ARTICLES_DIR"
DEFAULT = "../shared/seeds"
SKIP_REASON = f"needs the five source articles: set {ENV} to their folder (default {DEFAULT})"


class ArticlesNotFound(Exception):
    """``KB_ARTICLES_DIR`` is set but names no folder of ``*.txt`` articles."""


def _holds_articles(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.txt"))


def find_articles(environ: Mapping[str, str] | None = None, root: Path = ROOT) -> Path | None:
    """The articles' folder, or ``None`` when the default folder does not hold them.

    Raises :class:`ArticlesNotFound` when ``KB_ARTICLES_DIR`` is set to a folder that does not.
    """
    environ = os.environ if environ is None else environ
    setting = environ.get(ENV, "").strip()
    folder = root / (setting or DEFAULT)  # an absolute setting replaces root
    if _holds_articles(folder):
        return folder.resolve()
    if setting:
        raise ArticlesNotFound(f"{ENV}={setting} holds no *.txt articles ({folder})")
    return None


def articles_dir() -> Path:
    """The articles' folder; skips the calling test (:data:`SKIP_REASON`) when there is none."""
    folder = find_articles()
    if folder is None:
        pytest.skip(SKIP_REASON)
    return folder
