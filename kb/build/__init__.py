"""Site-build tools: execute docs snippets (jupytext percent-format ``.py`` notebooks),
cache their outputs under a key that covers everything that can change them, and
render the outputs into chapter pages (the ``kb-run`` MkDocs plugin).

Nothing here imports torch or Lightning: snippets run in a Jupyter kernel.
"""

from kb.build.cache import CacheEntry, SnippetCache, environment_key, file_digest
from kb.build.errors import SnippetError, SnippetTimeout
from kb.build.execute import ExecutedCell, Execution, execute_snippet
from kb.build.runner import Runner

__all__ = [
    "CacheEntry",
    "SnippetCache",
    "environment_key",
    "file_digest",
    "SnippetError",
    "SnippetTimeout",
    "ExecutedCell",
    "Execution",
    "execute_snippet",
    "Runner",
]
