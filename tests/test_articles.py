"""tests/articles.py: one setting finds the source articles; without them their tests are skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import articles
from tests.articles import ENV, SKIP_REASON, ArticlesNotFound, find_articles


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository root whose default articles folder (``../shared/seeds``) does not exist yet."""
    (tmp_path / "repo").mkdir()
    return tmp_path / "repo"


def _folder(path: Path, *names: str) -> Path:
    path.mkdir(parents=True)
    for name in names:
        (path / name).write_text("# 1. 背景介绍\n", encoding="utf-8")
    return path


# (what exists beside the repository, KB_ARTICLES_DIR, expected folder relative to tmp_path or None)
CASES = [
    pytest.param(None, None, None, id="nothing-no-setting"),
    pytest.param("shared/seeds", None, "shared/seeds", id="default-folder"),
    pytest.param("elsewhere", "../elsewhere", "elsewhere", id="relative-setting-from-the-root"),
    pytest.param("elsewhere", "ABSOLUTE", "elsewhere", id="absolute-setting"),
    pytest.param("shared/seeds", "", "shared/seeds", id="empty-setting-is-the-default"),
]


@pytest.mark.parametrize(("folder", "setting", "expected"), CASES)
def test_find_articles(root: Path, folder, setting, expected) -> None:
    if folder:
        _folder(root.parent / folder, "000_a.txt")
    if setting == "ABSOLUTE":
        setting = str(root.parent / folder)
    environ = {} if setting is None else {ENV: setting}
    found = find_articles(environ, root)
    assert found == (None if expected is None else (root.parent / expected).resolve())


@pytest.mark.parametrize("contents", [None, ()], ids=["missing-folder", "folder-without-txt"])
def test_a_setting_that_names_no_articles_is_an_error(root: Path, contents) -> None:
    if contents is not None:
        _folder(root.parent / "empty")
    with pytest.raises(ArticlesNotFound, match=f"{ENV}=../empty holds no"):
        find_articles({ENV: "../empty"}, root)


def test_a_default_folder_without_articles_is_no_articles(root: Path) -> None:
    _folder(root.parent / "shared" / "seeds", "notes.md")
    assert find_articles({}, root) is None


def test_articles_dir_skips_with_the_one_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "find_articles", lambda: None)
    with pytest.raises(pytest.skip.Exception, match="KB_ARTICLES_DIR") as info:
        articles.articles_dir()
    assert str(info.value) == SKIP_REASON
