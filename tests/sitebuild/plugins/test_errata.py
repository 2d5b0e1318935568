"""The errata page renderer (kb-errata plugin)."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import PluginError

from graders.errata import SEVERITIES, report
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


# second reading (issue 17): places of a recurring error, and reasoning checks printed in full


def _shown(block: str) -> str:
    """What the reader sees of a rendered block: Markdown escapes and HTML entities undone."""
    import html

    return html.unescape(re.sub(r"\\(.)", r"\1", block))


@pytest.mark.parametrize(("lang", "label"), [("en", "The same error also in"), ("zh", "同一错误还出现在")])
def test_every_place_is_listed_under_its_entry(data: dict, lang: str, label: str) -> None:
    text = render_errata(data, lang)
    with_places = [e for e in data["errata"] if e["places"]]
    assert with_places
    for entry in with_places:
        block = text.split(f'id="{entry["id"]}"', 1)[1].split("</div>", 1)[0]
        assert label in block
        assert all(f"“{p['claim']}”" in _shown(block) for p in entry["places"])
        assert "**" not in block.split(label, 1)[1], "Markdown in a quoted place is escaped, not rendered"


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
            assert premise[lang].rstrip("。. ") in _shown(block) and premise.get("quote", "") in _shown(block)
    others = [e for e in data["errata"] if e["check"]["kind"] != "reasoning"]
    block = text.split(f'id="{others[0]["id"]}"', 1)[1].split("</div>", 1)[0]
    assert "kb-reasoning" not in block
