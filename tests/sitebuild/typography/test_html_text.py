"""Which text of a built page the checker reads (html, blocks)."""

from __future__ import annotations

import pytest

from sitebuild.typography.html_text import text_blocks

CODE = "\U000f0000"

CASES = [
    ("<article><p>中文<em>强调</em>。</p></article>", ["中文强调。"]),
    ("<article><p>甲\n乙</p><p>丙</p></article>", ["甲 乙", "丙"]),
    ("<article><p>见 <code>f(x):</code> 中</p></article>", [f"见 {CODE} 中"]),
    ("<article><pre><code>x: 中文</code></pre><p>文</p></article>", ["文"]),
    ('<article><p>式 <span class="arithmatex">\\(a: b\\)</span> 中</p></article>', [f"式 {CODE} 中"]),
    ('<article><pre class="mermaid">A[中文: x]</pre></article>', []),
    ("<article><p>按 <kbd>Ctrl</kbd>:</p></article>", [f"按 {CODE}:"]),
    ("<article><p>见 https://example.org/a:b 中</p></article>", [f"见 {CODE} 中"]),
    ('<article><h2>标题<a class="headerlink" href="#x">¶</a></h2></article>', ["标题"]),
    ("<nav><p>导航: 不读</p></nav><article><p>读</p></article>", ["读"]),
    ("<head><title>标题 - 站名</title></head>", ["标题 - 站名"]),
]


@pytest.mark.parametrize(("html", "blocks"), CASES)
def test_text_blocks(html: str, blocks: list[str]) -> None:
    assert text_blocks(html) == blocks
