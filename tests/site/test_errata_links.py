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
  not written yet, issue 17; the list may only shrink);
* require both languages of a page to link the same errata.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graders.errata import load
from tests.site.test_structure import DOCS, LANGUAGES, pages, strip_fences

ERRATA_IDS = {e.id for e in load()}

# a marker: a link whose target is the errata page with an erratum id as fragment
MARKER = re.compile(r"\]\((?:\.\./)*errata\.md#(e00[0-4]-[a-z0-9-]+)\)")
# an article named by its ID, as the pages write it: `000` … `004`
ARTICLE = re.compile(r"`00[0-4]`")
JUDGEMENT = re.compile(
    r"\b(?:wrong|incorrect|not correct|unsupported|cannot be supported|misleading|out of date|outdated|"
    r"mistaken|erroneous|false|cannot be verified|could not be verified|cannot be confirmed|"
    r"imprecise|inaccurate|incomplete|cannot run|confuses|drops the)\b"
    r"|错误|错的|不对|有误|过时|误导|没有依据|不成立|算错|写错|无法证实|无法核实"
    r"|不准确|不完整|不能运行|混淆|漏掉|遗漏|文中写成|写成了",
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
    ("resources.md", "| *Deep Learning* | Ian Goodfellow"): _BOOK,
    ("resources.md", "| *Deep Learning*（《深度学习》）"): _BOOK,
    ("resources.md", "| He Han (何晗) |"): "an omission (no author given), not a wrong claim",
    ("resources.md", "| 何晗 |"): "an omission (no author given), not a wrong claim",
    ("resources.md", "| Deep learning | Y. LeCun"): "an omission (no venue given), not a wrong claim",
    ("practice/digits.md", "each write a CNN for MNIST"): "the chapter's introduction; the table below it links "
    "each error to its erratum",
    ("articles.md", "本站的内容来自五篇中文文章"): "the introduction says the articles contain many errors in general; "
    "the sections below and the errata page list them",
    ("faq.md", "遗漏了数据划分和部署后的监控"): "an omission in a FAQ answer (missing steps), not a wrong claim",
    ("math/linear-algebra-calculus.md", "以免混淆"): "about this page's own notation, not an error",
    ("concepts.md", "类别不平衡时准确率会误导"): "'misleading' is about the accuracy metric, not about an article",
    ("models/gan.md", '!!! note "来源"'): "the sources box only names the sections the page draws on; the TTUR "
    "misattribution it mentions is linked in the text above",
}

# Real assessments without an erratum yet (issue 17, item 1): (lang, page, piece) -> summary.
PENDING: dict[tuple[str, str, str], str] = {
    ("en", "applications.md", "have reached human recognition level"): "004b: 'human level' (ImageNet top-5 only)",
    ("zh", "applications.md", "达到了人类的识别水平"): "004b: 'human level' (ImageNet top-5 only)",
    ("en", "applications.md", "Baidu's speech recognition uses DNNs and LSTMs"): "003: DS2: conv + GRU; review",
    ("zh", "applications.md", "百度的语音识别系统使用 DNN 和 LSTM"): "003: DS2: conv + GRU; review",
    ("en", "concepts.md", "| `004` | in words"): "004: VAE listed as an architecture next to CNN and RNN",
    ("zh", "concepts.md", "| `004` | 文字描述"): "004: VAE listed as an architecture next to CNN and RNN",
    ("en", "concepts.md", "| `002` | academia"): "002: collaboration diagram, corrected in collaboration.md",
    ("zh", "concepts.md", "| `002` | 学术界"): "002: collaboration diagram, corrected in collaboration.md",
    ("en", "concepts.md", "concrete implementation of neural networks"): "001 imprecise; 004b incomplete",
    ("en", "models/gan.md", "the loss function measures the performance"): "003: loss is no quality metric",
    ("zh", "models/gan.md", "损失函数衡量生成器和判别器的性能"): "003: loss is no quality metric",
    ("en", "models/rnn.md", "The update gate decides how much"): "004b: GRU gates incomplete",
    ("zh", "models/rnn.md", "更新门决定保留多少旧状态"): "004b: GRU gates incomplete",
    ("en", "history.md", "DBN (2006) and AlexNet (2012)"): "004: DBNs gave pre-training, not a vision result",
    ("zh", "history.md", "2006 年 DBN 与 2012 年 AlexNet"): "004: DBNs gave pre-training, not a vision result",
    ("en", "models/gan.md", "| `000` | the generator"): "000: the generator gets gradients, not a 'quality'",
    ("zh", "models/gan.md", "| `000` | 生成器"): "000: the generator gets gradients, not a 'quality'",
    ("en", "models/gan.md", "| `004` second article §1.2 |"): "004b: GANs do not replace data collection",
    ("zh", "models/gan.md", "| `004` 第二篇 §1.2 |"): "004b: GANs do not replace data collection",
    ("en", "practice/digits.md", "| `004` second article §5.2.2 |"): "004b: optimizer=sgd at lr 0.01",
    ("zh", "practice/digits.md", "| `004` 第二篇 §5.2.2 |"): "004b: optimizer=sgd at lr 0.01",
}


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

```python
# `003` is wrong inside code: ignored
```
"""


def test_detector_finds_unmarked_assessments() -> None:
    found = unmarked("en", "sample.md", SAMPLE)
    # the unmarked "wrong" row, the "supported" row (a judging table: review it) and the Adam sentence
    assert len(found) == 3, found
    assert "Acoustic Model" in found[0] and "supported" in found[1] and "Adam" in found[2]


def test_detector_reads_markers(tmp_path: Path) -> None:
    assert MARKER.findall(SAMPLE) == ["e001-google-deepspeech"]
    assert MARKER.findall("see ([e000-mse-example](../../errata.md#e000-mse-example))") == ["e000-mse-example"]
