"""A newcomer's clone: the fast suite passes in a folder with nothing beside it.

The repository is cloned into an empty temporary folder (plus any uncommitted changes to
tracked files, so a local run tests what would be committed), where ``../shared/seeds``
cannot be seen, and the fast suite runs there on this interpreter (its packages come from
the clone through ``PYTHONPATH``; no second virtual environment). The tests that need the
source articles must be skipped, for that one reason, and counted; everything else passes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.articles import ENV, SKIP_REASON

ROOT = Path(__file__).resolve().parents[1]


def fast_tests() -> str:
    """``make test-fast``'s marker expression, read from the Makefile."""
    found = re.search(r"^FAST_TESTS := (.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert found, "the Makefile defines FAST_TESTS"
    return found[1].strip()


def _git(*args: str, cwd: Path, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True).stdout


@pytest.mark.slow
def test_the_fast_suite_passes_in_a_fresh_clone(tmp_path: Path) -> None:
    clone = tmp_path / "foundation-kb"
    _git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone), cwd=tmp_path)
    changes = _git("diff", "HEAD", "--binary", cwd=ROOT)
    if changes.strip():
        _git("apply", "--whitespace=nowarn", "-", cwd=clone, stdin=changes)
    assert not (tmp_path / "shared").exists()

    env = {k: v for k, v in os.environ.items() if k != ENV}
    env.update(PYTHONPATH=str(clone), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", fast_tests(), "-q", "-p", "no:cacheprovider"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    tail = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    counted = re.search(
        r"^(\d+) test\(s\) skipped: the source articles were not found \(KB_ARTICLES_DIR\)\.$", result.stdout, re.M
    )
    assert counted, tail
    listed = re.findall(r"^SKIPPED \[(\d+)\] .*: " + re.escape(SKIP_REASON) + "$", result.stdout, re.M)  # -ra
    assert int(counted[1]) == sum(map(int, listed)) > 0, tail
