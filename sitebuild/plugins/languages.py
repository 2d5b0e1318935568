"""``kb-languages``: each edition speaks its own language, and switching keeps the place.

* The interface strings Material and Python-Markdown write in English whatever the page's
  language (the palette toggle's tooltips, the heading anchors' "Permanent link") are
  translated on the Chinese pages, from one table, :data:`UI_STRINGS`.
* The ``<link rel="alternate" hreflang>`` tags the i18n plugin writes into every page's
  head are removed: Material fetches ``sitemap.xml`` *relative to each of them*, which for a
  page link is a file that cannot exist (two 404s per page view). The same hreflang pairs
  are in the site's ``sitemap.xml``, where search engines read them, and the language menu
  still links each page to its translation.
* The language menu's links are relative: on the home pages the i18n plugin writes them as
  absolute paths (``/``, ``/en/``), which break when the site is served under a sub-path
  (a project's Pages address) unless ``site_url`` names that path exactly.
* The language menu keeps the anchor: ``assets/language-switch.js`` adds the current
  ``#fragment`` to the link the reader follows (explicit ``{#id}`` anchors are the same in
  both editions, which ``tests/site/test_structure.py`` checks).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

__all__ = ["LanguagesPlugin", "UI_STRINGS", "relative_language_links", "translate_ui"]

# language -> English interface string -> that language's
UI_STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "Dark mode": "切换到深色模式",
        "Light mode": "切换到浅色模式",
        "Permanent link": "本节链接",
    },
}

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_ATTRIBUTE = re.compile(r'(title|aria-label)="([^"]*)"')
_ABSOLUTE_LANGUAGE_LINK = re.compile(r'<a href="(/[^"/][^"]*|/)" hreflang="')


def translate_ui(html: str, language: str) -> str:
    """``html`` with the English interface strings (as ``title`` and ``aria-label``
    attributes) in ``language``, and without head ``alternate`` links."""
    html = _ALTERNATE.sub("", html)
    table = UI_STRINGS.get(language)
    if not table:
        return html
    return _ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{table.get(m.group(2), m.group(2))}"', html)


def relative_language_links(html: str, page_url: str, root: str = "/") -> str:
    """``html`` with the language menu's absolute links (under the site's ``root`` path) made
    relative to the page at ``page_url`` (a site-relative URL, ``""`` for the home page)."""

    def relative(match: re.Match[str]) -> str:
        target = match.group(1).removeprefix(root.rstrip("/")).strip("/")
        return f'<a href="{get_relative_url(target or ".", page_url or ".")}/" hreflang="'

    return _ABSOLUTE_LANGUAGE_LINK.sub(relative, html)


class LanguagesPlugin(BasePlugin):
    def on_post_page(self, output: str, page, config) -> str:
        root = urlsplit(config.site_url or "/").path
        return relative_language_links(translate_ui(output, config.theme["language"]), page.url, root)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return translate_ui(output_content, config.theme["language"])  # 404.html is a template, not a page
