"""``kb-grade errata``: the checked errata as JSON or a table."""

from __future__ import annotations

import json

import pytest

from graders.cli.main import main
from graders.result import EXIT_USAGE


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(["errata", "--json", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_errata_json_lists_every_erratum_with_a_confirmed_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = _json(capsys)
    assert code == 0
    assert data["counts"]["total"] == len(data["errata"]) > 50
    results = {e["check"]["result"] for e in data["errata"]}
    assert results <= {"confirmed", "needs-tests"} and "confirmed" in results
    first = data["errata"][0]
    assert {"id", "document", "section", "claim", "correction", "explanation", "category", "chapter", "check"} <= set(
        first
    )


@pytest.mark.parametrize(
    ("prefix", "document"), [("000", "000_4320f6162912e08a.txt"), ("004_d97", "004_d9777f14845c3e5a.txt")]
)
def test_errata_for_one_document(capsys: pytest.CaptureFixture[str], prefix: str, document: str) -> None:
    code, data = _json(capsys, "--document", prefix)
    assert code == 0
    assert {e["document"] for e in data["errata"]} == {document}


def test_unknown_document_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["errata", "--document", "999"]) == EXIT_USAGE
    assert "999" in capsys.readouterr().err


def test_human_output_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["errata", "--lang", "en", "--document", "002"]) == 0
    out = capsys.readouterr().out
    assert "e002-" in out and "errata; by category" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_prints_the_hints(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    from graders.bank import load

    first = load("gd-step-quadratic").hints.get(lang)[0]
    assert main(["show", "gd-step-quadratic", "--lang", lang]) == 0
    assert first[:20] not in " ".join(capsys.readouterr().out.split())  # hints only on request
    assert main(["show", "gd-step-quadratic", "--lang", lang, "--hints"]) == 0
    assert first[:20] in " ".join(capsys.readouterr().out.split())
    assert main(["show", "gd-step-quadratic", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hints"][lang][0] == first


def test_a_malformed_errata_file_says_what_is_wrong(tmp_path, monkeypatch, capsys) -> None:
    """Not the bare code ``errata``: the file, the entry, the field and what is wrong, in both languages."""
    import graders.errata as errata
    from graders.errata.model import load_file

    bad = tmp_path / "errata.yaml"
    bad.write_text("schema: 1\ndocuments: {}\nerrata: []\n", encoding="utf-8")
    monkeypatch.setattr(errata, "report", lambda: load_file(bad))
    assert main(["errata", "--lang", "en"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Errata file" in err and str(bad) in err and "documents" in err
    assert main(["errata", "--lang", "zh"]) == EXIT_USAGE
    assert "勘误文件" in capsys.readouterr().err
