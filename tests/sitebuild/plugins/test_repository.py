"""``kb-repository``: KB_REPO_URL → MkDocs' repo_url and edit_uri, or no repository links at all."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from sitebuild.plugins.repository import ENV, RepositoryPlugin, repository_url


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        ("https://github.com/OWNER/foundation-kb", "https://github.com/OWNER/foundation-kb"),
        (" https://github.com/OWNER/foundation-kb/ ", "https://github.com/OWNER/foundation-kb"),
        ("http://git.example.org/team/foundation-kb", "http://git.example.org/team/foundation-kb"),
    ],
)
def test_repository_url(value: str | None, expected: str | None) -> None:
    assert repository_url(value) == expected


@pytest.mark.parametrize(
    "value",
    ["git@github.com:OWNER/foundation-kb.git", "/work/main", "file:///work/main", "github.com/OWNER/x", "https://"],
)
def test_anything_but_a_web_address_is_an_error_naming_the_setting(value: str) -> None:
    with pytest.raises(PluginError, match=ENV):
        repository_url(value)


def _configured(monkeypatch: pytest.MonkeyPatch, value: str | None) -> dict:
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    plugin = RepositoryPlugin()
    plugin.load_config({})
    return plugin.on_config({"repo_url": None, "edit_uri": "edit/master/docs/"})


@pytest.mark.parametrize(
    ("value", "repo_url", "edit_uri"),
    [
        (None, None, None),  # a local build: no links, and no warning per page about edit_uri
        ("", None, None),
        ("https://github.com/OWNER/foundation-kb/", "https://github.com/OWNER/foundation-kb", "edit/main/docs/"),
    ],
)
def test_the_plugin_sets_both_or_neither(monkeypatch, value, repo_url, edit_uri) -> None:
    config = _configured(monkeypatch, value)
    assert (config["repo_url"], config["edit_uri"]) == (repo_url, edit_uri)
