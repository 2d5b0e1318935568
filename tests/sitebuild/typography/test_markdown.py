"""The Markdown fixer: what it fixes, and the syntax it must leave alone (input, output)."""

from __future__ import annotations

import pytest

from sitebuild.typography.markdown import fix_markdown, unresolved

FIXES = [
    # wrapped lines between CJK are joined (a line end there renders as a space)
    ("第一行\n第二行", "第一行第二行"),
    ("- 列表项\n  接着写", "- 列表项接着写"),
    ("> 引文\n> 接着写", "> 引文接着写"),
    ("!!! note\n    内容\n    接着写", "!!! note\n    内容接着写"),
    ("见 [下一节](next.md)\n和后文", "见[下一节](next.md)和后文"),
    ("说明 (中文)\n内容", "说明（中文）内容"),
    ('说它"专门"\n过窄', "说它“专门”过窄"),
    ("见 [下一节](next.md)\n“引文”", "见[下一节](next.md)“引文”"),
    # quotes pair within a paragraph, across its lines; not across paragraphs or table rows
    ('判断"ResNet 结构"与"在 ImageNet 上\nViT 模型"哪个', "判断“ResNet 结构”与“在 ImageNet 上\nViT 模型”哪个"),
    ('| "甲 | 乙" |\n| "丙" | 丁 |', "| “甲 | 乙” |\n| “丙” | 丁 |"),
    # prose next to syntax is fixed
    ("见下表:\n\n| a |", "见下表：\n\n| a |"),
    ('!!! warning "注意:这里"', '!!! warning "注意：这里"'),
    ("**更正:** 正确", "**更正：**正确"),
    ('=== "选项 (一)"\n\n    内容', '=== "选项（一）"\n\n    内容'),
    ("*[CNN]: 卷积神经网络 (CNN)", "*[CNN]: 卷积神经网络（CNN）"),
    ("# 标题 (中文) {#title}", "# 标题（中文） {#title}"),
]

KEPT = [
    "# 标题\n正文",  # a heading is not joined to the next line
    "第一行  \n第二行",  # a hard line break
    "中文\n- 列表",  # a new block
    "| 中文 | 中文 |\n| 中文 | 中文 |",
    "```python\nx = f(a, b)  # 中文: 注释\n```",
    "~~~\n中文\n中文\n~~~",
    "```mermaid\ngraph LR\n  A[输入 (x)] --> B[输出: y]\n```",
    "值 `f(x, y):` 中",
    "公式 $f(x) = (a, b)$ 和 $$\\text{损失}: L$$ 中",
    "行内 \\(g(x): 中\\) 式",
    '[损失](math/losses.md#mse "标题: x")',
    "<!-- kb-run math/adam.py -->\n中文",
    '<span class="kb-x" title="中文: 提示">中文</span>',
    "见 <https://example.org/a?b=c> 中",
    "见 https://example.org/a,b 中",
    "---\ntitle: 标题: x\n---\n正文",
    "![图 (x)](a.png)",
    "[^1]: 脚注",
    "[ref]: https://example.org/中文(x)",
    "中文\\(转义",
    "比例 3:2",
    "Adam (Kingma and Ba, 2015): first-order",
    '--8<-- "snippets/中文: x.md"',
    "\\begin{align}\n  f(x): 中文 \\\\\n  g\n\\end{align}",
    '=== "中文"\n\n    正文',
]


@pytest.mark.parametrize(("text", "fixed"), FIXES)
def test_fix_markdown(text: str, fixed: str) -> None:
    assert fix_markdown(text)[0] == fixed
    assert fix_markdown(fixed) == (fixed, [])  # idempotent


@pytest.mark.parametrize("text", KEPT)
def test_syntax_is_kept(text: str) -> None:
    assert fix_markdown(text) == (text, [])


_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]
_EXTENSIONS += ["pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.arithmatex"]


def _structure(text: str) -> tuple[list, str]:
    """The rendered tags (with href, id, class) and the text of code and maths, in order."""
    from html.parser import HTMLParser

    import markdown

    class Parser(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list = []
            self.code: list[str] = []
            self.stack: list[tuple[str, bool]] = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            self.tags.append((tag, a.get("href"), a.get("id"), a.get("class")))
            if tag not in {"br", "hr", "img", "input"}:
                verbatim = tag in {"code", "pre"} or "arithmatex" in (a.get("class") or "")
                self.stack.append((tag, verbatim or bool(self.stack and self.stack[-1][1])))

        def handle_endtag(self, tag):
            while self.stack and self.stack.pop()[0] != tag:
                pass

        def handle_data(self, data):
            if self.stack and self.stack[-1][1]:
                self.code.append(data)

    html = markdown.markdown(text, extensions=_EXTENSIONS, extension_configs={"pymdownx.arithmatex": {"generic": True}})
    parser = Parser()
    parser.feed(html)
    return parser.tags, "".join(parser.code)


@pytest.mark.parametrize("text", [t for t, _ in FIXES] + KEPT)
def test_fixing_keeps_the_rendered_structure(text: str) -> None:
    """Same elements, links, ids and classes, same code and maths: only prose changed."""
    assert _structure(fix_markdown(text)[0]) == _structure(text)


UNRESOLVED = [
    ('它说"开头\n\n另一段"结尾', ["straight-quote", "straight-quote"]),  # quotes never pair across paragraphs
    ("用 [PyTorch](x)训练", ["cjk-latin-space"]),  # the space belongs outside the link: a human decides
    ("model.fit(x,\ny)。", []),  # a bracket closed on the next line of the paragraph is paired
    ("一切正常", []),
]


@pytest.mark.parametrize(("text", "rules"), UNRESOLVED)
def test_unresolved(text: str, rules: list[str]) -> None:
    fixed = fix_markdown(text)[0]
    assert [f.rule for f in unresolved(fixed)] == rules
