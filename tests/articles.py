"""Where the five source articles are, for the tests that quote or map them.

The project is built beside the workplace's ``shared/`` folder (``../shared/seeds`` from
the repository root, as in CI); ``$KB_ARTICLES_DIR`` overrides. A missing folder is a
test failure with a clear message, never a silent skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def articles_dir() -> Path:
    candidates = [os.environ.get("KB_ARTICLES_DIR"), ROOT.parent / "shared" / "seeds"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    pytest.fail(f"the source articles are not in any of {[str(c) for c in candidates if c]}; set KB_ARTICLES_DIR")
