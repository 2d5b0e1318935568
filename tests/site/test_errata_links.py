"""The book and the errata cannot drift apart.

Wherever a page says one of the five articles (``000``–``004``) is wrong, unsupported,
misleading or out of date, the sentence links to the erratum that records it:
``([e001-google-deepspeech](../errata.md#e001-google-deepspeech))`` (in zh inside full-width
parentheses, several ids joined with 、). The link text is the erratum id and the target is the
errata page, which gives every entry an HTML id equal to its id, so the link is the same in zh
and en and takes the reader to the quoted claim, the correction and its check.

The tests here

* reject a marker whose id is not in ``graders/errata/errata.yaml``;
* find *assessment blocks* (a table row, list item or paragraph that names an article ID and
  uses a word of judgement: wrong, incorrect, misleading, 错误, 不对, 有误, 过时, 误导…) and
  reject every one without a marker, unless it is listed in :data:`NOT_AN_ERRATUM` (reviewed
  false positives, each with its reason) or :data:`PENDING` (real assessments whose erratum is
  not written yet; empty since issue 17, and it may only shrink);
* require both languages of a page to link the same errata.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graders.errata import load
from tests.site.test_structure import DOCS, LANGUAGES, pages, strip_fences
from tests.sitebuild.plugins.test_errata import unglossed_chinese

ERRATA_IDS = {e.id for e in load()}

# a marker: a link whose target is the errata page with an erratum id as fragment
MARKER = re.compile(r"\]\((?:\.\./)*errata\.md#(e00[0-4]-[a-z0-9-]+)\)")
# an article named by its ID, as the pages write it: `000` … `004`
ARTICLE = re.compile(r"`00[0-4]`")
JUDGEMENT = re.compile(
    r"\b(?:wrong|incorrect|not correct|unsupported|cannot be supported|misleading|out of date|outdated|"
    r"mistaken|erroneous|false|cannot be verified|could not be verified|cannot be confirmed|"
    r"imprecise|inaccurate|incomplete|cannot run|confuses|drops the)\b"
    # corrections phrased as a contrast with what an article says (issue 17: these three were missed)
    r"|\bis not only\b|\bdo(?:es)? not \"|\bholds for the [a-z ]+ only\b|\bholds only for\b"
    r"|错误|错的|不对|有误|过时|误导|没有依据|不成立|算错|写错|无法证实|无法核实"
    r"|不准确|不完整|不能运行|混淆|漏掉|遗漏|文中写成|写成了"
    r"|不是\s*`00[0-4]`[^。|]{0,8}所说|只对[^。|]{1,12}成立",
    re.I,
)
# pages that are about the errata themselves or list the articles' structure, not assessments
SKIP_PAGES = {"errata.md"}

# Reviewed false positives: (page, a distinctive piece of the block) -> why it needs no erratum.
# The same key covers both languages when the piece is language-neutral (a formula, a name).
_SUPPORTED = "the page finds the claim supported: nothing to correct"
_PLAUSIBLE = "the page finds the general statement plausible; that the article names no system is not an error"
_PARTLY = "the page finds it partly right and says what is known; nothing in the article is wrong as stated"
_BOOK = "the page finds 003's entry correct (it always calls the book a book)"
_HPC = (
    "true of foundation models proper, which are trained at scale; the FAQ only adds that fine-tuning and "
    "small models need no cluster, so there is nothing to correct"
)
NOT_AN_ERRATUM: dict[tuple[str, str], str] = {
    ("applications.md", "| `000` | YOLO is"): _SUPPORTED,
    ("applications.md", "| `000` | YOLO 是"): _SUPPORTED,
    ("applications.md", "Face++"): _SUPPORTED,
    ("applications.md", "Faster R-CNN, SSD"): _SUPPORTED,
    ("applications.md", "Faster R-CNN、SSD"): _SUPPORTED,
    ("applications.md", "| `001` | Google's Transformer"): _SUPPORTED,
    ("applications.md", "| `001` | 谷歌的 Transformer"): _SUPPORTED,
    ("applications.md", "| `003` | Google's BERT"): _SUPPORTED,
    ("applications.md", "| `003` | Google 的 BERT"): _SUPPORTED,
    ("applications.md", "TextCNN"): _SUPPORTED,
    ("applications.md", "WER"): _SUPPORTED,
    ("applications.md", "Tacotron"): _SUPPORTED,
    ("applications.md", "MRI"): _SUPPORTED,
    ("applications.md", "electronic health records"): _PLAUSIBLE,
    ("applications.md", "| `000` | Google Translate"): _PARTLY,
    ("applications.md", "| `000` | 谷歌翻译"): _PARTLY,
    ("applications.md", "Amazon's deep-learning recommender"): _PARTLY,
    ("applications.md", "亚马逊的深度学习推荐系统"): _PARTLY,
    ("applications.md", "电子健康记录"): _PLAUSIBLE,
    ("applications.md", "pre-trained language models model user interests"): _PLAUSIBLE,
    ("applications.md", "用预训练语言模型建模用户兴趣"): _PLAUSIBLE,
    (
        "history.md",
        "deep learning originated in the 1940s",
    ): "the page judges it roughly right, a simplification, and says so: not in the errata",
    (
        "history.md",
        "深度学习起源于 20 世纪 40 年代",
    ): "the page judges it roughly right, a simplification, and says so: not in the errata",
    ("models/cnn.md", "| `003` §3.1"): "the page calls the drawn structure right; it only notes that real networks "
    "repeat the conv/pool stage (a simplification, not an error)",
    ("resources.md", "| [*Deep Learning*](https://www.deeplearningbook.org/) | Ian Goodfellow"): _BOOK,
    ("resources.md", "| [*Deep Learning*（《深度学习》）]("): _BOOK,
    ("resources.md", "| He Han (何晗) |"): "an omission (no author given), not a wrong claim",
    ("resources.md", "| 何晗 |"): "an omission (no author given), not a wrong claim",
    (
        "resources.md",
        "| [Deep learning](https://doi.org/10.1038/nature14539) | Y. LeCun",
    ): "an omission (no venue given), not a wrong claim",
    ("practice/digits.md", "each write a CNN for MNIST"): "the chapter's introduction; the table below it links "
    "each error to its erratum",
    ("articles.md", "本站的内容来自五篇中文文章"): "the introduction says the articles contain many errors in general; "
    "the sections below and the errata page list them",
    ("faq.md", "遗漏了数据划分和部署后的监控"): "an omission in a FAQ answer (missing steps), not a wrong claim",
    ("concepts.md", "类别不平衡时准确率会误导"): "'misleading' is about the accuracy metric, not about an article",
    ("faq.md", "an HPC cluster is a prerequisite"): _HPC,
    ("faq.md", "高性能计算集群是必要条件"): _HPC,
    ("models/gan.md", '!!! note "来源"'): "the sources box only names the sections the page draws on; the TTUR "
    "misattribution it mentions is linked in the text above",
}

# Real assessments without an erratum yet: (lang, page, piece) -> summary. Empty since issue 17
# reconciled all of them; it may only shrink, so a new assessment needs its erratum first.
PENDING: dict[tuple[str, str, str], str] = {}


# the header of a table whose rows judge the articles (article | claim | assessment, …)
JUDGING_HEADER = re.compile(r"assessment|problem|correction|判断|评价|问题|更正")


def blocks(text: str) -> list[tuple[str, bool]]:
    """Table rows, list items and paragraphs of a Markdown page (outside code fences).

    Each comes with a flag: True for a row of a table whose header judges the articles.
    """
    out: list[tuple[str, bool]] = []
    current: list[str] = []
    header: str | None = None  # the header row of the table being read

    def flush() -> None:
        if current:
            out.append((" ".join(current), False))
            current.clear()

    for line in strip_fences(text):
        stripped = line.strip()
        if stripped.startswith("|"):
            flush()
            if header is None:
                header = stripped
            elif not re.fullmatch(r"[|:\- ]+", stripped):
                out.append((stripped, bool(JUDGING_HEADER.search(header))))
            continue
        header = None
        if not stripped or stripped.startswith("#"):
            flush()
        elif re.match(r"^(?:[-*+]|\d+\.)\s", stripped):
            flush()
            current.append(stripped)
        else:
            current.append(stripped)
    flush()
    return out


def is_assessment(block: str, judged: bool = False) -> bool:
    return bool(ARTICLE.search(block) and (judged or JUDGEMENT.search(block)))


def _allowed(lang: str, page: str, block: str) -> bool:
    if any(p == page and piece in block for (p, piece) in NOT_AN_ERRATUM):
        return True
    return any(lg == lang and p == page and piece in block for (lg, p, piece) in PENDING)


def unmarked(lang: str, page: str, text: str) -> list[str]:
    return [
        b
        for b, judged in blocks(text)
        if is_assessment(b, judged) and not MARKER.search(b) and not _allowed(lang, page, b)
    ]


def _pages(lang: str) -> list[str]:
    return sorted(p for p in pages(lang) if p not in SKIP_PAGES)


def _read(lang: str, page: str) -> str:
    return (DOCS / lang / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markers_name_existing_errata(lang: str) -> None:
    bad = [
        f"{lang}/{page}: {eid}"
        for page in _pages(lang)
        for eid in MARKER.findall(_read(lang, page))
        if eid not in ERRATA_IDS
    ]
    assert not bad, "erratum links to ids that errata.yaml does not have:\n" + "\n".join(bad)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_assessment_links_its_erratum(lang: str) -> None:
    missing = [f"{lang}/{page}: {b[:160]}" for page in _pages(lang) for b in unmarked(lang, page, _read(lang, page))]
    assert not missing, (
        "these sentences judge an article but link no erratum; add the erratum and a "
        "([eNNN-…](errata.md#eNNN-…)) link, or list a reviewed false positive:\n" + "\n".join(missing)
    )


def test_both_languages_link_the_same_errata() -> None:
    diff = []
    for page in _pages("en"):
        zh = DOCS / "zh" / page
        if not zh.is_file():
            continue
        a, b = set(MARKER.findall(_read("en", page))), set(MARKER.findall(zh.read_text(encoding="utf-8")))
        if a != b:
            diff.append(f"{page}: only en {sorted(a - b)}, only zh {sorted(b - a)}")
    assert not diff, "\n".join(diff)


def test_allow_lists_are_current() -> None:
    """Every allow-list entry still matches an unmarked assessment (a fixed one must leave the list)."""
    stale = []
    for (page, piece), reason in NOT_AN_ERRATUM.items():
        assert reason.strip(), (page, piece)
        hits = [
            b
            for lang in LANGUAGES
            if (DOCS / lang / page).is_file()
            for b, judged in blocks(_read(lang, page))
            if piece in b and is_assessment(b, judged) and not MARKER.search(b)
        ]
        if not hits:
            stale.append(f"NOT_AN_ERRATUM {page}: {piece}")
    for (lang, page, piece), summary in PENDING.items():
        assert summary.strip(), (lang, page, piece)
        hits = [
            b
            for b, judged in blocks(_read(lang, page))
            if piece in b and is_assessment(b, judged) and not MARKER.search(b)
        ]
        if not hits:
            stale.append(f"PENDING {lang}/{page}: {piece}")
    assert not stale, "remove these entries (they match no unmarked assessment):\n" + "\n".join(stale)


# ------------------------------------------------------------------ the detector itself

SAMPLE = """# Page

| article | claim | assessment |
|---|---|---|
| `001` | "Google's DeepSpeech" | wrong: Baidu's ([e001-google-deepspeech](errata.md#e001-google-deepspeech)) |
| `001` | "Microsoft's Acoustic Model" | wrong: not a named model |
| `000` | speech recognition uses DNNs | supported |

`004` 的 Adam 公式是错的。

Which outputs are used depends on the task; it is not only "the last step" as `004` says.

Gates mitigate it (they do not "effectively solve" it, as `000` says).

Only the last layer uses softmax (`004` says the dense layer uses it, which holds for the output layer only).

输出方式取决于任务，不是 `004` 所说的"在最后一个时间步输出"一种。

中间层用 ReLU（`004` 说全连接层用 softmax，只对输出层成立）。

```python
# `003` is wrong inside code: ignored
```
"""


def test_detector_finds_unmarked_assessments() -> None:
    found = unmarked("en", "sample.md", SAMPLE)
    # the unmarked "wrong" row, the "supported" row (a judging table: review it), the Adam sentence and
    # the five corrections phrased as a contrast ("not only", "do not", "holds … only", 不是…所说, 只对…成立)
    assert len(found) == 8, found
    assert "Acoustic Model" in found[0] and "supported" in found[1] and "Adam" in found[2]
    assert [
        next(w for w in ("not only", "do not", "output layer only", "所说", "成立") if w in b) for b in found[3:]
    ] == ["not only", "do not", "output layer only", "所说", "成立"]


def test_detector_reads_markers(tmp_path: Path) -> None:
    assert MARKER.findall(SAMPLE) == ["e001-google-deepspeech"]
    assert MARKER.findall("see ([e000-mse-example](../../errata.md#e000-mse-example))") == ["e000-mse-example"]


# ------------------------------------------------------------------ the built English errata page


class _TextOutsideQuotes(HTMLParser):
    """The text of the page's <article>, without blockquotes (the quoted claims), code and scripts."""

    SKIP = frozenset({"blockquote", "code", "pre", "script", "style"})

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.inside += tag == "article"
        self.skip += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        self.inside -= tag == "article"
        self.skip -= tag in self.SKIP

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.parts.append(data)


def test_built_english_errata_page_has_no_untranslated_chinese(built_site: Path) -> None:
    """Outside the quoted claims (which carry their English beside them), every run of Chinese on the
    English errata page is followed by an English gloss in parentheses (issue 19)."""
    parser = _TextOutsideQuotes()
    parser.feed((built_site / "en" / "errata" / "index.html").read_text(encoding="utf-8"))
    text = "".join(parser.parts)
    assert "Taught correctly in" in text, "the errata were not rendered"
    runs = unglossed_chinese(text)
    assert runs == [], f"{len(runs)} untranslated Chinese runs on the English errata page: {runs[:10]}"
