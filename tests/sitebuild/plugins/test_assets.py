"""``kb-assets``: a page gets Mermaid and MathJax only when it uses them."""

from __future__ import annotations

import pytest

from sitebuild.plugins.assets import drop_indentation, drop_unused_libraries

SCRIPTS = (
    '  <link rel="stylesheet" href="../../assets/_mkdocstrings.css">\n'
    '  <script src="../../assets/vendor/mermaid/mermaid.min.js"></script>\n'
    '  <script src="../../assets/mathjax-config.js"></script>\n'
    '  <script src="../../assets/vendor/mathjax/tex-mml-chtml.js"></script>\n'
    '  <script src="../../assets/language-switch.js"></script>\n'
)
MERMAID = "mermaid.min.js"
MATHJAX = ("mathjax-config.js", "tex-mml-chtml.js")
API = "_mkdocstrings.css"


@pytest.mark.parametrize(
    ("content", "kept", "dropped"),
    [
        ("<p>text</p>", (), (MERMAID, *MATHJAX, API)),
        ('<div class="doc doc-object doc-function">', (API,), (MERMAID, *MATHJAX)),
        ('<pre class="mermaid"><code>flowchart LR</code></pre>', (MERMAID,), MATHJAX),
        ('<span class="arithmatex">\\(x\\)</span>', MATHJAX, (MERMAID,)),
        ('<div class="arithmatex">\\[x\\]</div><pre class="mermaid">', (MERMAID, *MATHJAX), ()),
        ('<input id="a" class="kb-ex-input" type="text">', MATHJAX, (MERMAID,)),  # the feedback is typeset
        ('<ul class="kb-ex-overview">', (), (MERMAID, *MATHJAX)),  # a list of exercises is not
        ("<p>the word mermaid, class arithmatex</p>", (), (MERMAID, *MATHJAX)),  # prose is not markup
    ],
)
def test_drop_unused_libraries(content: str, kept: tuple[str, ...], dropped: tuple[str, ...]) -> None:
    html = drop_unused_libraries(f"<body>{content}\n{SCRIPTS}</body>")
    assert all(name in html for name in kept) and not any(name in html for name in dropped)
    assert "language-switch.js" in html and content in html


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        ("<p>one\n  two</p>", "<p>one\ntwo</p>"),  # a line break (a space when rendered) stays
        ("<pre><code>x = 1\n    y = 2\n</code></pre>\n  <p>", "<pre><code>x = 1\n    y = 2\n</code></pre>\n<p>"),
        ("<textarea>\n  a\n</textarea>", "<textarea>\n  a\n</textarea>"),
        ("<script>\n  if (a)\n    b();\n</script>", "<script>\n  if (a)\n    b();\n</script>"),
        ("<pre class='x'>\n a</pre>\n <pre>\n b</pre>", "<pre class='x'>\n a</pre>\n<pre>\n b</pre>"),
    ],
)
def test_drop_indentation(html: str, expected: str) -> None:
    assert drop_indentation(html) == expected
