"""``kb-search``: each edition searches its own pages, and diagram source is not text.

* **One index per language.** The i18n plugin builds one pass per language into one site and
  then merges every pass's search entries into one ``search/search_index.json``, dropping the
  entries of a translation whose title and text equal the default edition's (which is how the
  English API reference pages, generated from the same English docstrings, went missing), so
  both editions searched both languages. This plugin keeps each pass's own entries and, after
  the i18n plugin is done, writes ``search/search_index.<language>.json`` per edition (and the
  default edition's as ``search/search_index.json``, the file Material requests);
  ``assets/search-on-demand.js`` points each page's request at its edition's file (the page's
  ``<html lang>``). Each index keeps English (lunr's base language) and its own language.
* **Mermaid source is not indexed**: ``<pre class="mermaid">`` blocks get Material's
  ``data-search-exclude`` attribute (Material's search plugin removes it from the page again).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

__all__ = ["SearchPlugin", "edition_index", "exclude_diagrams"]

INDEX = Path("search") / "search_index.json"


def exclude_diagrams(html: str) -> str:
    """``html`` with every Mermaid block marked for Material's search plugin to skip."""
    return html.replace('<pre class="mermaid">', '<pre class="mermaid" data-search-exclude="diagram">')


def edition_index(config: dict, entries: list[dict], language: str) -> dict:
    """The search index of one edition: its ``entries`` and the search ``config`` with only
    English and ``language`` among the lunr languages."""
    langs = [lang for lang in config["lang"] if lang in ("en", language)] or ["en"]
    return {"config": {**config, "lang": langs}, "docs": entries}


class SearchPlugin(BasePlugin):
    def __init__(self) -> None:
        self.editions: dict[str, tuple[dict, list[dict]]] = {}  # language -> (search config, entries)

    def on_page_content(self, html: str, page, config, files) -> str:
        return exclude_diagrams(html)

    @event_priority(-50)  # after Material's search plugin indexed this pass, before the i18n plugin (-100)
    def _keep_entries(self, config) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        index = search.search_index
        keys = ("lang", "separator", "pipeline", "fields")
        self.editions[config.theme["language"]] = ({k: index.config[k] for k in keys}, list(index.entries))

    @event_priority(-110)  # after the i18n plugin wrote its merged index
    def _write_indexes(self, config) -> None:
        folder = Path(config.site_dir) / INDEX.parent
        for i, (language, (search_config, entries)) in enumerate(self.editions.items()):
            data = json.dumps(edition_index(search_config, entries, language), ensure_ascii=False)
            (folder / f"search_index.{language}.json").write_text(data, encoding="utf-8")
            if i == 0:  # the first pass is the default edition's
                (folder / INDEX.name).write_text(data, encoding="utf-8")

    on_post_build = CombinedEvent(_keep_entries, _write_indexes)
