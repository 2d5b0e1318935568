"""``kb list`` and ``kb train NAME``: the registry from the command line.

Options follow LightningCLI's conventions: besides the short options below, any
``--trainer.KEY=VALUE`` is passed to ``pl.Trainer`` (``--trainer.max_epochs=1``,
``--trainer.strategy=ddp --trainer.devices=2``), ``--model.KEY=VALUE`` to the
LightningModule and ``--data.KEY=VALUE`` to the data module. Values are parsed as
YAML (``1`` is an int, ``[16, 16]`` a list, ``null`` is None) and checked against
the target's signature, so a typo is reported instead of ignored.

torch and Lightning are imported inside the handlers only: ``kb --help`` stays fast.

Examples::

    kb list --json
    kb train cnn                       # quick profile, progress bars
    kb train cnn --profile full --device gpu
    kb train mlp --json --trainer.max_epochs=1 --model.hidden='[8]'
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kb import registry
from kb.datasets.errors import DatasetError
from kb.profiles import ProfileError, current_profile, get_profile

__all__ = ["register", "main", "parse_overrides", "OptionError", "train", "fit", "TrainingRun"]

_GROUPS = ("trainer", "model", "data")


class OptionError(ValueError):
    """A ``--group.key=value`` option is malformed or unknown."""


def parse_overrides(tokens: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Turn ``["--trainer.max_epochs=1", "--model.lr", "0.1"]`` into nested dicts.

    >>> parse_overrides(["--trainer.max_epochs=1", "--model.lr", "0.1"])
    {'trainer': {'max_epochs': 1}, 'model': {'lr': 0.1}, 'data': {}}
    """
    import yaml

    out: dict[str, dict[str, Any]] = {g: {} for g in _GROUPS}
    tokens = list(tokens)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.startswith("--") or "." not in token.split("=", 1)[0]:
            raise OptionError(f"unrecognised argument {token!r}; expected --trainer.KEY=VALUE, --model.KEY=VALUE or --data.KEY=VALUE")
        key, eq, value = token[2:].partition("=")
        if not eq:
            if i + 1 >= len(tokens):
                raise OptionError(f"option --{key} needs a value")
            value, i = tokens[i + 1], i + 1
        group, _, name = key.partition(".")
        if group not in out or not name.isidentifier():
            raise OptionError(f"unknown option group in --{key}; expected one of: {', '.join(_GROUPS)}")
        try:
            parsed = yaml.safe_load(value) if value != "" else ""
            if isinstance(parsed, str):  # YAML 1.1 reads "2e-3" as a string
                try:
                    parsed = float(parsed)
                except ValueError:
                    pass
            out[group][name] = parsed
        except yaml.YAMLError as exc:
            raise OptionError(f"cannot parse the value of --{key}: {exc}") from None
        i += 1
    return out


def _check_keywords(target: Any, kwargs: dict[str, Any], group: str) -> None:
    params = inspect.signature(target).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return
    unknown = sorted(set(kwargs) - set(params))
    if unknown:
        known = ", ".join(n for n in params if n != "self")
        raise OptionError(f"unknown --{group} option(s) {', '.join(unknown)}; accepted: {known}")


@dataclass
class TrainingRun:
    """What :func:`fit` produced: the trained objects and the summary :func:`train` prints."""

    model: Any
    datamodule: Any
    trainer: Any
    result: dict[str, Any]


def train(name: str, **kwargs: Any) -> dict[str, Any]:
    """Train the registered model ``name`` and return its final metrics (see :func:`fit`)."""
    return fit(name, **kwargs).result


def fit(name: str, *, profile: str | None = None, epochs: int | None = None, device: str = "auto",
        seed: int = 0, quiet: bool | None = None, overrides: dict[str, dict[str, Any]] | None = None,
        callbacks: Sequence[Any] = ()) -> TrainingRun:
    """Build, train and test the registered model ``name``; metrics are rank 0's view."""
    spec = registry.get(name)
    prof = get_profile(profile) if profile else current_profile()
    overrides = overrides or {g: {} for g in _GROUPS}
    model_cls, data_cls = spec.load(prof.name)
    _, data_args = spec.data_for(prof.name)
    model_args = {**spec.model_args, **overrides["model"]}
    data_args = {**data_args, "seed": seed, **overrides["data"]}
    _check_keywords(model_cls, model_args, "model")
    _check_keywords(data_cls, data_args, "data")

    import pytorch_lightning as pl

    from kb.training import make_trainer, seed_everything

    from pytorch_lightning.utilities.exceptions import MisconfigurationException

    _check_keywords(pl.Trainer, overrides["trainer"], "trainer")
    seed_everything(seed)
    trainer_args = {"accelerator": device, **overrides["trainer"]}
    max_epochs = trainer_args.pop("max_epochs", epochs if epochs is not None else spec.epochs(prof.name))
    def build(what: str, factory: Any) -> Any:
        # bad option values surface here, before any training: report them as option errors
        try:
            return factory()
        except DatasetError:
            raise
        except (ValueError, TypeError, ImportError, MisconfigurationException) as exc:
            raise OptionError(f"cannot build the {what}: {exc}") from exc

    datamodule = build("data module", lambda: data_cls(**data_args))
    model = build("model", lambda: model_cls(**model_args))
    trainer = build("Trainer", lambda: make_trainer(max_epochs, quiet=quiet, callbacks=callbacks, **trainer_args))
    start = time.perf_counter()
    trainer.fit(model, datamodule=datamodule)
    metrics = {k: float(v) for k, v in trainer.callback_metrics.items()}
    if type(datamodule).test_dataloader is not pl.LightningDataModule.test_dataloader:
        for result in trainer.test(model, datamodule=datamodule, verbose=False):
            metrics.update({k: float(v) for k, v in result.items()})
    return TrainingRun(model, datamodule, trainer, {
        "model": spec.name,
        "profile": prof.name,
        "epochs": max_epochs,
        "device": str(trainer.strategy.root_device),
        "world_size": trainer.world_size,
        "seconds": round(time.perf_counter() - start, 3),
        "metric": spec.metric,
        "value": metrics.get(spec.metric),
        "metrics": dict(sorted(metrics.items())),
        "_rank": trainer.global_rank,
    })


def _list(args: argparse.Namespace) -> int:
    specs = [registry.MODELS[n] for n in registry.names()]
    if args.json:
        print(json.dumps([s.as_dict() for s in specs], indent=2))
    else:
        width = max(len(s.name) for s in specs)
        for s in specs:
            print(f"{s.name:<{width}}  {s.metric:<10} {s.description}")
    return 0


def _train(args: argparse.Namespace) -> int:
    try:
        # our own options may also follow NAME; everything else must be --group.key=value
        after = argparse.ArgumentParser(prog="kb train", argument_default=argparse.SUPPRESS, allow_abbrev=False)
        extra, rest = _train_options(after).parse_known_args(args.rest)
        vars(args).update(vars(extra))
        overrides = parse_overrides(rest)
        quiet = True if (args.json or args.quiet) else None  # None: $KB_QUIET decides
        result = train(args.name, profile=args.profile, epochs=args.epochs, device=args.device,
                       seed=args.seed, quiet=quiet, overrides=overrides)
    except (registry.UnknownModelError, ProfileError, OptionError, DatasetError, FileNotFoundError) as exc:
        print(f"kb train: error: {exc}", file=sys.stderr)
        return 2
    if result.pop("_rank") != 0:
        return 0
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['model']} ({result['profile']} profile, {result['epochs']} epochs, {result['device']}, "
              f"{result['seconds']} s)")
        for key, value in result["metrics"].items():
            print(f"  {key:<12} {value:.4f}")
    return 0


def _train_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--profile", help="quick or full (default: $KB_PROFILE or quick)")
    p.add_argument("--epochs", type=int, help="override the profile's epoch count")
    p.add_argument("--device", help="Lightning accelerator: auto, cpu, gpu, mps (default: auto)")
    p.add_argument("--seed", type=int, help="random seed (default: 0)")
    p.add_argument("--json", action="store_true", help="print the final metrics as JSON (no progress bars)")
    p.add_argument("--quiet", action="store_true", help="no progress bars or banners")
    return p


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``list`` and ``train`` sub-commands to the ``kb`` parser."""
    p_list = sub.add_parser("list", help="list the trainable models", description="List the models in the registry.")
    p_list.add_argument("--json", action="store_true", help="machine-readable output")
    p_list.set_defaults(handler=_list)

    p_train = sub.add_parser(
        "train",
        help="train a model from the registry",
        description="Train a registered model. Any --trainer.KEY=VALUE, --model.KEY=VALUE or "
        "--data.KEY=VALUE option is passed on (LightningCLI style).",
        epilog="examples:\n  kb train cnn\n  kb train mlp --json --trainer.max_epochs=1 --model.hidden='[8]'\n"
        "  kb train lstm --trainer.strategy=ddp --trainer.devices=2 --trainer.accelerator=cpu",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _train_options(p_train)
    p_train.set_defaults(handler=_train, profile=None, epochs=None, device="auto", seed=0, json=False, quiet=False)
    p_train.add_argument("name", help="model name (see `kb list`)")
    p_train.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``list``/``train`` alone (``python -m kb.train_cli``), without the docs tools."""
    parser = argparse.ArgumentParser(prog="kb")
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
