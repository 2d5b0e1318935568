"""The browser's requests, answered exactly as the command line answers them."""

from __future__ import annotations

import builtins
import json

import pytest

from graders.bank import load_all
from graders.cli.main import main
from graders.web import handle


@pytest.mark.parametrize(
    "qid, answer, seed",
    [
        ("mse-house-prices", "70", None),
        ("mse-house-prices", "300/3", None),
        ("sigmoid-derivative", "σ(z)(1+σ(z))", None),
        ("mlp-param-count", "50890", 1),
        ("mlp-param-count", "784*h", 1),
        ("backprop-two-layer-dw2", "σ(W1 x) gᵀ", None),
        ("chain-rule-composite", "d/dx ln(x^2+1)", None),
        ("mse-house-prices", "abc(", None),
    ],
)
def test_check_is_what_the_cli_says(qid, answer, seed, capsys):
    got = handle({"op": "check", "id": qid, "answer": answer, "seed": seed})
    argv = ["check", qid, answer, "--json", "--no-sandbox"] + (["--seed", str(seed)] if seed is not None else [])
    main(argv)
    cli = json.loads(capsys.readouterr().out)
    for key in ("verdict", "note", "feedback", "counterexample", "parsed", "latex", "variables", "caret", "variant"):
        assert got[key] == cli[key], key
    assert got["command"].startswith(f"kb-grade check {qid} ")


def test_question_for_a_variant():
    q = handle({"op": "question", "id": "mlp-param-count", "seed": 3})
    assert q["variant"] == 3 and q["variants"] == 6 and q["params"] == {"h": 32}
    assert (
        "32" in q["prompt"]["en"]
        and "{h}" not in q["prompt"]["zh"]
        and q["solution"]["answer"] == "784*32 + 32 + 32*10 + 10"
    )
    assert q["hints"]["en"] and q["title"]["zh"]


def test_every_question_renders():
    for qid in load_all():
        q = handle({"op": "question", "id": qid})
        assert "error" not in q, qid
        assert q["solution"]["latex"] or q["kind"] == "derivation", qid


def test_preview_has_the_caret_and_latex():
    bad = handle({"op": "preview", "id": "sigmoid-derivative", "answer": "σ(z)(1-σ(z"})
    assert not bad["valid"] and bad["note"] == "unclosed" and bad["caret"].endswith("^")
    good = handle({"op": "preview", "id": None, "answer": "ab^2"})
    assert good["valid"] and good["latex"] == "a \\cdot b^{2}"


@pytest.mark.parametrize(
    "request_, error",
    [
        ({"op": "nope"}, "unknown-op"),
        ("not a dict", "unknown-op"),
        ({"op": "check"}, "bad-request"),
        ({"op": "check", "id": "no-such-question", "answer": "1"}, "unknown-question"),
    ],
)
def test_bad_requests_are_answers(request_, error):
    out = handle(request_)
    assert out["error"] == error and out["message"]["zh"] and out["message"]["en"]


def test_a_check_that_needs_sympy_before_it_is_loaded_asks_for_it(monkeypatch):
    import sys

    real = builtins.__import__

    def no_sympy(name, *args, **kwargs):
        if name.split(".")[0] == "sympy":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real(name, *args, **kwargs)

    for mod in [m for m in sys.modules if m.startswith("graders.symbolic")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", no_sympy)
    assert handle({"op": "check", "id": "mse-house-prices", "answer": "sum(i, i, 1, 3) + 94"}) == {"needs": "sympy"}
    assert handle({"op": "check", "id": "mse-house-prices", "answer": "100"})["verdict"] == "correct"  # floats alone


def test_selftests_op_runs_every_self_test():
    rows = handle({"op": "selftests"})["results"]
    assert len(rows) == sum(len(q.tests) for q in load_all().values())
    expected = {(q.id, t.answer, t.seed): (t.verdict, t.note) for q in load_all().values() for t in q.tests}
    for r in rows:
        verdict, note = expected[(r["id"], r["answer"], r["seed"])]
        assert r["verdict"] == verdict and (note is None or r["note"] == note)
