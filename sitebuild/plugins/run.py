"""``kb-run``: a MkDocs plugin that replaces ``<!-- kb-run NAME -->`` lines in a page
with the executed output of ``docs/snippets/NAME``.

Options (``mkdocs.yml``)::

    plugins:
      - kb-run:
          profile: !ENV [KB_PROFILE, quick]   # quick | full
          execute: !ENV [KB_EXECUTE, true]    # false: show code only, run nothing
          cell_timeout: 300                   # seconds per cell
          snippets_dir: docs/snippets
          cache_dir: .cache/kb-run
          workers: 2                          # snippets executed in parallel

Directive options: ``<!-- kb-run NAME hide-code -->`` shows outputs only.
The page language (for the small print and the figures) is the first folder of the page
path (``en/`` or ``zh/``). Each executed snippet is also written, from the cache, as a
notebook in the page language's ``notebooks/`` folder of the site
(:mod:`~sitebuild.snippets.notebook`), linked under its output.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

from kb.profiles import ProfileError, get_profile
from sitebuild.config import RunConfig, RunSettings
from sitebuild.snippets.errors import SnippetError, SnippetNotFound
from sitebuild.snippets.notebook import notebook_name, write_notebook
from sitebuild.snippets.render import render_entry, render_placeholder
from sitebuild.snippets.runner import Runner

__all__ = ["RunPlugin", "DIRECTIVE"]

log = logging.getLogger("mkdocs.plugins.kb-run")

DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-run[ \t]+(?P<name>[^\s>]+)(?P<options>[^>]*?)[ \t]*-->[ \t]*$", re.M)


class RunPlugin(BasePlugin[RunConfig]):
    """See the module docstring."""

    runner: Runner | None = None

    def on_config(self, config):
        try:
            get_profile(self.config.profile)
        except ProfileError as exc:
            raise PluginError(f"kb-run: {exc}") from None
        if self.runner is None:  # i18n builds once per language: keep one runner
            settings = RunSettings.from_config(self.config, Path(config.config_file_path).resolve().parent)
            self.runner = Runner.from_settings(settings, log=log.info)
        return config

    def on_pre_build(self, config):
        """Execute every stale snippet the pages refer to, ``workers`` at a time."""
        if not self.config.execute:
            return
        names = []
        for page in Path(config.docs_dir).rglob("*.md"):
            names += [m["name"] for m in DIRECTIVE.finditer(page.read_text(encoding="utf-8"))]
        known = [n for n in names if (self.runner.snippets_dir / n).is_file()]  # others fail on their page
        try:
            self.runner.prepare(known, workers=self.config.workers)
        except SnippetError as exc:
            raise PluginError(f"kb-run: {exc}") from None

    def on_page_markdown(self, markdown, page, config, files):
        lang = page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else "en"

        def replace(match: re.Match) -> str:
            name, options = match["name"], match["options"].split()
            if not self.config.execute:
                return render_placeholder(name, lang=lang)
            try:
                entry = self.runner.get(name, page.file.src_uri)
            except (SnippetError, SnippetNotFound) as exc:
                raise PluginError(f"kb-run: {exc}") from None
            # the language's part of the site: "en/" for en pages, "" for the default language's
            prefix = lang + "/" if page.url.startswith(lang + "/") else ""
            url = f"{prefix}notebooks/{notebook_name(name)}"
            write_notebook(entry, self.runner.snippet_path(name), Path(config.site_dir) / url, lang=lang)
            href = get_relative_url(url, page.url)
            return render_entry(entry, lang=lang, show_code="hide-code" not in options, notebook=href)

        return DIRECTIVE.sub(replace, markdown)

    def on_post_build(self, config):
        if self.runner is not None:
            self.runner.close()
        if self.runner is not None and self.config.execute:
            log.info(
                "kb-run: %d snippet(s) executed, %d reused from cache",
                len(self.runner.executed),
                len(set(self.runner.reused)),
            )
