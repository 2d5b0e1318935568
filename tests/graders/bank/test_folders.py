"""Teachers' question folders: which folders are read, the built-in bank next to them, duplicates
named by both files, and a missing folder or a bad file as a typed error."""

from __future__ import annotations

import os

import pytest

from graders.bank import QUESTIONS_DIR, load_all
from graders.bank.folders import ENV, find, folders_from, load_banks
from graders.bank.template import write_template
from graders.errors import QuestionError


def _question(folder, qid, kind="numeric"):
    folder.mkdir(parents=True, exist_ok=True)
    return write_template(kind, qid, str(folder / f"{qid}.yaml"))


SEP = os.pathsep
FOLDERS = [
    # (--bank options, KB_GRADE_BANKS, the folders read)
    ([], "", ()),
    (["a"], "", ("a",)),
    (["a", "b"], "", ("a", "b")),
    ([], f"a{SEP}b", ("a", "b")),
    (["c"], f"a{SEP}b", ("a", "b", "c")),  # the environment first, then the options
    (["a", "a"], "", ("a",)),  # a folder named twice counts once
    (["a", "./a"], "", ("a",)),  # ... however it is spelled
    ([], f"{SEP}a{SEP}{SEP}", ("a",)),  # empty entries are skipped
    (["  "], "", ()),
]


@pytest.mark.parametrize("options, env, expected", FOLDERS)
def test_which_folders_are_read(options, env, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert folders_from(options, environ={ENV: env}) == expected


def test_the_environment_is_read_by_default(monkeypatch):
    monkeypatch.setenv(ENV, "x")
    assert folders_from([]) == ("x",)


def test_a_teachers_question_joins_the_built_in_bank(tmp_path):
    _question(tmp_path / "t", "teacher-mean")
    qs = load_banks((str(tmp_path / "t"),))
    assert set(qs) == set(load_all()) | {"teacher-mean"}
    assert find("teacher-mean", (str(tmp_path / "t"),)).kind == "numeric"
    assert find("mse-house-prices", (str(tmp_path / "t"),)).path.startswith(str(QUESTIONS_DIR))


def test_without_folders_a_teachers_question_is_unknown(tmp_path):
    _question(tmp_path / "t", "teacher-alone")
    with pytest.raises(QuestionError) as info:
        find("teacher-alone")
    assert info.value.code == "unknown-question"


@pytest.mark.parametrize(
    "layout",
    [
        "built-in",  # a teacher's id that the built-in bank already has
        "two-folders",  # the same id in two teacher folders
        "one-folder",  # the same id twice inside one folder (a sub-folder)
    ],
)
def test_a_duplicate_id_names_both_files(layout, tmp_path):
    if layout == "built-in":
        first = QUESTIONS_DIR / "mse-house-prices.yaml"
        second = _question(tmp_path / "a", "mse-house-prices")
        folders = (str(tmp_path / "a"),)
    elif layout == "two-folders":
        first = _question(tmp_path / "a", "twice")
        second = _question(tmp_path / "b", "twice")
        folders = (str(tmp_path / "a"), str(tmp_path / "b"))
    else:
        first = _question(tmp_path / "a", "twice")
        second = _question(tmp_path / "a" / "sub", "twice")
        folders = (str(tmp_path / "a"),)
    with pytest.raises(QuestionError) as info:
        load_banks(folders)
    assert info.value.code == "question-duplicate"
    assert {str(first), str(second)} == {info.value.params["path"], info.value.params["other"]}


BAD = [
    # (what is wrong, the folder's content, error code)
    ("missing", None, "bank-missing"),
    ("a file, not a folder", "file", "bank-missing"),
    ("not YAML", {"q.yaml": "id: [unclosed\n"}, "question-yaml"),
    ("not JSON", {"q.json": '{"id": '}, "question-json"),
    ("not UTF-8", {"q.yaml": b"id: \xff\xfe\n"}, "question-unreadable"),
    ("schema", {"q.yaml": "id: q\nkind: essay\n"}, "question-schema"),
    ("id is not the file name", {"q.yaml": None}, "question-id-file"),
]


@pytest.mark.parametrize("what, content, code", BAD, ids=[b[0] for b in BAD])
def test_a_bad_folder_or_file_is_a_typed_error(what, content, code, tmp_path):
    folder = tmp_path / what.replace(" ", "-")
    if content == "file":
        folder.write_text("x", encoding="utf-8")
    elif content is not None:
        folder.mkdir()
        for name, text in content.items():
            if text is None:
                _question(tmp_path / "src", "other")
                (folder / name).write_bytes((tmp_path / "src" / "other.yaml").read_bytes())
            elif isinstance(text, bytes):
                (folder / name).write_bytes(text)
            else:
                (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(QuestionError) as info:
        load_banks((str(folder),))
    assert info.value.code == code
    assert str(folder) in str(info.value.params["path"])


@pytest.mark.parametrize("hidden", [".github/workflows/ci.yml", ".git/x.yaml", ".draft.yaml", "sub/.hidden/q.json"])
def test_hidden_files_and_folders_are_not_questions(hidden, tmp_path):
    """A course repository's CI files and drafts are skipped; visible sub-folders are read."""
    _question(tmp_path / "course" / "week1", "visible")
    junk = tmp_path / "course" / hidden
    junk.parent.mkdir(parents=True, exist_ok=True)
    junk.write_text("on: push\n", encoding="utf-8")
    assert set(load_banks((str(tmp_path / "course"),))) - set(load_all()) == {"visible"}
