"""The errata page renderer (kb-errata plugin)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from graders.errata import METHODS, SEVERITIES, report
from sitebuild.plugins import errata
from sitebuild.plugins.errata import heading_titles, render_errata


@pytest.fixture(scope="module")
def data() -> dict:
    return report()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_erratum_is_rendered_with_its_link(data: dict, lang: str) -> None:
    text = render_errata(data, lang)
    for entry in data["errata"]:
        assert f'id="{entry["id"]}"' in text
        page = entry["chapter"]["page"]
        assert f"]({page}" in text
    assert len(re.findall(r"\{#doc-\d{3}\}", text)) == len(data["documents"])


def test_languages_differ_only_in_words(data: dict) -> None:
    zh, en = render_errata(data, "zh"), render_errata(data, "en")
    assert "Correction" in en and "更正" in zh and "Correction" not in zh
    assert re.findall(r'id="([^"]+)"', zh) == re.findall(r'id="([^"]+)"', en)


def test_links_are_named_by_the_chapter_headings(data: dict) -> None:
    entry = next(e for e in data["errata"] if e["chapter"]["page"] == "math/losses.md" and e["chapter"]["anchor"])
    docs = {
        "math/losses.md": "# Loss functions {#loss-functions}\n\n## Mean squared error (MSE) {#mse}\n\n"
        "### Worked example {#mse-example}\n"
    }
    text = render_errata(
        {**data, "errata": [entry], "documents": [{"file": entry["document"], "title": "", "errata": [entry["id"]]}]},
        "en",
        docs,
    )
    assert "[Loss functions › " in text


def test_a_failing_check_fails_the_build(monkeypatch: pytest.MonkeyPatch, data: dict) -> None:
    broken = {**data, "errata": [{**data["errata"][0], "check": {**data["errata"][0]["check"], "result": "failed"}}]}
    monkeypatch.setattr("graders.errata.report", lambda: broken)
    with pytest.raises(PluginError, match="checks failed"):
        errata.ErrataPlugin()._load()


def test_heading_titles_ignore_code_fences() -> None:
    title, anchors = heading_titles("```\n# not a heading {#x}\n```\n# Real {#real}\n")
    assert (title, anchors) == ("Real", {"real": "Real"})


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "## 000: academia–industry collaboration {#doc-000}"), ("zh", "## 000：学术界与产业界 {#doc-000}")],
)
def test_articles_are_named_by_their_titles_not_file_names(data: dict, lang: str, heading: str) -> None:
    title = heading.removeprefix("## ").removesuffix(" {#doc-000}")
    text = render_errata(data, lang, {"articles.md": f"# Articles\n\n## {title} {{#article-000}}\n"})
    assert heading in text and "(articles.md#article-000)" in text
    assert not re.search(r"^## `", text, re.M)  # no heading is a file name
    assert re.search(r"^## 001: ", render_errata(data, lang), re.M)  # without the page: number and Chinese title


def test_check_metadata_is_small_print(data: dict) -> None:
    text = render_errata(data, "en")
    assert text.count('<small class="kb-check">check: <code>') == len(data["errata"])


@pytest.mark.parametrize(("lang", "group"), [("en", "### error ("), ("zh", "### 错误（")])
def test_entries_are_grouped_by_severity_most_serious_first(data: dict, lang: str, group: str) -> None:
    text = render_errata(data, lang)
    order = list(SEVERITIES)
    for document in data["documents"]:
        number = document["file"][:3]
        section = text.split(f"{{#doc-{number}}}", 1)[1].split("\n## ", 1)[0]
        groups = re.findall(rf"\{{#doc-{number}-([a-z]+)\}}", section)
        assert groups == sorted(groups, key=order.index), (number, groups)
        ids = re.findall(r'class="kb-erratum kb-severity-([a-z]+)" id="([^"]+)"', section)
        severities = {e["id"]: e["severity"] for e in data["errata"]}
        assert all(severities[i] == s for s, i in ids)
        assert [s for s, _ in ids] == sorted((s for s, _ in ids), key=order.index)
    assert group in text
    for severity, (label, meaning) in SEVERITIES.items():
        assert (
            f"{label.get(lang)}</span> | {meaning.get(lang)} | {data['counts']['by_severity'].get(severity, 0)} |"
            in text
        )


@pytest.mark.parametrize(("lang", "phrase"), [("en", "could not be verified"), ("zh", "无法核实")])
def test_could_not_be_verified_is_said_once_per_entry(data: dict, lang: str, phrase: str) -> None:
    text = render_errata(data, lang)
    for entry in data["errata"]:
        block = text.split(f'id="{entry["id"]}"', 1)[1].split("</div>", 1)[0]
        n = block.lower().count(phrase)
        if entry["status"] == "unverifiable":
            assert n == 1, f"{entry['id']}: {phrase!r} {n} times"


@pytest.mark.parametrize(("lang", "colon"), [("en", ": "), ("zh", "：")])
def test_check_notes_are_small_print_in_the_page_language(data: dict, lang: str, colon: str) -> None:
    text = render_errata(data, lang)
    noted = [e for e in data["errata"] if e["check"]["note"][lang]]
    assert noted
    for entry in noted:
        block = text.split(f'id="{entry["id"]}"', 1)[1].split("</div>", 1)[0]
        small = re.search(r'<small class="kb-check">(.*?)</small>', block).group(1)
        assert METHODS[entry["check"]["kind"]].get(lang) + colon + html.escape(entry["check"]["note"][lang]) in small
    if lang == "zh":
        assert "**原因：**" in text and "**原因:**" not in text  # a full-width colon, inside the bold label


# a run of Chinese text not followed, before any Latin letter, by a parenthesised English gloss
_RUN = r"(?:《[^》]*》|[\u3400-\u9fff，。：；、（）“”])+"
UNGLOSSED_CJK = re.compile(rf"(?>{_RUN}(?:\s*/\s*{_RUN})*)(?![^A-Za-z(\n\u3400-\u9fff]*\()")


def unglossed_chinese(markdown: str) -> list[str]:
    """Chinese runs of the page outside the quotes (``>`` lines) and code, with no English gloss."""
    text = "\n".join(line for line in markdown.splitlines() if not line.startswith(">"))
    text = html.unescape(re.sub(r"`[^`]*`|<code>.*?</code>", "", text))
    return UNGLOSSED_CJK.findall(text)


def _pages(lang: str) -> dict[str, str]:
    folder = Path(__file__).resolve().parents[3] / "docs" / lang
    return {str(f.relative_to(folder)): f.read_text(encoding="utf-8") for f in folder.rglob("*.md")}


def test_the_english_page_quotes_chinese_with_english_beside_it(data: dict) -> None:
    en, zh = render_errata(data, "en", _pages("en")), render_errata(data, "zh", _pages("zh"))
    for entry in data["errata"]:
        for place in (entry, *entry["also"]):
            if place["quote_en"]:
                assert f"(“{html.escape(place['quote_en'])}”)" in en, entry["id"]
                assert html.escape(place["quote_en"]) not in zh, entry["id"]
    assert unglossed_chinese(en) == [], "untranslated Chinese on the English errata page"
    sample = "section: 背景介绍\n> 原文: “中文”\n`代码` 深度学习 (deep learning), 《Python深度学习》 (a title)"
    assert unglossed_chinese(sample) == ["背景介绍"]


# second reading (issue 17): every place of a recurring error, and reasoning checks printed in full


def _shown(block: str) -> str:
    """What the reader sees of a rendered block: tags, Markdown escapes and HTML entities undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", block)))


@pytest.mark.parametrize(
    ("lang", "label", "nth"),
    [("en", "The same error also in", " (occurrence {n})"), ("zh", "同一错误又见于", "（第 {n} 处）")],
)
def test_every_recurrence_is_listed_under_its_entry(data: dict, lang: str, label: str, nth: str) -> None:
    text = render_errata(data, lang)
    recurring = [e for e in data["errata"] if e["also"]]
    assert recurring and any(p["occurrence"] for e in recurring for p in e["also"])
    for entry in recurring:
        block = text.split(f'id="{entry["id"]}"', 1)[1].split("</div>", 1)[0]
        assert block.count(f"> {label}") == len(entry["also"])
        assert all(nth.format(n=p["occurrence"]) in block for p in entry["also"] if p["occurrence"])
        assert all(f"“{p['claim']}”" in _shown(block) for p in entry["also"])
        assert "**" not in block.split(label, 1)[1].split("\n\n", 1)[0], "Markdown in a quote is escaped"


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "reasoning check: nothing is computed"), ("zh", "推理检查：不做计算")]
)
def test_reasoning_checks_are_printed_and_labelled(data: dict, lang: str, label: str) -> None:
    text = render_errata(data, lang)
    reasoning = [e for e in data["errata"] if e["check"]["kind"] == "reasoning"]
    assert reasoning
    for entry in reasoning:
        block = text.split(f'id="{entry["id"]}"', 1)[1].split("</div>", 1)[0]
        assert label in block and 'class="kb-reasoning"' in block
        assert entry["check"]["reasoning"]["argument"][lang] in _shown(block)
        for premise in entry["check"]["reasoning"]["premises"]:
            assert premise[lang].rstrip("。. ") in _shown(block)
            if premise.get("quote"):  # quoted verbatim on the zh page, said in English on the en page
                assert (premise["quote"] if lang == "zh" else "quoted from the article") in _shown(block)
    others = [e for e in data["errata"] if e["check"]["kind"] != "reasoning"]
    block = text.split(f'id="{others[0]["id"]}"', 1)[1].split("</div>", 1)[0]
    assert "kb-reasoning" not in block
