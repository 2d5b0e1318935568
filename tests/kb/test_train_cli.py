"""`kb list` and `kb train` (called in-process through kb.train_cli.main), built on LightningCLI."""

import json

import pytest
import yaml

from kb import registry
from kb.train_cli import OptionError, fit, main, train


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
    code, out, _ = _run(
        capsys, "train", "linear_regression", "--epochs", "3", "--json", "--profile", "full", "--seed", "1"
    )
    result = json.loads(out)
    assert code == 0 and result["epochs"] == 3 and result["profile"] == "full"


def test_train_human_output(capsys):
    code, out, _ = _run(capsys, "train", "linear_regression", "--trainer.max_epochs=1", "--quiet")
    assert code == 0 and "linear_regression (quick profile, 1 epochs" in out and "val_loss" in out


@pytest.mark.parametrize(
    ("overrides", "read"),
    [
        ({"trainer": {"precision": "bf16-mixed"}}, lambda run: run.trainer.precision),  # a Literal-typed option
        ({"model": {"activation": "tanh"}}, lambda run: run.model.hparams.activation),
    ],
    ids=["trainer-literal", "model-string"],
)
def test_string_overrides_reach_the_run(overrides, read):
    few = {"max_steps": 1, "limit_val_batches": 1, "limit_test_batches": 1, "num_sanity_val_steps": 0}
    run = fit("mlp", quiet=True, overrides={**overrides, "trainer": {**few, **overrides.get("trainer", {})}})
    assert read(run) == next(iter(next(iter(overrides.values())).values()))


def test_any_trainer_option_reaches_the_trainer():
    run = fit(
        "mlp",
        quiet=True,
        args=[
            "--trainer.max_epochs=1",
            "--trainer.limit_train_batches=2",
            "--trainer.limit_val_batches=1",
            "--trainer.num_sanity_val_steps=0",
        ],
    )
    assert run.trainer.num_training_batches == 2 and run.trainer.current_epoch == 1
    assert run.result["epochs"] == 1 and "test_acc" in run.result["metrics"]


def test_trainer_is_configured_like_make_trainer():
    import torch

    from kb.training import make_trainer

    def through_the_cli(quiet: bool):
        args = ["--trainer.limit_train_batches=1", "--trainer.limit_val_batches=1"]
        args.append("--trainer.enable_progress_bar=false")
        return fit("linear_regression", quiet=quiet, epochs=2, args=args).trainer

    def settings(build, quiet: bool):
        torch.use_deterministic_algorithms(False)
        t = build(quiet)
        return (
            t.logger,
            t.checkpoint_callback,
            sorted(type(c).__name__ for c in t.callbacks),
            type(t.accelerator),
            t.num_devices,
            t.max_epochs,
            torch.are_deterministic_algorithms_enabled(),
            torch.is_deterministic_algorithms_warn_only_enabled(),
        )

    before = torch.are_deterministic_algorithms_enabled()
    try:
        for quiet in (True, False):
            expected = settings(lambda q: make_trainer(2, quiet=q, enable_progress_bar=False), quiet)
            assert settings(through_the_cli, quiet) == expected
    finally:
        torch.use_deterministic_algorithms(before)


def test_seeded_runs_repeat():
    first, second = (train("logistic_regression", quiet=True, epochs=1, seed=3)["metrics"] for _ in range(2))
    assert first == second


PRINT_CONFIG = [  # (argv after "train", {dotted key: value in the printed YAML})
    (
        ["mlp"],
        {
            "trainer.max_epochs": 30,
            "trainer.accelerator": "auto",
            "trainer.devices": 1,
            "trainer.deterministic": "warn",
            "trainer.logger": False,
            "trainer.enable_checkpointing": False,
            "model.hidden": [32, 32],
            "data.kind": "moons",
            "seed_everything": 0,
            "data.seed": 0,
        },
    ),
    (
        ["gru", "--profile", "full", "--seed", "7"],
        {"trainer.max_epochs": 40, "model.cell": "gru", "seed_everything": 7, "data.seed": 7},
    ),
    (
        ["vae", "--epochs", "2", "--device", "cpu", "--quiet"],
        {
            "trainer.max_epochs": 2,
            "trainer.accelerator": "cpu",
            "data.flatten": True,
            "trainer.enable_progress_bar": False,
        },
    ),
    (
        ["mlp", "--epochs", "2", "--trainer.max_epochs=5", "--model.hidden=[8]"],
        {"trainer.max_epochs": 5, "model.hidden": [8]},
    ),
]


def _get(config, dotted):
    for key in dotted.split("."):
        config = config[key]
    return config


@pytest.mark.parametrize("argv, expected", PRINT_CONFIG, ids=[" ".join(a) for a, _ in PRINT_CONFIG])
def test_print_config_shows_kb_defaults_and_options(capsys, argv, expected):
    code, out, _ = _run(capsys, "train", *argv, "--print_config")
    config = yaml.safe_load(out)
    assert code == 0 and {key: _get(config, key) for key in expected} == expected


def test_a_printed_config_trains_and_options_after_it_win(capsys, tmp_path):
    _, out, _ = _run(capsys, "train", "logistic_regression", "--print_config")  # progress bars on in this file
    path = tmp_path / "lr.yaml"
    path.write_text(out.replace("max_epochs: 10", "max_epochs: 3").replace("lr: 0.1", "lr: 0.5"))
    code, out, _ = _run(capsys, "train", "logistic_regression", "--json", "--config", str(path))
    assert code == 0 and json.loads(out)["epochs"] == 3  # stdout is JSON alone: --json still silences the bars
    code, out, _ = _run(
        capsys, "train", "logistic_regression", "--json", "--config", str(path), "--trainer.max_epochs=1"
    )
    assert code == 0 and json.loads(out)["epochs"] == 1


def test_help_lists_every_option_of_the_model(capsys):
    code, out, _ = _run(capsys, "train", "mlp", "--help")
    assert code == 0 and out.startswith("usage: kb train mlp")
    assert all(
        opt in out for opt in ("--trainer.limit_train_batches", "--model.hidden", "--data.kind", "--print_config")
    )


BAD = [  # (argv, message on stderr)
    (["train", "resnet"], "unknown model 'resnet'; known models:"),
    (["train", "mpl"], "unknown model 'mpl'; known models: linear_regression, "),
    (["train", "mpl"], "bert_classifier; did you mean 'mlp'?"),
    (["train", "Logistic-Regresion"], "; did you mean 'logistic_regression'"),
    (["train", "mlp", "--profile", "fast"], "unknown profile 'fast'; expected one of: full, quick"),
    (["train", "mlp", "--epochs", "many"], "argument --epochs: invalid int value: 'many'"),
    (
        ["train", "mlp", "--trainer.max_epoch=1"],
        "unknown option --trainer.max_epoch; did you mean --trainer.max_epochs?",
    ),
    (["train", "mlp", "--trainer.foo=1"], "unknown option --trainer.foo; see --help"),
    (["train", "mlp", "--model.width=3"], "unknown option --model.width; accepted: in_features, hidden, classes"),
    (["train", "mlp", "--optimiser.lr=3"], "unknown option --optimiser.lr; did you mean --optimizer?"),
    (["train", "mlp", "--model.lr=fast"], "--model.lr: Expected a <class 'float'>. Got value: fast"),
    (["train", "mlp", "--model.hidden=[8"], "--model.hidden: Expected a <class 'collections.abc.Sequence'>"),
    (["train", "mlp", "--trainer.max_epochs"], "argument --trainer.max_epochs: expected one argument"),
    (["train", "mlp", "stray"], "unrecognised argument 'stray'"),
    (["train", "mlp", "--config", "/no/such.yaml"], "--config: File does not exist: '/no/such.yaml'"),
    (["train", "mlp", "--data.kind=spirals", "--trainer.fast_dev_run=1"], "unknown toy dataset 'spirals'"),
    (["train", "mlp", "--device", "quantum"], "cannot build the Trainer: You selected an invalid accelerator name"),
    (["train", "mlp", "--model.activation=gelu"], "cannot build the model: unknown activation 'gelu'"),
    (
        ["train", "linear_regression", "--data.val_fraction=2"],
        "cannot build the data module: val_fraction must be in (0, 1)",
    ),
    (["train", "bert_classifier", "--model.encoder=/no/such.pt"], "pre-trained encoder weights not found: /no/such.pt"),
]


@pytest.mark.parametrize("argv, message", BAD, ids=[" ".join(a[1:]) for a, _ in BAD])
def test_bad_input_is_a_clear_error(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("kb train: error: ") and message in err


BAD_OVERRIDES = [  # (fit's overrides, message): checked like command-line options
    ({"model": {"lr": "fast"}}, "--model.lr: Expected a <class 'float'>"),
    ({"trainer": {"max_epoch": 1}}, "unknown option --trainer.max_epoch; did you mean --trainer.max_epochs?"),
    ({"data": {"size": 8}}, "unknown option --data.size; accepted: kind, n, noise, batch_size, seed"),
    ({"data": {"batch": 8}}, "unknown option --data.batch; did you mean --data.batch_size?"),
]


@pytest.mark.parametrize("overrides, message", BAD_OVERRIDES)
def test_bad_overrides_raise_option_error(overrides, message):
    with pytest.raises(OptionError) as info:
        fit("mlp", quiet=True, overrides=overrides)
    assert message in str(info.value)


def test_overrides_keep_the_registry_arguments():
    run = fit("gru", quiet=True, overrides={"model": {"hidden": 8}, "trainer": {"fast_dev_run": True}})
    assert run.model.hparams.cell == "gru" and run.model.hparams.hidden == 8


def test_wired_into_the_kb_command(capsys):
    from kb.cli import main as kb_main

    assert kb_main(["list", "--json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == registry.names()


def test_full_profile_with_a_missing_mnist_folder(capsys, monkeypatch):
    monkeypatch.setenv("KB_MNIST_DIR", "/no/such/dir")
    code, _, err = _run(capsys, "train", "cnn", "--profile", "full", "--trainer.fast_dev_run=1", "--quiet")
    assert code == 2 and "kb train: error: MNIST folder does not exist: /no/such/dir" in err
