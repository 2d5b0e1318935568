"""The session settings of ``tests/conftest.py`` do what the fast suite relies on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _collected(marks: str, *paths: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", marks, *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 5), result.stdout[-2000:] + result.stderr[-2000:]
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_a_test_using_the_built_site_is_a_site_test_without_saying_so() -> None:
    # this test carries no mark of its own: only its fixture makes it a site test
    name = "tests/site/test_errata_links.py::test_built_english_errata_page_has_no_untranslated_chinese"
    assert name in _collected("site", "tests/site/test_errata_links.py")
    fast = _collected("not site", "tests/site/test_errata_links.py")
    assert fast and name not in fast
