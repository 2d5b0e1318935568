"""``kb-repository``: links to the source repository on every page, when the build knows it.

The repository's address comes from one setting, the environment variable ``KB_REPO_URL``
(the docs workflow sets it to ``${{ github.server_url }}/${{ github.repository }}``). With it,
this plugin sets MkDocs' ``repo_url`` and ``edit_uri``: Material then shows the repository in
the header and an "edit this page" button, and ``sitebuild/theme/partials/copyright.html``
adds the source and the issue tracker to the footer. Without it a local build has none of
these (MkDocs would warn on every page about an ``edit_uri`` without a ``repo_url``).

The header link is a plain link (``sitebuild/theme/partials/source.html``): Material's own asks
the host's API for stars and forks, an external request on every page.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

__all__ = ["ENV", "RepositoryPlugin", "repository_url"]

ENV = "KB_REPO_URL"


def repository_url(value: str | None) -> str | None:
    """The repository's web address from ``KB_REPO_URL``'s value: ``None`` when unset or blank,
    without a trailing slash, and an error for anything but an ``http(s)`` address.

    >>> repository_url(" https://github.com/OWNER/foundation-kb/ ")
    'https://github.com/OWNER/foundation-kb'
    >>> repository_url("") is None
    True
    """
    value = (value or "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(f"{ENV}={value!r} is not the repository's web address (https://HOST/OWNER/NAME)")
    return value.rstrip("/")


class RepositoryConfig(base.Config):
    edit_uri = c.Type(str, default="edit/main/docs/")  # relative to the repository's address


class RepositoryPlugin(BasePlugin[RepositoryConfig]):
    def on_config(self, config):
        url = repository_url(os.environ.get(ENV))
        if url is None:
            config["repo_url"] = config["edit_uri"] = None
            return config
        config["repo_url"] = url
        config["edit_uri"] = self.config.edit_uri
        return config
