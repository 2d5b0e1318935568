"""Lightning training vs a plain PyTorch loop, for every model in the quick profile.

Same LightningModule instance type, data module, seed, epochs and thread count (1);
both run a validation pass after every epoch (Lightning's sanity check is turned
off so the loops match). Wall time: one process per model runs the two loops
alternately ``--repeat`` times and the minimum of each is kept (on a shared, loaded
machine single runs swing by 2-4x; alternating cancels slow drifts). Peak memory
(max RSS, including the interpreter, torch and Lightning) comes from one separate
fresh process per (model, loop). Prints wall time of training (setup of the data
included, imports excluded), the ratio Lightning / plain (target <= 1.25), peak RSS
and the final validation metric of each loop (equal: same seed, same RNG use).

Run: .venv/bin/python benchmarks/kb_train_overhead.py [--models cnn,gan] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time


def _plain_loop(module, datamodule, max_epochs: int) -> None:
    """The loop Lightning runs, written out: train epoch, then a no-grad validation pass.

    Without a Trainer, ``log_epoch_means`` returns at once: the plain loop logs nothing.
    """
    import torch

    optimizers = module.configure_optimizers()
    optimizers = list(optimizers) if isinstance(optimizers, (list, tuple)) else [optimizers]
    manual = not module.automatic_optimization
    if manual:  # the GAN steps its own two optimizers
        module.optimizers = lambda: optimizers
        module.manual_backward = lambda loss: loss.backward()
    datamodule.setup("fit")
    train_loader, val_loader = datamodule.train_dataloader(), datamodule.val_dataloader()
    for _ in range(max_epochs):
        module.train()
        for i, batch in enumerate(train_loader):
            if manual:
                module.training_step(batch, i)
                continue
            loss = module.training_step(batch, i)
            optimizers[0].zero_grad()
            loss.backward()
            optimizers[0].step()
        module.eval()
        with torch.no_grad():
            for i, batch in enumerate(val_loader):
                module.validation_step(batch, i)


def _validation_metric(module, datamodule, metric: str) -> float | None:
    """Re-run validation once, capturing what the module logs."""
    import torch

    logged: dict[str, list[float]] = {}

    def record(stage, batch_size, prog_bar=True, **values):
        for name, value in values.items():
            logged.setdefault(f"{stage}_{name}", []).append(float(value))

    module.log_epoch_means = record  # what every kb module logs through
    module.eval()
    with torch.no_grad():
        for i, batch in enumerate(datamodule.val_dataloader()):
            module.validation_step(batch, i)
    values = logged.get(metric.replace("test_", "val_"))
    return sum(values) / len(values) if values else None


def _train_once(name: str, loop: str) -> tuple[float, object, object]:
    """Build the model and data (seeded) and train them with ``loop``; returns seconds."""
    from kb import registry
    from kb.training import make_trainer, seed_everything

    spec = registry.get(name)
    model_cls, data_cls = spec.load("quick")
    _, data_args = spec.data_for("quick")
    seed_everything(0)
    module, datamodule = model_cls(**spec.model_args), data_cls(**data_args)
    start = time.perf_counter()
    if loop == "lightning":
        trainer = make_trainer(spec.epochs("quick"), quiet=True, num_sanity_val_steps=0, accelerator="cpu")
        trainer.fit(module, datamodule=datamodule)
    else:
        _plain_loop(module, datamodule, spec.epochs("quick"))
    return time.perf_counter() - start, module, datamodule


def run_child(name: str, mode: str, repeat: int) -> dict:
    """Child process. ``mode`` is ``plain`` or ``lightning`` (one run, for peak memory)
    or ``timing`` (both loops alternately, ``repeat`` times each, for wall time)."""
    import torch

    from kb import registry

    torch.set_num_threads(1)
    spec = registry.get(name)
    if mode == "timing":
        times: dict[str, list[float]] = {"plain": [], "lightning": []}
        for _ in range(repeat):
            for loop in times:
                times[loop].append(_train_once(name, loop)[0])
        return {"times": times}
    seconds, module, datamodule = _train_once(name, mode)
    return {
        "seconds": seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "val": _validation_metric(module, datamodule, spec.metric),
        "epochs": spec.epochs("quick"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", help="comma-separated names (default: every registered model)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per loop, alternating; the minimum is reported")
    parser.add_argument("--child", nargs=2, metavar=("NAME", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(*args.child, args.repeat)))
        return 0

    from kb import registry

    names = args.models.split(",") if args.models else registry.names()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "KB_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    rows = []
    for name in names:
        runs = {}
        for mode in ("plain", "lightning", "timing"):
            cmd = [sys.executable, __file__, "--child", name, mode, "--repeat", str(args.repeat)]
            out = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if out.returncode:
                print(out.stderr[-2000:], file=sys.stderr)
                return 1
            runs[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        times = runs.pop("timing")["times"]
        for loop in runs:
            runs[loop]["seconds"] = min(times[loop])
        ratio = runs["lightning"]["seconds"] / runs["plain"]["seconds"]
        rows.append({"model": name, "epochs": runs["plain"]["epochs"], "ratio": ratio, "times": times, **{
            f"{loop}_{key}": runs[loop][key] for loop in runs for key in ("seconds", "peak_rss_mb", "val")}})
        if not args.json:
            r = rows[-1]
            val = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
            print(f"{name:<20} {r['epochs']:>4} ep  plain {r['plain_seconds']:7.2f} s  lightning {r['lightning_seconds']:7.2f} s  "
                  f"ratio {ratio:4.2f}  peak RSS {r['plain_peak_rss_mb']:5.0f} / {r['lightning_peak_rss_mb']:5.0f} MB  "
                  f"val {val(r['plain_val'])} / {val(r['lightning_val'])}", flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        total_plain = sum(r["plain_seconds"] for r in rows)
        total_light = sum(r["lightning_seconds"] for r in rows)
        print(f"{'total':<20}          plain {total_plain:7.2f} s  lightning {total_light:7.2f} s  ratio {total_light / total_plain:4.2f}")
        print(f"wall time: minimum of {args.repeat} alternating runs per loop; load average now "
              f"{os.getloadavg()[0]:.2f} (2 cores); torch threads: 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
