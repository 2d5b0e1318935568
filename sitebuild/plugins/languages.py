"""``kb-languages``: each edition speaks its own language, and switching keeps the place.

* The interface strings Material and Python-Markdown write in English whatever the page's
  language (the palette toggle's tooltips, the heading anchors' "Permanent link") are
  translated on the Chinese pages, from one table, :data:`UI_STRINGS`.
* The ``<link rel="alternate" hreflang>`` tags the i18n plugin writes into every page's
  head are removed: Material fetches ``sitemap.xml`` *relative to each of them*, which for a
  page link is a file that cannot exist (two 404s per page view). The same hreflang pairs
  are in the site's ``sitemap.xml``, where search engines read them, and the language menu
  still links each page to its translation.
* The language menu keeps the anchor: ``assets/language-switch.js`` adds the current
  ``#fragment`` to the link the reader follows (explicit ``{#id}`` anchors are the same in
  both editions, which ``tests/site/test_structure.py`` checks).
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

__all__ = ["LanguagesPlugin", "UI_STRINGS", "translate_ui"]

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


def translate_ui(html: str, language: str) -> str:
    """``html`` with the English interface strings (as ``title`` and ``aria-label``
    attributes) in ``language``, and without head ``alternate`` links."""
    html = _ALTERNATE.sub("", html)
    table = UI_STRINGS.get(language)
    if not table:
        return html
    return _ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{table.get(m.group(2), m.group(2))}"', html)


class LanguagesPlugin(BasePlugin):
    def on_post_page(self, output: str, page, config) -> str:
        return translate_ui(output, config.theme["language"])

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return translate_ui(output_content, config.theme["language"])  # 404.html is a template, not a page
