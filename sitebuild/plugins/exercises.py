"""``kb-exercises``: list a chapter's ``kb-grade`` questions where a page says
``<!-- kb-exercises TOPIC [TOPIC ...] -->``, with the exact commands to run.

The list is read from the question files themselves (``graders/questions/``), so a
chapter can never name a question that does not exist or miss one added later. A
topic with no question fails the build.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

__all__ = ["ExercisesPlugin", "render_exercises"]

DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-exercises[ \t]+(?P<topics>[^>]*?)[ \t]*-->[ \t]*$", re.M)

_TEXT = {
    "en": {
        "from": "from article",
        "variants": "{n} variants: add `--seed N` or `--student ID` to `show` and `check`",
        "answer": "ANSWER",
        "steps": "steps.txt",
        "kinds": {"numeric": "number", "symbolic": "formula", "matrix": "matrix formula", "derivation": "derivation"},
        "intro": "Check your answers with `kb-grade` (exit code 0 = correct, 1 = incorrect, 2 = unreadable):",
    },
    "zh": {
        "from": "出自文章",
        "variants": "共 {n} 个变体：在 `show` 和 `check` 后加 `--seed N` 或 `--student 学号`",
        "answer": "答案",
        "steps": "steps.txt",
        "kinds": {"numeric": "数值", "symbolic": "公式", "matrix": "矩阵公式", "derivation": "推导"},
        "intro": "用 `kb-grade` 检查答案（退出码 0 = 正确，1 = 错误，2 = 无法读懂）：",
    },
}


def render_exercises(questions: list, lang: str) -> str:
    """A Markdown list: title, kind, source, and the commands for each question."""
    t = _TEXT.get(lang, _TEXT["en"])
    lines = [t["intro"], ""]
    for q in questions:
        summary = q.summary()
        title = summary["title"][lang if lang in ("zh", "en") else "en"].replace("\n", " ")
        kind = t["kinds"].get(q.kind, q.kind)
        source = summary.get("source")
        origin = f" — {t['from']} `{source['document'][:3]}`" if source else ""
        if q.kind == "derivation":
            command = f"kb-grade show {q.id}` · `kb-grade derive --question {q.id} {t['steps']}"
        else:
            command = f'kb-grade show {q.id}` · `kb-grade check {q.id} "{t["answer"]}"'
        lines.append(f"- **{title}** ({kind}{origin}): `{command}`")
        if summary.get("variants", 1) > 1:
            lines.append(f"  <br>{t['variants'].format(n=summary['variants'])}")
    return "\n".join(lines)


class ExercisesPlugin(BasePlugin):
    """Replaces ``<!-- kb-exercises TOPIC ... -->`` with the topic's questions."""

    _questions: dict | None = None

    def on_page_markdown(self, markdown, page, config, files):
        if not DIRECTIVE.search(markdown):
            return markdown
        if self._questions is None:
            from graders.bank import load_all

            self._questions = load_all()
        lang = page.file.src_uri.split("/", 1)[0] if "/" in page.file.src_uri else "en"

        def replace(match: re.Match) -> str:
            topics = match["topics"].split()
            chosen = [q for q in self._questions.values() if q.topic in topics]
            if not chosen:
                raise PluginError(
                    f"kb-exercises: no kb-grade question has topic {' or '.join(topics)} ({page.file.src_uri})"
                )
            return render_exercises(chosen, lang)

        return DIRECTIVE.sub(replace, markdown)
