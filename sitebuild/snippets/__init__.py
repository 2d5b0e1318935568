"""Docs snippets, from file to Markdown: :mod:`~sitebuild.snippets.execute` runs a
jupytext percent-format ``.py`` notebook in a fresh Jupyter kernel,
:mod:`~sitebuild.snippets.cache` keeps its outputs under a key that covers everything that
can change them, :mod:`~sitebuild.snippets.runner` executes only what is stale, and
:mod:`~sitebuild.snippets.render` turns an entry into a chapter's Markdown. Errors are typed
in :mod:`~sitebuild.snippets.errors`.

Nothing here imports torch or Lightning: snippets run in a Jupyter kernel.
"""

from sitebuild.snippets.cache import CacheEntry, SnippetCache, environment_key, file_digest
from sitebuild.snippets.errors import SnippetError, SnippetNotFound, SnippetTimeout
from sitebuild.snippets.execute import ExecutedCell, Execution, execute_snippet
from sitebuild.snippets.render import render_entry, render_placeholder
from sitebuild.snippets.runner import Runner

__all__ = [
    "CacheEntry",
    "SnippetCache",
    "environment_key",
    "file_digest",
    "SnippetError",
    "SnippetNotFound",
    "SnippetTimeout",
    "ExecutedCell",
    "Execution",
    "execute_snippet",
    "Runner",
    "render_entry",
    "render_placeholder",
]
