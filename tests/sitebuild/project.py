"""A tiny MkDocs project with the kb-run plugin, for the plugin and ``kb docs`` tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["MKDOCS_YML", "build", "kb_docs", "make_project"]

MKDOCS_YML = """\
site_name: t
exclude_docs: |
  snippets/
plugins:
  - kb-run:
      execute: !ENV [KB_EXECUTE, true]
      cache_dir: !ENV [KB_CACHE_DIR, .cache/kb-run]
      cell_timeout: 60
markdown_extensions: [md_in_html]
"""


def make_project(folder: Path, snippet: str, page: str) -> Path:
    """``docs/snippets/demo.py`` = ``snippet``, ``docs/en/index.md`` = ``page``."""
    (folder / "docs" / "en").mkdir(parents=True)
    (folder / "docs" / "snippets").mkdir()
    (folder / "docs" / "snippets" / "demo.py").write_text(snippet)
    (folder / "docs" / "en" / "index.md").write_text(page)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML)
    return folder


def _env(env: dict[str, str]) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"KB_CACHE_DIR", "KB_EXECUTE", "KB_PROFILE"}}
    return {**clean, "NO_MKDOCS_2_WARNING": "1", **env}


def build(project: Path, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` in ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(env),
    )


def kb_docs(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``kb docs ARGS`` in ``project``."""
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", "docs", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(env),
    )
