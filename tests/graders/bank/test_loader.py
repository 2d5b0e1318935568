"""The exercise bank: every question is bilingual, hinted, self-tested and placed in a chapter;
questions drawn from an article carry the article's wrong answer (``source_claim``) and grading
it gives the misconception's feedback, not the generic one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graders.bank import load_all
from graders.cli.main import main
from graders.grading.pipeline import check

DOCS = Path(__file__).resolve().parents[3] / "docs"
_DIRECTIVE = re.compile(r"^[ \t]*<!--[ \t]*kb-exercises[ \t]+([^>]*?)[ \t]*-->", re.M)


def _page_topics(lang: str) -> set[str]:
    """Topics some page of ``docs/<lang>`` lists with ``<!-- kb-exercises TOPIC ... -->``."""
    return {
        t
        for page in (DOCS / lang).rglob("*.md")
        for m in _DIRECTIVE.finditer(page.read_text("utf-8"))
        for t in m.group(1).split()
    }


# a question's topic must be listed by a chapter in both languages
CHAPTER_TOPICS = _page_topics("en") & _page_topics("zh")
DOCUMENTS = {
    "000_4320f6162912e08a.txt",
    "001_6fde8136eba59509.txt",
    "002_97a7b84e88c18b68.txt",
    "003_063d0ce63d7a72b3.txt",
    "004_d9777f14845c3e5a.txt",
}
QUESTIONS = load_all()
IDS = sorted(QUESTIONS)
CLAIMED = sorted(q.id for q in QUESTIONS.values() if q.source and q.source.source_claim is not None)


@pytest.mark.parametrize("qid", IDS)
def test_question_is_complete(qid):
    q = QUESTIONS[qid]
    assert q.topic in CHAPTER_TOPICS, q.topic
    for text in (q.title, q.prompt):
        assert text.zh.strip() and text.en.strip()
    assert q.hints.zh and q.hints.en, "hints in both languages"
    assert all(h.strip() for h in q.hints.zh + q.hints.en)
    verdicts = [t.verdict for t in q.tests]
    assert "correct" in verdicts and "incorrect" in verdicts
    for m in q.misconceptions:
        assert m.feedback.zh.strip() and m.feedback.en.strip(), m.note
    if q.source:
        assert q.source.document in DOCUMENTS
        assert q.source.section.strip()


@pytest.mark.parametrize("qid", IDS)
def test_every_misconception_is_self_tested(qid):
    """Each misconception note is reached by at least one self-test."""
    q = QUESTIONS[qid]
    tested = {t.note for t in q.tests}
    for m in q.misconceptions:
        assert m.note in tested, m.note


def test_source_claims_exist():
    assert {
        "mse-house-prices",
        "cross-entropy-binary-example",
        "gd-step-quadratic",
        "sgd-step-quadratic",
        "gd-iteration-two-steps",
        "sigmoid-example",
        "tanh-example",
        "steps-per-epoch-log-001",
        "training-samples-validation-split-004",
    } <= set(CLAIMED)


@pytest.mark.parametrize("qid", CLAIMED)
def test_source_claim_is_a_named_misconception(qid):
    """Grading the article's printed answer: incorrect, with the misconception's own feedback."""
    q = QUESTIONS[qid]
    seeds = [t.seed for t in q.tests] if q.params else [None]
    for seed in dict.fromkeys(seeds):
        r = check(q, q.source.source_claim, seed=seed)
        assert r.verdict.value == "incorrect", r
        notes = {m.note: m for m in q.misconceptions}
        assert r.note in notes, r.note
        assert r.feedback == notes[r.note].feedback


def test_source_claim_requires_source():
    for q in QUESTIONS.values():
        if q.source is None:
            continue
        assert q.source.source_claim is None or q.source.source_claim.strip()


def test_list_json_has_source_and_claim(capsys):
    assert main(["list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == set(QUESTIONS)
    for qid, q in QUESTIONS.items():
        row = rows[qid]
        assert row["topic"] == q.topic
        if q.source is None:
            assert "source" not in row
            continue
        assert row["source"]["document"] == q.source.document
        assert row["source"]["section"] == q.source.section
        if q.source.source_claim is None:
            assert "source_claim" not in row["source"]
        else:
            assert row["source"]["source_claim"] == q.source.source_claim
    assert rows["gd-iteration-two-steps"]["source"] == {
        "document": "003_063d0ce63d7a72b3.txt",
        "section": "4. 数学模型和公式 & 详细讲解 & 举例说明 / 4.1. 梯度下降算法 / 例子",
        "source_claim": "0.3",
    }


def test_hints_are_loaded_from_yaml():
    q = QUESTIONS["gd-step-quadratic"]
    assert q.hints.get("en")[0].startswith("Differentiate") and q.hints.get("zh")


def test_a_question_survives_json_unchanged(tmp_path):
    """The browser reads the bank as JSON: every question must come back identical (order included)."""
    import json

    from graders.bank import load_file, to_dict

    for q in QUESTIONS.values():
        path = tmp_path / f"{q.id}.json"
        path.write_text(json.dumps(to_dict(q), ensure_ascii=False), encoding="utf-8")
        back = load_file(path)
        assert back.__class__(**{**back.__dict__, "path": q.path}) == q, q.id
