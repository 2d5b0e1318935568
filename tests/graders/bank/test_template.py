"""``kb-grade new``'s templates: one per kind, each a valid question whose self-tests pass as it is."""

from __future__ import annotations

import pytest

from graders.bank import KINDS, load_file
from graders.bank.template import TEMPLATES_DIR, template, write_template
from graders.cli.validate import validate_paths
from graders.errors import QuestionError


def test_there_is_a_template_for_every_kind_and_no_other():
    assert sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml")) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_validates_as_written(kind, tmp_path):
    path = write_template(kind, f"my-{kind}", str(tmp_path / f"my-{kind}.yaml"))
    report = validate_paths([str(tmp_path)])
    assert report.problems == []
    assert (report.files, report.questions) == (1, 1) and report.tests >= 3
    q = load_file(path)
    assert (q.id, q.kind) == (f"my-{kind}", kind)
    assert {"correct", "incorrect"} <= {t.verdict for t in q.tests}


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_is_commented(kind):
    text = template(kind, "x")
    assert text.startswith("#") and text.count("#") >= 3


@pytest.mark.parametrize(
    "qid, kind, code",
    [
        ("Bad", "numeric", "bad-id"),
        ("-x", "numeric", "bad-id"),
        ("a b", "numeric", "bad-id"),
        ("x" * 81, "numeric", "bad-id"),
        ("ok", "essay", "bad-kind"),
    ],
)
def test_refused_ids_and_kinds(qid, kind, code):
    with pytest.raises(QuestionError) as info:
        template(kind, qid)
    assert info.value.code == code


def test_the_default_file_is_the_id_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write_template("symbolic", "here").resolve() == (tmp_path / "here.yaml").resolve()


@pytest.mark.parametrize(
    "name, code",
    [
        ("other.yaml", "new-file-name"),  # validate would refuse a file not named after its id
        ("q.txt", "new-file-name"),
        ("missing-folder/q.yaml", "cannot-write"),
    ],
)
def test_refused_output_files(name, code, tmp_path):
    with pytest.raises(QuestionError) as info:
        write_template("numeric", "q", str(tmp_path / name))
    assert info.value.code == code


def test_an_existing_file_is_never_overwritten(tmp_path):
    target = tmp_path / "q.yaml"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(QuestionError) as info:
        write_template("numeric", "q", str(target))
    assert info.value.code == "new-exists"
    assert target.read_text(encoding="utf-8") == "mine"
