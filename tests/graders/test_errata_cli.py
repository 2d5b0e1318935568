"""``kb-grade errata``: the checked errata as JSON or a table."""

from __future__ import annotations

import json

import pytest

from graders.cli import main


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
    assert {"id", "document", "section", "claim", "correction", "explanation", "category", "chapter", "check"} <= set(first)


@pytest.mark.parametrize(("prefix", "document"), [("000", "000_4320f6162912e08a.txt"), ("004_d97", "004_d9777f14845c3e5a.txt")])
def test_errata_for_one_document(capsys: pytest.CaptureFixture[str], prefix: str, document: str) -> None:
    code, data = _json(capsys, "--document", prefix)
    assert code == 0
    assert {e["document"] for e in data["errata"]} == {document}


def test_unknown_document_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["errata", "--document", "999"]) == 2
    assert "999" in capsys.readouterr().err


def test_human_output_is_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["errata", "--lang", "en", "--document", "002"]) == 0
    out = capsys.readouterr().out
    assert "e002-" in out and "errata; by category" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_show_prints_the_hints(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    from graders.questions import load

    first = load("gd-step-quadratic").hints.get(lang)[0]
    assert main(["show", "gd-step-quadratic", "--lang", lang]) == 0
    assert first[:20] not in " ".join(capsys.readouterr().out.split())  # hints only on request
    assert main(["show", "gd-step-quadratic", "--lang", lang, "--hints"]) == 0
    assert first[:20] in " ".join(capsys.readouterr().out.split())
    assert main(["show", "gd-step-quadratic", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hints"][lang][0] == first
