"""Every packaged question loads, validates, and passes its own self-tests."""

from __future__ import annotations

import json

import jsonschema

import pytest
import yaml

from graders.errors import QuestionError
from graders.grade import check
from graders.questions import QUESTIONS_DIR, from_dict, load, load_all
from graders.schema import SCHEMA_PATH, errors

QUESTIONS = load_all()
SELF_TESTS = [(q.id, i) for q in QUESTIONS.values() for i in range(len(q.tests))]


def test_required_questions_exist():
    assert {"mse-house-prices", "cross-entropy-binary-example", "gd-step-quadratic"} <= set(QUESTIONS)


@pytest.mark.parametrize("qid, i", SELF_TESTS, ids=[f"{q}-{i}" for q, i in SELF_TESTS])
def test_self_test(qid, i):
    q = QUESTIONS[qid]
    t = q.tests[i]
    r = check(q, t.answer, seed=t.seed)
    assert r.verdict.value == t.verdict, (t.answer, r)
    if t.note:
        assert r.note == t.note, (t.answer, r)


@pytest.mark.parametrize("path", sorted(QUESTIONS_DIR.rglob("*.yaml")), ids=lambda p: p.stem)
def test_question_files_match_json_schema(path):
    """The in-code validator and a reference JSON Schema validator agree."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert errors(data) == []
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))


def test_every_question_has_correct_and_incorrect_tests():
    for q in QUESTIONS.values():
        verdicts = {t.verdict for t in q.tests}
        assert {"correct", "incorrect"} <= verdicts, q.id


def test_article_questions_name_their_source():
    for qid in ("mse-house-prices", "cross-entropy-binary-example", "gd-step-quadratic"):
        src = QUESTIONS[qid].source
        assert src.document == "000_4320f6162912e08a.txt"
        assert src.section.startswith("数学模型和公式 & 详细讲解 & 举例说明")


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d.pop("kind"), "missing required key 'kind'"),
    (lambda d: d.update(kind="essay"), "is not one of"),
    (lambda d: d.update(colour="red"), "unknown key 'colour'"),
    (lambda d: d["title"].pop("zh"), "missing required key 'zh'"),
    (lambda d: d.update(tests=[]), "wrong number of items"),
    (lambda d: d.update(tolerance={"rel": -1}), "< 0"),
])
def test_schema_rejects(mutate, fragment):
    d = yaml.safe_load((QUESTIONS_DIR / "mse-house-prices.yaml").read_text(encoding="utf-8"))
    mutate(d)
    with pytest.raises(QuestionError) as info:
        from_dict(d)
    assert fragment in info.value.params["detail"]


@pytest.mark.parametrize("qid", ["nope", "../etc/passwd", "mse house"])
def test_unknown_question(qid):
    with pytest.raises(QuestionError) as info:
        load(qid)
    assert info.value.code == "unknown-question"
