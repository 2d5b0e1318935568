"""Every packaged question loads, validates, and passes its own self-tests; answers that
need floor/ceil (CNN output sizes, steps per epoch) agree with PyTorch in every variant."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from graders.bank import QUESTIONS_DIR, from_dict, load, load_all, variant_count
from graders.bank.schema import SCHEMA_PATH, errors
from graders.bank.variants import pick
from graders.errors import QuestionError
from graders.grading.pipeline import check

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


@pytest.mark.parametrize(
    "mutate, fragment",
    [
        (lambda d: d.pop("kind"), "missing required key 'kind'"),
        (lambda d: d.update(kind="essay"), "is not one of"),
        (lambda d: d.update(colour="red"), "unknown key 'colour'"),
        (lambda d: d["title"].pop("zh"), "missing required key 'zh'"),
        (lambda d: d.update(tests=[]), "wrong number of items"),
        (lambda d: d.update(tolerance={"rel": -1}), "< 0"),
    ],
)
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


# -- answers that need floor/ceil, checked against PyTorch (the reference) for every variant ----------


def _keras_cnn(channels: int, side: int):
    """The articles' Keras model in PyTorch: (Flatten length, trainable parameters)."""
    torch = pytest.importorskip("torch")
    from torch import nn

    features = nn.Sequential(
        nn.Conv2d(channels, 32, 3),
        nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3),
        nn.Flatten(),
    )
    flat = features(torch.zeros(1, channels, side, side)).shape[1]
    model = nn.Sequential(features, nn.Linear(flat, 64), nn.Linear(64, 10))
    return flat, sum(p.numel() for p in model.parameters())


@pytest.mark.parametrize(
    "qid, channels, pick_value",
    [
        ("cnn-flatten-features", 1, lambda flat, params: flat),
        ("cnn-total-params", 1, lambda flat, params: params),
        ("cnn-cifar-flatten-features", 3, lambda flat, params: flat),
    ],
)
def test_cnn_answers_match_pytorch_in_every_variant(qid, channels, pick_value):
    q = QUESTIONS[qid]
    for seed in range(variant_count(q)):
        _, values = pick(q.params, seed)
        truth = pick_value(*_keras_cnn(channels, int(values.get("n", 32))))
        r = check(q, str(truth), seed=seed)
        assert r.verdict.value == "correct", (seed, values, truth, r)


def test_strided_conv_answer_matches_pytorch_in_every_variant():
    torch = pytest.importorskip("torch")
    q = QUESTIONS["cnn-strided-conv-output-size"]
    for seed in range(variant_count(q)):
        _, v = pick(q.params, seed)
        conv = torch.nn.Conv2d(1, 1, v["k"], stride=2, padding=v["p"])
        side = conv(torch.zeros(1, 1, v["H"], v["H"])).shape[-1]
        assert check(q, str(side), seed=seed).verdict.value == "correct", (seed, v, side)
        # the floor matters in every variant: the unrounded formula is the missing-floor misconception
        unrounded = f"({v['H']} + 2*{v['p']} - {v['k']})/2 + 1"
        assert check(q, unrounded, seed=seed).note == "missing-floor", (seed, v)


@pytest.mark.parametrize(
    "qid, samples, batch",
    [
        ("steps-per-epoch-validation-split", 54000, 32),
        ("steps-per-epoch-log-001", 60000, 32),
    ],
)
def test_steps_per_epoch_match_a_dataloader(qid, samples, batch):
    pytest.importorskip("torch")
    from torch.utils.data import DataLoader

    steps = len(DataLoader(range(samples), batch_size=batch))
    assert check(QUESTIONS[qid], str(steps)).verdict.value == "correct"


@pytest.mark.parametrize("qid", ["cnn-flatten-features", "cnn-total-params"])
def test_first_variant_is_the_articles_input(qid):
    """Without a seed a question shows variant 0: the articles' 28×28 MNIST input."""
    assert pick(QUESTIONS[qid].params, None) == (0, {"n": 28})
