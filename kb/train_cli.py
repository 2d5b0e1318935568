"""``kb list`` and ``kb train NAME``: the registry from the command line, on LightningCLI.

``kb train NAME`` runs a :class:`~pytorch_lightning.cli.LightningCLI` (``run=False``) for the
model and data module registered as ``NAME``, so its options all work: ``--trainer.KEY=VALUE``
for any Trainer argument, ``--model.KEY=VALUE``, ``--data.KEY=VALUE``, ``--seed_everything``,
``--config FILE.yaml``, ``--print_config``; ``kb train NAME --help`` lists them, typed by the
classes' signatures. The registry, the profile, :func:`kb.make_trainer`'s Trainer options and
kb's short options (``--profile --epochs --device --seed``) only set *defaults*: options and
config files override them. torch and Lightning are imported late: ``kb list`` stays fast.

Examples::

    kb list --json
    kb train cnn --profile full --device gpu
    kb train mlp --json --trainer.max_epochs=1 --trainer.limit_train_batches=2 --model.hidden='[8]'
    kb train mlp --print_config > mlp.yaml && kb train mlp --config mlp.yaml
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import traceback
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kb import registry
from kb.datasets.errors import DatasetError
from kb.profiles import ProfileError, current_profile, get_profile

__all__ = ["register", "main", "OptionError", "train", "fit", "TrainingRun"]


class OptionError(ValueError):
    """An option, a config file or the value given to one is unknown or invalid."""


# everything kb train reports as "kb train: error: MESSAGE", exit status 2
_ERRORS = (registry.UnknownModelError, ProfileError, OptionError, DatasetError, FileNotFoundError)


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


def fit(
    name: str,
    *,
    profile: str | None = None,
    epochs: int | None = None,
    device: str = "auto",
    seed: int = 0,
    quiet: bool | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    args: Sequence[str] = (),
    callbacks: Sequence[Any] = (),
) -> TrainingRun:
    """Build, train and test the registered model ``name``; metrics are rank 0's view.

    ``overrides`` (``{"trainer": {"fast_dev_run": True}, "model": {...}, "data": {...}}``) is
    checked like the command-line options ``args``, which come after it and so win over it.
    ``--help`` and ``--print_config`` in ``args`` print and raise ``SystemExit(0)``.
    """
    spec = _spec(name)
    prof = get_profile(profile) if profile else current_profile()
    defaults = _dotted({"model": spec.model_args, "data": {**spec.data_for(prof.name)[1], "seed": seed}})
    # parsed like the command line, so checked; a string goes as typed (JSON quotes would hide it from Literal types)
    given = [
        f"--{key}={value if isinstance(value, str) else json.dumps(value)}"
        for key, value in _dotted(overrides or {}).items()
    ]
    trainer_defaults = {  # kb.training.make_trainer's options
        "max_epochs": epochs if epochs is not None else spec.epochs(prof.name),
        "accelerator": device,
        "devices": 1,
        "deterministic": "warn",
        "logger": False,
        "enable_checkpointing": False,
        "callbacks": list(callbacks),
    }
    import pytorch_lightning as pl

    from kb.training import is_quiet

    quiet = is_quiet() if quiet is None else quiet
    # quiet wins over a config file, e.g. one written by --print_config without --quiet
    hush = ["--trainer.enable_progress_bar=false", "--trainer.enable_model_summary=false"] if quiet else []
    model_cls, data_cls = spec.load(prof.name)
    cli = _cli_class(defaults)(
        model_cls,
        data_cls,
        args=[*given, *args, *hush],
        run=False,
        trainer_defaults=trainer_defaults,
        seed_everything_default=seed,
        save_config_callback=None,
        load_from_checkpoint_support=False,
        parser_kwargs={
            "prog": f"kb train {spec.name}",
            "exit_on_error": False,
            "allow_abbrev": False,
            "description": f"{spec.description}. kb's own options (--profile, --epochs, --device, "
            "--seed, --json, --quiet) are listed by `kb train --help`.",
        },
    )
    model, datamodule, trainer = cli.model, cli.datamodule, cli.trainer
    start = time.perf_counter()
    trainer.fit(model, datamodule=datamodule)
    metrics = {k: float(v) for k, v in trainer.callback_metrics.items()}
    if type(datamodule).test_dataloader is not pl.LightningDataModule.test_dataloader:
        for result in trainer.test(model, datamodule=datamodule, verbose=False):
            metrics.update({k: float(v) for k, v in result.items()})
    return TrainingRun(
        model,
        datamodule,
        trainer,
        {
            "model": spec.name,
            "profile": prof.name,
            "epochs": cli.config.trainer.max_epochs,
            "device": str(trainer.strategy.root_device),
            "world_size": trainer.world_size,
            "seconds": round(time.perf_counter() - start, 3),
            "metric": spec.metric,
            "value": metrics.get(spec.metric),
            "metrics": dict(sorted(metrics.items())),
            "_rank": trainer.global_rank,
        },
    )


def _spec(name: str) -> registry.ModelSpec:
    try:
        return registry.get(name)
    except registry.UnknownModelError as exc:
        close = difflib.get_close_matches(name.strip().lower().replace("-", "_"), registry.names(), n=3)
        if not close:
            raise
        raise registry.UnknownModelError(f"{exc}; did you mean {' or '.join(map(repr, close))}?") from None


def _dotted(groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``{"model": {"lr": 0.1}}`` -> ``{"model.lr": 0.1}``, the keys of LightningCLI's parser."""
    return {f"{group}.{key}": value for group, values in groups.items() for key, value in values.items()}


def _cli_class(defaults: dict[str, Any]) -> type:
    """LightningCLI with kb's ``defaults`` and error messages (a class made here: Lightning is imported late)."""
    from pytorch_lightning.cli import LightningCLI
    from pytorch_lightning.utilities.exceptions import MisconfigurationException

    from kb.training import quiet_lightning, seed_everything

    quiet_lightning()  # as kb.seed_everything does: no banners or tips, on the command line too
    warnings.filterwarnings("ignore", message="LightningCLI's args parameter")  # args= is passed on purpose
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"pytorch_lightning\.cli")  # not ours

    class KbCLI(LightningCLI):
        def add_arguments_to_parser(self, parser: Any) -> None:
            parser.set_defaults(defaults)

        def parse_arguments(self, parser: Any, args: Any) -> None:
            try:
                super().parse_arguments(parser, args)
            except argparse.ArgumentError as exc:
                raise OptionError(_explain(str(exc), [o for a in parser._actions for o in a.option_strings])) from None

        def before_instantiate_classes(self) -> None:
            if self.config.seed_everything is not False:  # LightningCLI has seeded; add deterministic algorithms
                seed_everything(self.config.seed_everything)

        def instantiate_classes(self) -> None:
            try:
                super().instantiate_classes()
            except _ERRORS:
                raise
            except (ValueError, TypeError, MisconfigurationException) as exc:
                raise OptionError(f"cannot build the {_culprit(exc)}: {exc}") from exc

    return KbCLI


def _explain(message: str, options: list[str]) -> str:
    """jsonargparse's message, naming the option as typed and suggesting close ones."""
    message = re.sub(r'^Parser key "([^"]+)":\s*', r"--\1: ", message)
    unknown = re.match(r"unrecognized arguments: (\S+)", message)
    if not unknown:
        return message
    token = unknown[1].split("=", 1)[0]
    if not token.startswith("-"):
        return f"unrecognised argument {token!r}; expected --trainer.KEY=VALUE, --model.KEY=VALUE or --data.KEY=VALUE"
    group, _, leaf = token.partition(".")
    options = [o for o in options if not o.endswith((".help", "+"))]
    siblings = [o.partition(".")[2] for o in options if o.startswith(group + ".")]
    if siblings:
        close = [f"{group}.{name}" for name in difflib.get_close_matches(leaf, siblings, n=1, cutoff=0.6)]
    else:
        close = difflib.get_close_matches(group, [o for o in options if "." not in o], n=1, cutoff=0.8)
    if close:
        hint = f"did you mean {close[0]}?"
    elif group in ("--model", "--data") and siblings:
        hint = "accepted: " + ", ".join(siblings)
    else:
        hint = "see --help for the options"
    return f"unknown option {token}; {hint}"


def _culprit(exc: BaseException) -> str:
    """Which object was being built when ``exc`` was raised: the first one in the traceback."""
    import pytorch_lightning as pl

    kinds = ((pl.Trainer, "Trainer"), (pl.LightningModule, "model"), (pl.LightningDataModule, "data module"))
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        for cls, what in kinds:
            if isinstance(frame.f_locals.get("self"), cls):
                return what
    return "model or data module"


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
    # kb's own options may also follow NAME; everything else goes to LightningCLI
    after = argparse.ArgumentParser(
        prog="kb train", add_help=False, argument_default=argparse.SUPPRESS, allow_abbrev=False, exit_on_error=False
    )
    try:
        extra, rest = _train_options(after).parse_known_args(args.rest)
        vars(args).update(vars(extra))
        quiet = True if (args.json or args.quiet) else None  # None: $KB_QUIET decides
        result = train(
            args.name,
            profile=args.profile,
            epochs=args.epochs,
            device=args.device or "auto",
            seed=args.seed,
            quiet=quiet,
            args=rest,
        )
    except SystemExit as exc:  # --help, --print_config
        return exc.code if isinstance(exc.code, int) else 0
    except (*_ERRORS, argparse.ArgumentError) as exc:
        print(f"kb train: error: {exc}", file=sys.stderr)
        return 2
    if result.pop("_rank") != 0:
        return 0
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['model']} ({result['profile']} profile, {result['epochs']} epochs, {result['device']}, "
            f"{result['seconds']} s)"
        )
        for key, value in result["metrics"].items():
            print(f"  {key:<12} {value:.4f}")
    return 0


def _train_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--profile", help="quick or full (default: $KB_PROFILE or quick)")
    p.add_argument("--epochs", type=int, help="default --trainer.max_epochs (default: the profile's)")
    p.add_argument("--device", help="default --trainer.accelerator: auto, cpu, gpu, mps (default: auto)")
    p.add_argument("--seed", type=int, help="default --seed_everything and --data.seed (default: 0)")
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
        description="Train a registered model with LightningCLI: any --trainer.KEY=VALUE, --model.KEY=VALUE,\n"
        "--data.KEY=VALUE, --config FILE.yaml or --print_config may follow NAME.\n"
        "`kb train NAME --help` lists every option of NAME.",
        epilog="examples:\n  kb train cnn\n  kb train mlp --json --trainer.max_epochs=1 --model.hidden='[8]'\n"
        "  kb train mlp --print_config > mlp.yaml && kb train mlp --config mlp.yaml\n"
        "  kb train lstm --trainer.strategy=ddp --trainer.devices=2 --trainer.accelerator=cpu",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _train_options(p_train)
    p_train.set_defaults(handler=_train, profile=None, epochs=None, device=None, seed=0, json=False, quiet=False)
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
