"""Docs snippets, from file to Markdown: :mod:`~sitebuild.snippets.execute` runs a
jupytext percent-format ``.py`` notebook in a child forked from a pre-imported parent
(:mod:`~sitebuild.snippets.forked`) or in a fresh Jupyter kernel, drawing each figure in
every language (:mod:`~sitebuild.snippets.figures`),
:mod:`~sitebuild.snippets.cache` keeps its outputs under a key that covers everything that
can change them, :mod:`~sitebuild.snippets.runner` executes only what is stale, and
:mod:`~sitebuild.snippets.render` turns an entry into a chapter's Markdown and
:mod:`~sitebuild.snippets.notebook` into a notebook to download. Errors are typed in
:mod:`~sitebuild.snippets.errors`.

Nothing here imports torch or Lightning into the build's process: snippets run in other
processes (the forked executor's parent imports them, by name, in its own process).
"""

from sitebuild.snippets.cache import CacheEntry, SnippetCache, environment_key, file_digest
from sitebuild.snippets.errors import SnippetError, SnippetNotFound, SnippetTimeout
from sitebuild.snippets.execute import ExecutedCell, Execution, execute_snippet
from sitebuild.snippets.forked import Zygote, fork_available
from sitebuild.snippets.notebook import to_notebook, write_notebook
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
    "Zygote",
    "fork_available",
    "to_notebook",
    "write_notebook",
    "Runner",
    "render_entry",
    "render_placeholder",
]
