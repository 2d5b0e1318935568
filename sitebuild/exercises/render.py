"""A chapter's exercises as HTML: every question in full, readable with JavaScript off.

For each question: title, the prompt and hints of every variant (a reader sees one; the page's
script picks it), the variables and shapes an answer may use, the source article and its wrong
claim where the question comes from one, the answer (behind a button), an answer box and the
``kb-grade`` commands. The text comes from the grader itself (:func:`graders.web.handle`), so the page
shows exactly the question ``kb-grade show`` prints.

>>> html = render_exercises(["mse-house-prices"], "en")
>>> 'data-id="mse-house-prices"' in html and "190, 310, 410" in html
True
"""

from __future__ import annotations

import html
import json

from .labels import UI, ui_for

__all__ = ["render_exercises", "render_overview", "ui_json", "MAX_VARIANTS"]

#: variants written into the page; a question with more shows its first ones
MAX_VARIANTS = 32


def _t(key: str, lang: str, **params) -> str:
    return UI[key][0 if lang == "zh" else 1].format(**params)


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(' '.join(p.split()))}</p>" for p in parts)


def _math(latex: str) -> str:
    return f'<span class="arithmatex">\\({html.escape(latex)}\\)</span>'


def _variables(q: dict, lang: str) -> str:
    if not q["variables"]:
        return ""
    names = ", ".join(
        v["name"]
        + (f" ({v['shape'][0]}×{v['shape'][1]})" if v["shape"] else "")
        + (" > 0" if v["domain"] == "positive" else "")
        for v in q["variables"]
    )
    return f'<p class="kb-ex-vars">{html.escape(_t("declared", lang, names=names))}</p>'


def _source(q: dict, lang: str) -> str:
    src = q["source"]
    if not src:
        return ""
    # the article's heading path and printed claim are quoted as written (kb-verbatim: the
    # zh typography checker, sitebuild.typography, leaves their punctuation alone)
    verbatim = '<span class="kb-verbatim">{}</span>'.format
    section = verbatim(html.escape(src["section"]))
    out = f'<p class="kb-ex-source">{_t("from-article", lang, doc=html.escape(src["document"][:3]), section=section)}'
    if src.get("source_claim"):
        out += f"<br>{_t('article-printed', lang, claim=verbatim(html.escape(src['source_claim'])))}"
    return out + "</p>"


def _variant(q: dict, lang: str, index: int, count: int) -> str:
    hints = "".join(f"<li hidden>{html.escape(h)}</li>" for h in q["hints"][lang])
    solution = q["solution"]
    answer = _math(solution["latex"]) if solution["latex"] else f"<code>{html.escape(solution['answer'])}</code>"
    label = f'<p class="kb-ex-variant-label">{_t("variant", lang, i=index + 1, n=count)}</p>' if count > 1 else ""
    return (
        f'<div class="kb-ex-variant" data-variant="{index}"{" hidden" if index else ""}>{label}'
        f"{_paragraphs(q['prompt'][lang])}"
        f'<ol class="kb-ex-hints" hidden>{hints}</ol>'
        f'<p class="kb-ex-solution" hidden>{_t("answer-is", lang)} {answer}</p></div>'
    )


def _commands(qid: str, kind: str, count: int) -> str:
    if kind == "derivation":
        check = f"kb-grade derive --question {qid} steps.txt"
    else:
        check = f'kb-grade check {qid} "…"' + (" --seed N" if count > 1 else "")
    return f"<code>kb-grade show {qid}</code> · <code>{html.escape(check)}</code>"


def _question(qid: str, lang: str) -> str:
    from graders.web import handle

    first = handle({"op": "question", "id": qid, "seed": 0})
    count = min(first["variants"], MAX_VARIANTS)
    variants = [first] + [handle({"op": "question", "id": qid, "seed": i}) for i in range(1, count)]
    kind = first["kind"]
    box_id = f"kb-ex-answer-{qid}"
    label = _t("answer-derivation" if kind == "derivation" else "answer", lang)
    if kind == "derivation":
        field = (
            f'<textarea id="{box_id}" class="kb-ex-input" rows="5" spellcheck="false" '
            f'placeholder="{html.escape(first["start"])}"></textarea>'
        )
    else:
        field = (
            f'<input id="{box_id}" class="kb-ex-input" type="text" autocomplete="off" spellcheck="false" '
            f'autocapitalize="off">'
        )
    buttons = [
        f'<button type="button" class="kb-ex-check md-button md-button--primary">{_t("check", lang)}</button>',
        f'<button type="button" class="kb-ex-hint md-button">{_t("hint", lang)}</button>',
        f'<button type="button" class="kb-ex-show-solution md-button">{_t("solution", lang)}</button>',
    ]
    if count > 1:
        buttons.append(f'<button type="button" class="kb-ex-new-variant md-button">{_t("new-variant", lang)}</button>')
    return (
        f'<section class="kb-exercise" id="exercise-{qid}" data-id="{qid}" data-kind="{kind}" data-variants="{count}">'
        f'<h3 class="kb-ex-title">{html.escape(first["title"][lang])} '
        f'<span class="kb-ex-solved-mark" title="{_t("solved", lang)}">✓</span></h3>'
        + "".join(_variant(v, lang, i, count) for i, v in enumerate(variants))
        + _variables(first, lang)
        + _source(first, lang)
        + f'<div class="kb-ex-answer"><label for="{box_id}">{label}</label>{field}'
        f'<div class="kb-ex-buttons">{"".join(buttons)}</div></div>'
        f'<div class="kb-ex-loading" hidden role="status">'
        f'<span class="kb-ex-loading-stage">{_t("loading", lang)}</span> '
        f'<progress max="1" value="0"></progress></div>'
        f'<div class="kb-ex-preview" aria-live="polite"></div>'
        f'<div class="kb-ex-result" aria-live="polite" role="status"></div>'
        f'<p class="kb-ex-commands">{_commands(qid, kind, count)}</p>'
        "</section>"
    )


def render_exercises(ids: list[str], lang: str) -> str:
    """The exercise section of a chapter: one block per question, in the order given."""
    intro = f'<p class="kb-ex-intro">{html.escape(_t("intro", lang))}</p>'
    return intro + "".join(_question(qid, lang) for qid in ids)


def render_overview(chapters: list[tuple[str, str, list[tuple[str, str]]]], lang: str) -> str:
    """Every chapter's questions with a mark for the solved ones (kept in the reader's browser).
    ``chapters``: (chapter title, page URL, [(question id, title)])."""
    out = ['<div class="kb-ex-overview">']
    for title, url, questions in chapters:
        out.append(f'<h3><a href="{html.escape(url)}">{html.escape(title)}</a></h3><ul>')
        for qid, qtitle in questions:
            out.append(
                f'<li data-solved-id="{qid}"><a href="{html.escape(url)}#exercise-{qid}">{html.escape(qtitle)}</a>'
                f' <span class="kb-ex-solved-mark" title="{_t("solved", lang)}">✓</span></li>'
            )
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def ui_json(lang: str) -> str:
    """The page's interface words and settings, for the script (``<script type="application/json">``)."""
    return json.dumps(ui_for(lang), ensure_ascii=False).replace("</", "<\\/")
