"""The strict site build: both languages, executed output with provenance, nothing
fetched from the network, no Lightning noise in pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.site.conftest import site_pages

pytestmark = pytest.mark.site

NOISE = [
    "GPU available",
    "TPU available",
    "LOCAL_RANK",
    "💡 Tip",
    "Trainer.fit` stopped",
    "Seed set to",
    "You are using a CUDA device",
    "PossibleUserWarning",
    "\r",
]


def test_both_languages_have_the_same_pages(built_site: Path) -> None:
    pages = site_pages(built_site)
    zh = {p for p in pages if not p.startswith("/en/")}
    en = {p.removeprefix("/en") for p in pages if p.startswith("/en/")}
    assert zh and zh == en


def test_losses_chapter_shows_executed_output_and_figure(built_site: Path) -> None:
    for lang, page in (("zh", "math/losses/index.html"), ("en", "en/math/losses/index.html")):
        html = (built_site / page).read_text()
        assert "MSE = sum / n : 100.0" in html, lang
        assert html.count('class="kb-provenance"') == 2, lang
        figure = r'<img alt="[^"]+" width="[1-9]\d*" height="[1-9]\d*" decoding="async" '
        assert re.search(figure + r'src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}">', html), lang
        assert "torch 2." in html and ("profile quick" in html or "配置 quick" in html), lang


def test_no_lightning_noise_in_any_page(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        runs = re.findall(r'<div class="kb-run".*?class="kb-provenance"', page.read_text(), re.S)
        for run in runs:
            for noise in NOISE:
                assert noise not in run, f"{noise!r} in {page}"


def test_pages_reference_no_remote_assets(built_site: Path) -> None:
    remote = re.compile(
        r'<(?:script|img|iframe)[^>]+src="(?:https?:)?//|<link(?![^>]*rel="canonical")[^>]+href="(?:https?:)?//[^"]+"'
    )
    for page in built_site.rglob("*.html"):
        match = remote.search(page.read_text())
        assert match is None, f"{page.relative_to(built_site)}: {match.group(0)}"
    assert not list(built_site.rglob("*.woff*")) or all("vendor/mathjax" in str(p) for p in built_site.rglob("*.woff*"))


def test_vendored_assets_are_served_by_the_site(built_site: Path) -> None:
    assert (built_site / "assets/vendor/mermaid/mermaid.min.js").stat().st_size > 1_000_000
    assert (built_site / "assets/vendor/mathjax/tex-mml-chtml.js").is_file()
    assert list((built_site / "assets/vendor/mathjax/output/chtml/fonts/woff-v2").glob("*.woff"))


def test_api_reference_pages_render_docstrings(built_site: Path) -> None:
    for prefix in ("", "en/"):
        kb_page = (built_site / prefix / "reference/kb/index.html").read_text()
        assert "make_trainer" in kb_page and "LitLinearRegression" in kb_page
        graders_page = (built_site / prefix / "reference/graders/index.html").read_text()
        for name in ("check", "load_all", "equiv_texts", "run_isolated", "Verdict"):  # the public API ...
            assert f'id="graders.{name}"' in graders_page, (prefix, name)
        assert 'id="graders.evaluation' not in graders_page  # ... and only that


def test_search_index_splits_chinese_words(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text())
    assert "zh" in index["config"]["lang"]
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b损失\u200b函数\u200b" in text  # jieba split the words at build time


def test_readme_records_the_vendored_versions() -> None:
    root = Path(__file__).resolve().parents[2]
    lock = json.loads((root / "package-lock.json").read_text())["packages"]
    readme = (root / "README.md").read_text()
    for package in ("mermaid", "mathjax"):
        version = lock[f"node_modules/{package}"]["version"]
        assert re.search(rf"{package}.*\| {re.escape(version)} \|", readme, re.I), package


@pytest.mark.parametrize(
    ("page", "present", "absent"),
    [
        (
            "math/losses/index.html",
            ['title="本节链接"', 'title="切换到深色模式"', "用 MkDocs 与 Material"],
            ['title="Permanent link"', 'title="Dark mode"', "Made with"],
        ),
        (
            "en/math/losses/index.html",
            ['title="Permanent link"', 'title="Dark mode"', "built with MkDocs"],
            ["本节链接", "Made with"],
        ),
    ],
)
def test_each_edition_has_its_own_interface_strings(built_site: Path, page: str, present, absent) -> None:
    html = (built_site / page).read_text()
    assert all(s in html for s in present), [s for s in present if s not in html]
    assert not any(s in html for s in absent), [s for s in absent if s in html]


def test_no_page_head_links_a_sitemap_probe(built_site: Path) -> None:
    """Material fetches sitemap.xml relative to every head ``rel=alternate`` link; the
    hreflang pairs live in the site's sitemap.xml instead."""
    files = [built_site / p.lstrip("/") / "index.html" for p in site_pages(built_site)] + [built_site / "404.html"]
    heads = {str(f): f.read_text().split("</head>")[0] for f in files}
    assert not [p for p, head in heads.items() if 'rel="alternate"' in head]
    assert 'hreflang="en"' in (built_site / "sitemap.xml").read_text()


def test_the_404_page_speaks_both_languages(built_site: Path) -> None:
    html = (built_site / "404.html").read_text()
    assert "这个地址没有页面" in html and "There is no page at this address" in html
    links = re.findall(r'<div class="kb-not-found">.*?</div>', html, re.S)[0]
    assert re.findall(r'href="([^"]*)"', links) == ["/", "/en/"]  # the site's root: 404.html is served at any path


@pytest.mark.parametrize(
    ("page", "required"), [("writing-questions/index.html", "是"), ("en/writing-questions/index.html", "yes")]
)
def test_writing_questions_shows_the_schema_and_the_templates(built_site: Path, page: str, required: str) -> None:
    from graders.bank.schema import schema

    html = (built_site / page).read_text()
    assert all(f"<code>{name}</code>" in html for name in schema()["properties"])
    assert f"<td>{required}</td>" in html and html.count('class="tabbed-block"') == 4
    text = re.sub(r"<[^>]+>", "", html)  # code is highlighted token by token
    assert "forgot-to-divide" in text and "kb-grade validate course-bank" in text  # templates and workflow included
