"""Session-wide test settings: tests that need the source articles (``tests/articles.py``)."""

from __future__ import annotations

import pytest

from tests.articles import ENV, SKIP_REASON, ArticlesNotFound, find_articles

_ARTICLES = pytest.StashKey["object"]()  # the articles' folder, or None


def pytest_configure(config: pytest.Config) -> None:
    try:
        config.stash[_ARTICLES] = find_articles()
    except ArticlesNotFound as exc:
        raise pytest.UsageError(str(exc)) from None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.stash[_ARTICLES] is None:
        skip = pytest.mark.skip(reason=SKIP_REASON)
        for item in items:
            if item.get_closest_marker("articles"):
                item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = sum(SKIP_REASON in str(getattr(r, "longrepr", "")) for r in terminalreporter.stats.get("skipped", []))
    if skipped:
        terminalreporter.write_line(f"{skipped} test(s) skipped: the source articles were not found ({ENV}).",
                                    yellow=True, bold=True)

