"""`kb list` and `kb train` (called in-process through kb.train_cli.main)."""

import json

import pytest

from kb import registry
from kb.train_cli import OptionError, main, parse_overrides


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_human_and_json(capsys):
    code, out, _ = _run(capsys, "list")
    assert code == 0 and all(name in out for name in registry.names())
    code, out, _ = _run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["name"] for r in rows] == registry.names()
    assert rows[0]["epochs"] == {"quick": 100, "full": 300}


def test_train_json_with_trainer_options(capsys):
    code, out, _ = _run(capsys, "train", "logistic_regression", "--json", "--trainer.max_epochs=2", "--model.lr", "0.5")
    result = json.loads(out)
    assert code == 0
    assert result["model"] == "logistic_regression" and result["epochs"] == 2
    assert result["metric"] == "test_acc" and 0.5 < result["value"] <= 1.0
    assert {"train_loss", "val_loss", "test_loss", "test_acc"} <= set(result["metrics"])


def test_train_options_after_the_name(capsys):
    code, out, _ = _run(capsys, "train", "linear_regression", "--epochs", "3", "--json", "--profile", "full", "--seed", "1")
    result = json.loads(out)
    assert code == 0 and result["epochs"] == 3 and result["profile"] == "full"


def test_train_human_output(capsys):
    code, out, _ = _run(capsys, "train", "linear_regression", "--trainer.max_epochs=1", "--quiet")
    assert code == 0 and "linear_regression (quick profile, 1 epochs" in out and "val_loss" in out


BAD = [  # (argv, message on stderr)
    (["train", "resnet"], "unknown model 'resnet'; known models:"),
    (["train", "mlp", "--profile", "fast"], "unknown profile 'fast'; expected one of: full, quick"),
    (["train", "mlp", "--trainer.max_epoch=1"], "unknown --trainer option(s) max_epoch"),
    (["train", "mlp", "--model.width=3"], "unknown --model option(s) width; accepted: in_features"),
    (["train", "mlp", "--optimizer.lr=3"], "unknown option group in --optimizer.lr"),
    (["train", "mlp", "--trainer.max_epochs"], "option --trainer.max_epochs needs a value"),
    (["train", "mlp", "stray"], "unrecognised argument 'stray'"),
    (["train", "mlp", "--data.kind=spirals", "--trainer.fast_dev_run=1"], "unknown toy dataset 'spirals'"),
    (["train", "mlp", "--device", "quantum"], "cannot build the Trainer:"),
    (["train", "mlp", "--model.activation=gelu"], "cannot build the model: unknown activation 'gelu'"),
]


@pytest.mark.parametrize("argv, message", BAD, ids=[" ".join(a[1:]) for a, _ in BAD])
def test_bad_input_is_a_clear_error(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("kb train: error: ") and message in err


OVERRIDES = [  # (tokens, parsed)
    (["--trainer.max_epochs=1"], {"trainer": {"max_epochs": 1}}),
    (["--model.lr=2e-3", "--model.cell=gru"], {"model": {"lr": 0.002, "cell": "gru"}}),
    (["--model.hidden=[8, 8]", "--data.batch_size", "null"], {"model": {"hidden": [8, 8]}, "data": {"batch_size": None}}),
    (["--trainer.accelerator=cpu", "--trainer.deterministic=false"], {"trainer": {"accelerator": "cpu", "deterministic": False}}),
]


@pytest.mark.parametrize("tokens, parsed", OVERRIDES)
def test_parse_overrides(tokens, parsed):
    assert {k: v for k, v in parse_overrides(tokens).items() if v} == parsed


def test_parse_overrides_rejects_bad_yaml():
    with pytest.raises(OptionError, match="cannot parse the value of --model.hidden"):
        parse_overrides(["--model.hidden=[8"])


def test_wired_into_the_kb_command(capsys):
    from kb.cli import main as kb_main

    assert kb_main(["list", "--json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == registry.names()


def test_full_profile_with_a_missing_mnist_folder(capsys, monkeypatch):
    monkeypatch.setenv("KB_MNIST_DIR", "/no/such/dir")
    code, out, err = _run(capsys, "train", "cnn", "--profile", "full", "--trainer.fast_dev_run=1", "--quiet")
    assert code == 2 and "kb train: error: MNIST folder does not exist: /no/such/dir" in err
