"""``kb-question-fields``: the fields of a question file, read from the schema the grader
validates with (``graders/bank/question.schema.json``), as a table in the page's language.

The page "Writing questions" holds ``<!-- kb-question-fields -->``; the table can never
drift from the schema because it is the schema: each property's ``description`` (en) and
``x-zh`` (zh), whether it is required, and the values it accepts.
"""

from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

__all__ = ["QuestionFieldsPlugin", "render_fields"]

DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-question-fields[ \t]*-->[ \t]*$", re.M)

_TEXT = {
    "en": {"head": ("field", "required", "accepts", "meaning"), "yes": "yes", "no": "", "zh-en": "zh and en texts"},
    "zh": {"head": ("字段", "必填", "取值", "含义"), "yes": "是", "no": "", "zh-en": "中英文文本"},
}
_TYPES = {"string": "text", "number": "number", "integer": "integer", "object": "mapping", "array": "list"}


def _accepts(spec: dict, t: dict) -> str:
    if "enum" in spec:
        return " · ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("$ref", "").endswith("/text"):
        return t["zh-en"]
    if spec.get("$ref", "").endswith("/code"):
        return "`lower-case-words`"
    kinds = spec.get("type", [])
    return " / ".join(_TYPES.get(k, k) for k in ([kinds] if isinstance(kinds, str) else kinds))


def render_fields(schema: dict, lang: str) -> str:
    """The Markdown table of ``schema``'s top-level properties in ``lang`` (zh or en)."""
    t = _TEXT.get(lang, _TEXT["en"])
    required = set(schema.get("required", ()))
    rows = [f"| {' | '.join(t['head'])} |", "|---|---|---|---|"]
    for name, spec in schema["properties"].items():
        meaning = spec.get("x-zh") if lang == "zh" else spec.get("description")
        if not meaning:
            raise ValueError(f"question schema: property {name!r} has no {lang} description")
        mark = t["yes"] if name in required else t["no"]
        rows.append(f"| `{name}` | {mark} | {_accepts(spec, t)} | {meaning.replace('|', '∣')} |")
    return "\n".join(rows)


class QuestionFieldsPlugin(BasePlugin):
    """Replaces ``<!-- kb-question-fields -->`` with the table."""

    def on_page_markdown(self, markdown, page, config, files):
        if not DIRECTIVE.search(markdown):
            return markdown
        from graders.bank.schema import schema

        lang = page.file.src_uri.split("/", 1)[0]
        table = render_fields(schema(), lang)
        return DIRECTIVE.sub(lambda _: table, markdown)
