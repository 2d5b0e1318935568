"""``kb-errata``: render the machine-checked errata (``graders/errata/errata.yaml``) into
the page that contains ``<!-- kb-errata -->``, in the page's language.

Every check that can run inside the grader (SymPy, references, listings, diagrams,
grader questions) runs during the build; a failing check fails the build. Checks that
need PyTorch or NumPy run in the test suite (``tests/errata``) and are labelled so.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from graders.errata.model import METHODS, SEVERITIES

__all__ = ["ErrataPlugin", "render_errata"]

ARTICLES_PAGE = "articles.md"  # its "## NNN: title {#article-NNN}" headings name the errata's sections
DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-errata[ \t]*-->[ \t]*$", re.M)

_TEXT = {
    "en": {
        "summary": "{total} errata in {documents} articles: {errors} with a correction, "
        "{unverifiable} claims that could not be verified. By severity:",
        "severity": "severity",
        "meaning": "meaning",
        "group": "{label} ({n})",
        "known": "What is known",
        "also": "The same error also in",
        "category": "category",
        "section": "section",
        "check": "check",
        "claim": "The article says",
        "correction": "Correction",
        "why": "Why",
        "taught": "Taught correctly in",
        "confirmed": "confirmed during this build",
        "needs-tests": "run by the test suite (PyTorch/NumPy)",
        "count": "errata",
        "article": "the article",
        "categories": {
            "arithmetic": "arithmetic",
            "formula": "formula",
            "code-result": "code/result mismatch",
            "fact-citation": "fact/citation",
            "diagram": "diagram",
            "other": "other",
        },
        "table": ("category", "errata"),
        "colon": ": ",
        "parens": " ({})",
    },
    "zh": {
        "summary": "共 {total} 条勘误，涉及 {documents} 篇文章：{errors} 条附更正，"
        "{unverifiable} 条说法无法核实。按严重程度：",
        "severity": "严重程度",
        "meaning": "含义",
        "group": "{label}（{n} 条）",
        "known": "已知情况",
        "also": "同一错误又见于",
        "category": "类别",
        "section": "章节",
        "check": "检查",
        "claim": "原文",
        "correction": "更正",
        "why": "原因",
        "taught": "正确讲解见",
        "confirmed": "本次构建已验证",
        "needs-tests": "由测试套件运行（PyTorch/NumPy）",
        "count": "条勘误",
        "article": "关于这篇文章",
        "categories": {
            "arithmetic": "算术",
            "formula": "公式",
            "code-result": "代码与结果不符",
            "fact-citation": "事实/引用",
            "diagram": "图示",
            "other": "其他",
        },
        "table": ("类别", "数量"),
        "colon": "：",
        "parens": "（{}）",
    },
}


_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*(?:\{#(?P<id>[^}\s]+)[^}]*\})?[ \t]*$", re.M)


def heading_titles(markdown: str) -> tuple[str, dict[str, str]]:
    """The page title (first heading) and a map anchor id -> heading text.

    >>> heading_titles("# Loss functions {#loss}\\n\\n## Mean squared error {#mse}\\n")
    ('Loss functions', {'loss': 'Loss functions', 'mse': 'Mean squared error'})
    """
    title, anchors = "", {}
    fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else _HEADING.match(line)
        if match:
            title = title or match["text"]
            if match["id"]:
                anchors[match["id"]] = match["text"]
    return title, anchors


def _link_text(entry: dict, docs: dict[str, str]) -> str:
    chapter = entry["chapter"]
    title, anchors = heading_titles(docs.get(chapter["page"], ""))
    parts = [title or chapter["page"]]
    if chapter.get("anchor") and anchors.get(chapter["anchor"], title) != title:
        parts.append(anchors[chapter["anchor"]])
    return " › ".join(p.replace("[", "(").replace("]", ")") for p in parts)


def _verbatim(text: str) -> str:
    """The article's own words (a quoted claim, a section path), marked so that the zh
    typography checker (:mod:`sitebuild.typography`) leaves their punctuation as quoted."""
    return f'<span class="kb-verbatim">{html.escape(text)}</span>'


def _label(name: str, colon: str) -> str:
    """``**Why:** `` in English, ``**原因：**`` in Chinese (no space after a full-width colon)."""
    return f"**{name}{colon.rstrip()}**" + colon[len(colon.rstrip()) :]


def _section(place: dict, lang: str) -> str:
    """The article's section path; on the English page its English name."""
    if lang == "en" and place.get("section_en"):
        return html.escape(place["section_en"])
    return _verbatim(place["section"])


def _quote(place: dict, lang: str) -> str:
    """The quoted Chinese claim; on the English page followed by its English translation."""
    quote = f"“{_verbatim(place['claim'])}”"
    if lang == "en" and place.get("quote_en"):
        quote += f' <span class="kb-quote-en">(“{html.escape(place["quote_en"])}”)</span>'
    return quote


def _one(entry: dict, t: dict, lang: str, docs: dict[str, str]) -> str:
    check = entry["check"]
    status = t.get(check.get("result", ""), check.get("result", ""))
    chapter = entry["chapter"]
    target = chapter["page"] + (f"#{chapter['anchor']}" if chapter.get("anchor") else "")
    colon = t["colon"]
    severity = entry["severity"]
    label = SEVERITIES[severity][0].get(lang)
    lines = [
        f'<div class="kb-erratum kb-severity-{severity}" id="{entry["id"]}" markdown>',
        "",
        f'<span class="kb-severity">{label}</span> **`{entry["id"]}`** · '
        f"{t['category']}{colon}{t['categories'][entry['category']]} · {t['section']}{colon}{_section(entry, lang)}",
        f'<small class="kb-check">{t["check"]}{colon}<code>{check["kind"]}/{check["name"]}</code>'
        f"{t['parens'].format(status)} · "
        f"{METHODS[check['kind']].get(lang)}{colon + html.escape(note) if (note := check['note'][lang]) else ''}"
        "</small>",
        "",
        f"> {t['claim']}{colon}{_quote(entry, lang)}",
        *(  # one paragraph per place: a soft line break would put a space between Chinese quotes
            f">\n> {t['also']}{colon}`{p['document'][:3]}` {_section(p, lang)}{colon}{_quote(p, lang)}"
            for p in entry.get("also", [])
        ),
        "",
    ]
    if entry["correction"][lang]:
        what = t["known"] if entry["status"] == "unverifiable" else t["correction"]
        lines.append(_label(what, colon) + entry["correction"][lang])
    lines += [
        "",
        _label(t["why"], colon) + entry["explanation"][lang],
        "",
        f"{t['taught']}{colon}[{_link_text(entry, docs)}]({target})",
        "",
        "</div>",
    ]
    return "\n".join(lines)


def render_errata(report: dict, lang: str, docs: dict[str, str] | None = None) -> str:
    """Markdown for the whole errata list, grouped by document and, within one, by severity
    (most serious first, in the order of :data:`~graders.errata.model.SEVERITIES`).

    ``docs`` maps a page path (relative to the language folder) to its Markdown, used
    to name the linked chapter sections by their headings, and each article's section
    by its heading on the articles page (``NNN: title``, in the page's language).
    """
    docs = docs or {}
    t = _TEXT.get(lang, _TEXT["en"])
    entries = {e["id"]: e for e in report["errata"]}
    counts = report["counts"]
    by_status, by_severity = counts["by_status"], counts["by_severity"]
    parts = [
        t["summary"].format(
            total=counts["total"],
            documents=len(report["documents"]),
            errors=by_status.get("error", 0),
            unverifiable=by_status.get("unverifiable", 0),
        ),
        "",
        f"| {t['severity']} | {t['meaning']} | {t['table'][1]} |",
        "|---|---|---|",
        *(
            f'| <span class="kb-severity kb-severity-{s}">{label.get(lang)}</span> | {meaning.get(lang)} | '
            f"{by_severity.get(s, 0)} |"
            for s, (label, meaning) in SEVERITIES.items()
        ),
        "",
        f"| {t['table'][0]} | {t['table'][1]} |",
        "|---|---|",
        *(f"| {t['categories'][c]} | {n} |" for c, n in sorted(Counter(counts["by_category"]).items())),
    ]
    articles = heading_titles(docs.get(ARTICLES_PAGE, ""))[1]
    for document in report["documents"]:
        number = document["file"].split("_", 1)[0]
        title = articles.get(f"article-{number}") or f"{number}: {document.get('title') or document['file']}"
        parts += ["", f"## {title} {{#doc-{number}}}", ""]
        parts += [
            f"[{t['article']}]({ARTICLES_PAGE}#article-{number}) · `{document['file']}` · "
            f"{len(document['errata'])} {t['count']}",
            "",
        ]
        for severity, (label, _) in SEVERITIES.items():
            group = [entries[i] for i in document["errata"] if entries[i]["severity"] == severity]
            if group:
                heading = t["group"].format(label=label.get(lang), n=len(group))
                parts += [f"### {heading} {{#doc-{number}-{severity}}}", ""]
                parts += [_one(e, t, lang, docs) + "\n" for e in group]
    return "\n".join(parts)


class ErrataPlugin(BasePlugin):
    """Replaces ``<!-- kb-errata -->`` with the rendered errata."""

    _report: dict | None = None

    def _load(self) -> dict:
        if self._report is None:
            from graders.errata import report

            data = report()
            failed = [e["id"] for e in data["errata"] if e["check"].get("result") == "failed"]
            if failed:
                raise PluginError(f"kb-errata: checks failed for {', '.join(failed)}: fix the errata data")
            self._report = data
        return self._report

    def on_page_markdown(self, markdown, page, config, files):
        if not DIRECTIVE.search(markdown):
            return markdown
        lang = page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else "en"
        folder = Path(config.docs_dir) / lang
        pages = {e["chapter"]["page"] for e in self._load()["errata"]} | {ARTICLES_PAGE}
        docs = {p: (folder / p).read_text(encoding="utf-8") for p in pages if (folder / p).is_file()}
        rendered = render_errata(self._load(), lang, docs)
        return DIRECTIVE.sub(lambda _: rendered, markdown)
