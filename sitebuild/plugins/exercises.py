"""``kb-exercises``: a chapter's ``kb-grade`` questions on the page, graded in the reader's browser.

``<!-- kb-exercises TOPIC [TOPIC ...] -->`` becomes the topic's questions in full with an answer box
each (:mod:`sitebuild.exercises.render`); ``<!-- kb-exercises-overview -->`` a list of every chapter's
questions with the ones the reader solved marked. The questions are read from the grader's own bank,
so a chapter can never name a question that does not exist or miss one added later; a topic with no
question fails the build.

Pages with exercises get the grader: Pyodide, the byte-compiled standard library, ``graders`` and
SymPy, served under ``assets/grader/`` (:mod:`sitebuild.exercises.bundle`, cached between builds),
started by the page's script only when a reader starts an exercise. Other pages load none of it.

Options (``mkdocs.yml``)::

    - kb-exercises:
        bundle: !ENV [KB_GRADER_BUNDLE, true]   # false: no in-browser grading (a faster build)
        cache_dir: .cache/grader-bundle
        node_modules: node_modules
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

__all__ = ["ExercisesPlugin", "DIRECTIVE", "OVERVIEW"]

DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-exercises[ \t]+(?P<topics>[^>]*?)[ \t]*-->[ \t]*$", re.M)
OVERVIEW = re.compile(r"^[ \t]*<!--[ \t]*kb-exercises-overview[ \t]*-->[ \t]*$", re.M)
ASSETS = Path(__file__).resolve().parents[1] / "exercises" / "assets"
_TITLE = re.compile(r"^#\s+(.+)$", re.M)


class ExercisesConfig(base.Config):
    bundle = c.Type((bool, str), default=True)
    cache_dir = c.Type(str, default=".cache/grader-bundle")
    node_modules = c.Type(str, default="node_modules")


def _lang(page) -> str:
    return page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else "en"


class ExercisesPlugin(BasePlugin[ExercisesConfig]):
    """See the module docstring."""

    _bundle = None
    _questions: dict | None = None

    def questions(self) -> dict:
        if self._questions is None:
            from graders.bank import load_all

            self._questions = load_all()
        return self._questions

    def on_files(self, files: Files, config) -> Files:
        for path in sorted(ASSETS.iterdir()):
            files.append(File.generated(config, f"assets/grader/{path.name}", abs_src_path=str(path)))
        if str(self.config.bundle).strip().lower() in {"0", "false", "no", "off"}:
            return files
        if self._bundle is None:  # i18n builds once per language: build the bundle once
            from sitebuild.exercises.bundle import BundleError, build

            root = Path(config.config_file_path).resolve().parent
            try:
                self._bundle = build(root, root / self.config.node_modules, root / self.config.cache_dir)
            except BundleError as exc:
                raise PluginError(f"kb-exercises: {exc}") from None
        for rel, path in self._bundle.files.items():
            files.append(File.generated(config, f"assets/grader/{rel}", abs_src_path=str(path)))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        from sitebuild.exercises.render import render_exercises, render_overview

        has_exercises = bool(DIRECTIVE.search(markdown) or OVERVIEW.search(markdown))
        if not has_exercises:
            return markdown
        lang = _lang(page)
        page.meta["kb_exercises"] = lang

        def replace(match: re.Match) -> str:
            topics = match["topics"].split()
            chosen = [q.id for q in self.questions().values() if q.topic in topics]
            if not chosen:
                raise PluginError(
                    f"kb-exercises: no kb-grade question has topic {' or '.join(topics)} ({page.file.src_uri})"
                )
            return "\n" + render_exercises(chosen, lang) + "\n"

        markdown = DIRECTIVE.sub(replace, markdown)
        return OVERVIEW.sub(lambda m: "\n" + render_overview(self.chapters(files, lang, page), lang) + "\n", markdown)

    def chapters(self, files: Files, lang: str, page) -> list:
        """(chapter title, URL from ``page``, [(id, title)]) of every page with exercises in ``lang``."""
        out = []
        for f in files.documentation_pages():
            if not f.src_uri.startswith(f"{lang}/") or f.abs_src_path is None:
                continue
            text = Path(f.abs_src_path).read_text(encoding="utf-8")
            topics = [t for m in DIRECTIVE.finditer(text) for t in m["topics"].split()]
            if not topics:
                continue
            title = _TITLE.search(text)
            qs = [(q.id, q.title.get(lang)) for q in self.questions().values() if q.topic in topics]
            out.append((title[1].strip() if title else f.src_uri, get_relative_url(f.url, page.url), qs))
        return out

    def on_post_page(self, output: str, page, config) -> str:
        lang = page.meta.get("kb_exercises")
        if not lang:
            return output
        from sitebuild.exercises.render import ui_json

        css = get_relative_url("assets/grader/exercises.css", page.url)
        js = get_relative_url("assets/grader/exercises.js", page.url)
        head = f'<link rel="stylesheet" href="{css}">'
        body = (
            f'<script id="kb-exercises-ui" type="application/json">{ui_json(lang)}</script>'
            f'<script src="{js}" defer data-kb-exercises></script>'
        )
        return output.replace("</head>", head + "</head>", 1).replace("</body>", body + "</body>", 1)
