"""Session-wide test settings: the tests that need the source articles (``tests/articles.py``),
the tests that need a CUDA device (marked ``gpu``) and the tests that need the built site
(marked ``site`` because they use its fixtures, so no file can forget the mark)."""

from __future__ import annotations

import pytest

from tests.articles import ENV, SKIP_REASON, ArticlesNotFound, find_articles

_ARTICLES = pytest.StashKey[object]()  # the articles' folder, or None
_NO_CUDA = pytest.StashKey[int]()  # gpu tests deselected because torch sees no CUDA device


def pytest_configure(config: pytest.Config) -> None:
    # registered here too, so that the mark is known with xdist switched off (`-p no:xdist`)
    config.addinivalue_line("markers", "xdist_group(name): tests that run on one xdist worker (--dist loadgroup)")
    try:
        config.stash[_ARTICLES] = find_articles()
    except ArticlesNotFound as exc:
        raise pytest.UsageError(str(exc)) from None


SITE_FIXTURES = frozenset({"built_site", "site_url"})  # tests/site/conftest.py: they build the whole site


def pytest_itemcollected(item: pytest.Item) -> None:
    """A test that uses the built site is a ``site`` test, whether or not its file says so
    (collection runs before ``-m`` chooses, so the fast suite never builds the site), and runs
    on the one xdist worker that builds the site (``make test`` uses ``--dist loadgroup``)."""
    if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.site)
        item.add_marker(pytest.mark.xdist_group("site"))


def _cuda_available() -> bool:
    import torch  # only when a gpu test was collected: the grader's tests never import torch

    return torch.cuda.is_available()


@pytest.hookimpl(trylast=True)  # after -m has chosen: count only what the run would have run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    gpu = [item for item in items if item.get_closest_marker("gpu")]
    if gpu and not _cuda_available():
        items[:] = [item for item in items if not item.get_closest_marker("gpu")]
        config.hook.pytest_deselected(items=gpu)
        config.stash[_NO_CUDA] = len(gpu)
        if hasattr(config, "workeroutput"):  # an xdist worker: tell the controller, which prints the count
            config.workeroutput["no_cuda"] = len(gpu)
    if config.stash[_ARTICLES] is None:
        skip = pytest.mark.skip(reason=SKIP_REASON)
        for item in items:
            if item.get_closest_marker("articles"):
                item.add_marker(skip)


@pytest.hookimpl(optionalhook=True)  # xdist's controller: every worker deselected the same gpu tests
def pytest_testnodedown(node, error) -> None:
    count = getattr(node, "workeroutput", {}).get("no_cuda", 0)
    node.config.stash[_NO_CUDA] = max(node.config.stash.get(_NO_CUDA, 0), count)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = sum(SKIP_REASON in str(getattr(r, "longrepr", "")) for r in terminalreporter.stats.get("skipped", []))
    if skipped:
        terminalreporter.write_line(
            f"{skipped} test(s) skipped: the source articles were not found ({ENV}).", yellow=True, bold=True
        )
    if config.stash.get(_NO_CUDA, 0):
        terminalreporter.write_line(
            f"{config.stash[_NO_CUDA]} gpu test(s) deselected: torch sees no CUDA device "
            "(run `pytest -m gpu` on a machine with one)."
        )
