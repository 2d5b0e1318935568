"""Render a cache entry as Markdown for a chapter page: each cell's code, then its
outputs (text, tables, figures as inline PNG), then a line of small print saying how
and where the output was produced and where to download it as a notebook."""

from __future__ import annotations

import base64
import html
import struct

from sitebuild.snippets.cache import CacheEntry
from sitebuild.snippets.notebook import RUN_COMMAND

__all__ = ["render_entry", "render_placeholder"]

_TEXT = {
    "en": {
        "made": "Output of <code>{snippet}</code>, executed by the docs build",
        "profile": "profile {profile}",
        "seconds": "{seconds:.1f} s",
        "figure": "Figure produced by {snippet}",
        "where": {True: "CI", False: "local build"},
        "placeholder": "Snippet execution is switched off in this build; "
        "the output of <code>{snippet}</code> is not shown.",
        "notebook": "Notebook with these outputs: {link}; to re-run it with the project installed: {command}",
    },
    "zh": {
        "made": "以上输出由文档构建运行 <code>{snippet}</code> 生成",
        "profile": "配置 {profile}",
        "seconds": "用时 {seconds:.1f} 秒",
        "figure": "由 {snippet} 生成的图",
        "where": {True: "CI", False: "本地构建"},
        "placeholder": "本次构建关闭了代码执行，未显示 <code>{snippet}</code> 的输出。",
        "notebook": "含以上输出的笔记本：{link}；安装本项目后重新运行：{command}",
    },
}


def _text(lang: str) -> dict:
    return _TEXT.get(lang, _TEXT["en"])


def _fence(source: str) -> str:
    fence = "```"
    while fence in source:
        fence += "`"
    return f"{fence}python\n{source.rstrip()}\n{fence}"


def png_size(data: str) -> tuple[int, int] | None:
    """Width and height in pixels of a base64 PNG (from its IHDR chunk), None if it is not one.

    >>> header = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\0\\0\\0\\rIHDR" + struct.pack(">II", 900, 540)
    >>> png_size(base64.b64encode(header).decode())
    (900, 540)
    """
    head = base64.b64decode(data[:32] + "=" * (-len(data[:32]) % 4), validate=False)
    if len(head) < 24 or not head.startswith(b"\x89PNG\r\n\x1a\n") or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _output(out: dict[str, str], alt: str, lang: str = "en") -> str:
    kind, text = out["kind"], out["text"]
    if kind == "image/png":
        text = out.get(lang, text)  # the figure drawn with the page language's labels, when there is one
    if kind == "stream":
        css = "kb-output kb-stderr" if out.get("name") == "stderr" else "kb-output"
        return f'<pre class="{css}"><code>{html.escape(text.rstrip())}</code></pre>'
    if kind == "image/png":
        size = png_size(text)  # width and height reserve the figure's place before it is decoded
        dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
        return (
            f'<p class="kb-figure"><img alt="{html.escape(alt)}"{dims} decoding="async" '
            f'src="data:image/png;base64,{text}"></p>'
        )
    if kind == "image/svg+xml":
        return f'<div class="kb-figure">{text}</div>'
    if kind == "text/html":
        return f'<div class="kb-output kb-html">{text}</div>'
    if kind == "text/markdown":
        return text
    return f'<pre class="kb-output"><code>{html.escape(text.rstrip())}</code></pre>'


def _provenance(entry: CacheEntry, lang: str) -> str:
    t = _text(lang)
    p, env = entry.provenance, entry.environment
    device = p.get("device", "cpu") + (f" ({p['device_name']})" if p.get("device_name") else "")
    packages = env.get("packages", {})
    parts = [
        t["made"].format(snippet=html.escape("snippets/" + entry.snippet)),
        html.escape(device),
        f"torch {html.escape(packages.get('torch', '?'))}",
        f"pytorch-lightning {html.escape(packages.get('pytorch-lightning', '?'))}",
        f"Python {html.escape(env.get('python', '?'))}",
        t["profile"].format(profile=html.escape(env.get("profile", "?"))),
        t["seconds"].format(seconds=float(p.get("seconds", 0.0))),
        t["where"][bool(p.get("ci"))],
        html.escape(p.get("produced_at", "")),
    ]
    return '<p class="kb-provenance"><small>' + " · ".join(parts) + "</small></p>"


def _notebook_line(entry: CacheEntry, href: str, lang: str) -> str:
    file = href.rsplit("/", 1)[-1]
    command = RUN_COMMAND.format(profile=entry.environment.get("profile", "quick"), file=file)
    link = f'<a class="kb-notebook" href="{html.escape(href)}" download>{html.escape(file)}</a>'
    text = _text(lang)["notebook"].format(link=link, command=f"<code>{html.escape(command)}</code>")
    return f'<p class="kb-download"><small>{text}</small></p>'


def render_entry(entry: CacheEntry, *, lang: str = "en", show_code: bool = True, notebook: str | None = None) -> str:
    """Markdown for a snippet's executed cells, ending with the provenance line and, when
    ``notebook`` (a URL relative to the page) is given, the notebook's download link."""
    alt = _text(lang)["figure"].format(snippet=entry.snippet)
    blocks: list[str] = []
    for cell in entry.cells:
        if show_code and not cell.get("hide_input") and cell["source"].strip():
            blocks.append(_fence(cell["source"]))
        blocks.extend(_output(out, alt, lang) for out in cell["outputs"])
    blocks.append(_provenance(entry, lang))
    if notebook is not None:
        blocks.append(_notebook_line(entry, notebook, lang))
    body = "\n\n".join(blocks)
    return f'<div class="kb-run" data-snippet="{html.escape(entry.snippet)}" markdown>\n\n{body}\n\n</div>'


def render_placeholder(snippet: str, *, lang: str = "en") -> str:
    message = _text(lang)["placeholder"].format(snippet=html.escape("snippets/" + snippet))
    return f'<div class="kb-run kb-not-executed" data-snippet="{html.escape(snippet)}"><p><em>{message}</em></p></div>'
