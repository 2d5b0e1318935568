"""The text a reader sees on a built page, block by block, for the typography checker.

Only the page's article (``<article>``) and its title are read. Skipped, as the rules must
not judge them: code (``code``, ``pre``, ``kbd``, ``samp``), maths (``.arithmatex``,
``math``, MathJax output), diagrams (``.mermaid``, ``svg``), scripts and styles, URLs written
out in text, and quotations of the source articles (``.kb-verbatim``: their punctuation is
the article's). A skipped element leaves an opaque placeholder, so ``(`x`)`` is not
"a parenthesis next to CJK" merely because the code is invisible to the checker. Inline
elements (links, emphasis) are looked through; block elements end a text block.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sitebuild.typography.rules import OPAQUE_BASE

__all__ = ["text_blocks"]

_SKIP_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "mjx-container", "template"}
_SKIP_CLASSES = {"arithmatex", "mermaid", "headerlink", "MathJax", "kb-verbatim"}  # kb-verbatim: a quotation
_BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "details",
    "summary", "blockquote", "figcaption", "caption", "table", "tr", "ul", "ol", "dl", "br",
    "section", "article", "header", "footer", "nav", "label", "title", "hr", "figure",
}  # fmt: skip
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed"}
_URL = re.compile(r"\bhttps?://\S+")
_OPAQUE = chr(OPAQUE_BASE)


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0  # open elements inside a skipped one (the skipped one included)
        self._in_article = 0
        self._in_title = False

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        if text.strip(_OPAQUE + " "):
            self.blocks.append(_URL.sub(_OPAQUE, text))
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag == "article":
            self._in_article += 1
        if self._skip_depth:
            if tag not in _VOID:
                self._skip_depth += 1
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in _SKIP_TAGS or classes & _SKIP_CLASSES:
            if "headerlink" not in classes:  # the heading's ¶ is no neighbour of its text
                self._current.append(_OPAQUE)
            if tag not in _VOID:
                self._skip_depth = 1
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            self._flush()
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip_depth and (self._in_article or self._in_title):
            self._current.append(data)


def text_blocks(html: str) -> list[str]:
    """The visible text blocks of a page's title and article, whitespace collapsed.

    >>> text_blocks('<article><p>见 <code>x</code>: <a href="a">表</a></p></article>')
    ['见 \U000f0000: 表']
    """
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks
