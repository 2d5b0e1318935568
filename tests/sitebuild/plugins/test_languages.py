"""``kb-languages``: interface strings per edition, and no head links Material would
probe for a ``sitemap.xml`` that cannot exist."""

from __future__ import annotations

import pytest

from sitebuild.plugins.languages import UI_STRINGS, relative_language_links, translate_ui

ALTERNATES = "".join(
    [
        '    <link rel="alternate" href="../../math/losses/" hreflang="zh">\n',
        '<link rel="alternate" href="./" hreflang="en">\n',
    ]
)


@pytest.mark.parametrize(
    ("html", "language", "expected"),
    [
        ('<a title="Permanent link">', "zh", '<a title="本节链接">'),
        (
            '<label title="Dark mode" aria-label="Dark mode">',
            "zh",
            '<label title="切换到深色模式" aria-label="切换到深色模式">',
        ),
        ('<a title="Permanent link">', "en", '<a title="Permanent link">'),
        ('<a title="Some heading">', "zh", '<a title="Some heading">'),  # only the table's strings
        ("<p>Permanent link</p>", "zh", "<p>Permanent link</p>"),  # text is the author's, not the interface's
        (f"<head>\n{ALTERNATES}</head>", "zh", "<head>\n</head>"),
        (f"<head>\n{ALTERNATES}</head>", "en", "<head>\n</head>"),
    ],
)
def test_translate_ui(html: str, language: str, expected: str) -> None:
    assert translate_ui(html, language) == expected


def test_every_translation_differs_from_the_english() -> None:
    for table in UI_STRINGS.values():
        assert all(english != translated and translated for english, translated in table.items())


@pytest.mark.parametrize(
    ("html", "page_url", "root", "expected"),
    [
        ('<a href="/" hreflang="zh" class="x">', "", "/", '<a href="./" hreflang="zh" class="x">'),
        ('<a href="/en/" hreflang="en">', "", "/", '<a href="en/" hreflang="en">'),
        ('<a href="/" hreflang="zh">', "en/", "/", '<a href="../" hreflang="zh">'),
        ('<a href="/en/" hreflang="en">', "en/", "/", '<a href="./" hreflang="en">'),
        ('<a href="/foundation-kb/en/" hreflang="en">', "", "/foundation-kb/", '<a href="en/" hreflang="en">'),
        ('<a href="../../en/math/" hreflang="en">', "math/x/", "/", '<a href="../../en/math/" hreflang="en">'),
        ('<a href="/en/">', "", "/", '<a href="/en/">'),  # only the language menu's links
    ],
)
def test_relative_language_links(html: str, page_url: str, root: str, expected: str) -> None:
    assert relative_language_links(html, page_url, root) == expected
