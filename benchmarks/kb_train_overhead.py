"""Lightning training vs a plain PyTorch loop, for every model in the quick profile, and
Lightning's own floor.

The plain loop is :func:`kb.training.plain_fit`. Same LightningModule, data module (both
loops take its loaders), seed, epochs and thread count (1); both run a validation pass
after every epoch (Lightning's sanity check is turned off so the loops match).

* Wall time: ``--processes`` fresh processes per model each run the two loops
  alternately, ``--repeat`` times each (the order flips from one pair of runs to the
  next). ``plain`` and ``lightning`` are the medians of each loop over all runs; ``ratio``
  is the median over pairs of back-to-back runs of Lightning / plain (a slow phase of this
  shared machine hits both sides of a pair); ``min`` is the ratio of the two minima,
  ``cpu`` that of the minimum CPU times, ``spread`` the slowest / fastest wall time of
  each loop. When ``ratio`` and ``min`` differ much, the run was noisy.
* Peak memory (max RSS, including the interpreter, torch and Lightning) comes from one
  separate fresh process per (model, loop), which also reports the final validation
  metric of each loop (equal: same seed, same RNG use; computed by ``trainer.validate``)
  and counts the work: optimizer steps (batches) and ``self.log`` calls.
* ``floor`` (with ``--floor``): what Lightning's own cost allows. A trivial LightningModule
  written like kb's (one ``Linear(2, 1)``, ``self.log(..., on_epoch=True)`` in its steps,
  the same ``DataLoader(TensorDataset(...))`` loaders and ``make_trainer``) is timed on a
  grid of epochs x batches x logged values; least squares gives Lightning's extra CPU time
  as ``fixed + per epoch + per batch + per self.log call``, for automatic optimization and
  for manual optimization with the model's number of optimizers. A model's floor is
  ``(plain + that overhead for its counts) / plain``: the ratio Lightning itself allows.
* Targets: every model's ``ratio / floor`` within ``TARGET`` (1.1: nothing of kb's adds
  cost on top of Lightning's own), and the quick profile's total (sum of Lightning's
  medians / sum of the plain loop's) within ``TOTAL_TARGET`` (1.25). ``total floor`` is what
  Lightning's own cost allows for the profile (each model's plain time times its floor):
  when it is above 1.25, no change to kb can meet the total target.
* ``verdict``: ``meets`` (``ratio / floor`` and ``min / floor`` both within the target),
  ``noisy`` (one of them is), ``above`` (neither) or ``no floor`` (run without ``--floor``).

Run: .venv/bin/python benchmarks/kb_train_overhead.py [--models cnn,gan] [--repeat 3] [--processes 2] [--floor] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

TARGET = 1.1  # ratio / floor, per model
TOTAL_TARGET = 1.25  # Lightning / plain, the whole quick profile


def _validation_metric(module, datamodule, metric: str) -> float | None:
    """The final validation value of ``metric`` (its ``val_`` form), by ``trainer.validate``."""
    from kb.training import make_trainer

    trainer = make_trainer(1, quiet=True, accelerator="cpu")
    value = trainer.validate(module, datamodule=datamodule, verbose=False)[0].get(metric.replace("test_", "val_"))
    return None if value is None else float(value)


def _train_once(
    name: str,
    loop: str,
    count_logs: bool = False,
    epochs: int | None = None,
) -> tuple[float, float, object, object, int]:
    """Build the model and data (seeded) and train them with ``loop`` (for the quick
    profile's epochs unless ``epochs`` is given).

    Returns wall seconds, CPU seconds, the module, the data module and the number
    of ``self.log`` calls (counted only when ``count_logs``).
    """
    from kb import registry
    from kb.training import make_trainer, plain_fit, seed_everything

    spec = registry.get(name)
    model_cls, data_cls = spec.load("quick")
    _, data_args = spec.data_for("quick")
    seed_everything(0)
    module, datamodule = model_cls(**spec.model_args), data_cls(**data_args)
    logs = [0]
    if count_logs:
        log = module.log

        def counted(*args, **kwargs):
            logs[0] += 1
            return log(*args, **kwargs)

        module.log = counted
    epochs = spec.epochs("quick") if epochs is None else epochs
    wall, cpu = time.perf_counter(), time.process_time()
    if loop == "lightning":
        trainer = make_trainer(epochs, quiet=True, num_sanity_val_steps=0, accelerator="cpu")
        trainer.fit(module, datamodule=datamodule)
    else:
        plain_fit(module, datamodule, epochs)
    return time.perf_counter() - wall, time.process_time() - cpu, module, datamodule, logs[0]


def run_child(name: str, mode: str, repeat: int) -> dict:
    """Child process. ``mode`` is ``plain`` or ``lightning`` (one run, for peak memory and
    counts), ``timingK`` (both loops alternately, ``repeat`` times each; the loop that
    goes first alternates with K) or ``floor`` (``name`` is then ``auto`` or ``manualN``,
    see :func:`measure_floor`)."""
    import torch

    torch.set_num_threads(1)
    if mode == "floor":
        return measure_floor(name, repeat)

    from kb import registry

    spec = registry.get(name)
    if mode.startswith("timing"):  # "timing0", "timing1", ...: which loop goes first
        times: dict[str, dict[str, list[float]]] = {
            "plain": {"wall": [], "cpu": []},
            "lightning": {"wall": [], "cpu": []},
        }
        for loop in times:  # one untimed epoch each: first-call costs (lazy imports, allocations) out of the way
            _train_once(name, loop, epochs=1)
        for i in range(repeat):
            for loop in sorted(times, reverse=(i + int(mode[6:] or 0)) % 2 == 1):
                wall, cpu, *_ = _train_once(name, loop)
                times[loop]["wall"].append(wall)
                times[loop]["cpu"].append(cpu)
        return {"times": times}
    _, _, module, datamodule, logs = _train_once(name, mode, count_logs=mode == "lightning")
    optimizers = module.configure_optimizers()
    return {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "val": _validation_metric(module, datamodule, spec.metric),
        "epochs": spec.epochs("quick"),
        "batches": len(datamodule.train_dataloader()),
        "val_batches": len(datamodule.val_dataloader()),
        "logs": logs,
        "optimization": "auto"
        if module.automatic_optimization
        else f"manual{len(optimizers) if isinstance(optimizers, (list, tuple)) else 1}",
    }


# ---------------------------------------------------------------- Lightning's own cost


def measure_floor(optimization: str, repeat: int) -> dict:
    """Lightning's extra CPU time over the plain loop for a trivial model, fitted as
    ``fixed + epochs * per_epoch + epochs * batches * per_batch + log_calls * per_log`` (ms).

    ``optimization``: ``auto`` (one optimizer, automatic) or ``manualN`` (N optimizers,
    each stepped once per batch after its own backward, like the GAN).
    """
    import numpy as np
    import pytorch_lightning as pl
    import torch
    from torch.utils.data import TensorDataset

    from kb.datasets.base import tensor_loader
    from kb.training import make_trainer, plain_fit, seed_everything

    manual = optimization.startswith("manual")
    n_opt = int(optimization[len("manual") :]) if manual else 1

    class Tiny(pl.LightningModule):  # written like every kb model: self.log(..., on_epoch=True) per step
        def __init__(self, logs: int) -> None:
            super().__init__()
            self.automatic_optimization = not manual
            self.layers = torch.nn.ModuleList(torch.nn.Linear(2, 1) for _ in range(n_opt))
            self.logs = logs

        def _loss(self, batch, stage: str, k: int = 0):
            x, y = batch
            loss = ((self.layers[k](x).squeeze(-1) - y) ** 2).mean()
            if k == 0:
                for i in range(self.logs):
                    self.log(f"{stage}_{i}", loss, on_step=False, on_epoch=True, batch_size=len(y))
            return loss

        def training_step(self, batch, batch_idx):
            if not manual:
                return self._loss(batch, "train")
            opts = self.optimizers()
            for k, opt in enumerate(opts if isinstance(opts, (list, tuple)) else [opts]):
                loss = self._loss(batch, "train", k)
                opt.zero_grad()
                self.manual_backward(loss)
                opt.step()

        def validation_step(self, batch, batch_idx):
            self._loss(batch, "val")

        def configure_optimizers(self):
            opts = [torch.optim.SGD(layer.parameters(), lr=0.01) for layer in self.layers]
            return opts if manual else opts[0]

    class Data(pl.LightningDataModule):
        def __init__(self, batches: int) -> None:
            super().__init__()
            g = torch.Generator().manual_seed(0)
            self.x, self.y = torch.randn(32 * batches, 2, generator=g), torch.randn(32 * batches, generator=g)

        def train_dataloader(self):
            return tensor_loader(TensorDataset(self.x, self.y), 32, shuffle=True)

        def val_dataloader(self):
            return tensor_loader(TensorDataset(self.x[:32], self.y[:32]), 32, shuffle=False)

    def once(loop: str, epochs: int, batches: int, logs: int) -> float:
        seed_everything(0)
        module, data = Tiny(logs), Data(batches)
        start = time.process_time()
        if loop == "lightning":
            make_trainer(epochs, quiet=True, num_sanity_val_steps=0, accelerator="cpu").fit(module, datamodule=data)
        else:
            plain_fit(module, data, epochs)
        return time.process_time() - start

    # (epochs, batches, values logged per step); one validation batch per epoch
    grid = [(10, 1, 0), (10, 20, 0), (50, 1, 0), (50, 20, 0), (30, 10, 0), (30, 1, 3), (30, 10, 3), (10, 20, 1)]
    once("lightning", 3, 2, 1), once("plain", 3, 2, 1)  # warm up
    best = {point: {"plain": float("inf"), "lightning": float("inf")} for point in grid}
    for _ in range(max(repeat, 5)):  # short runs: at least 5 rounds over the whole grid
        for point in grid:
            for loop in ("plain", "lightning"):
                best[point][loop] = min(best[point][loop], once(loop, *point))
    extra = [best[point]["lightning"] - best[point]["plain"] for point in grid]
    design = np.array([[1, e, e * b, e * (b + 1) * k] for e, b, k in grid], dtype=float)
    coef = np.linalg.lstsq(design, np.array(extra), rcond=None)[0] * 1000
    return dict(zip(("fixed_ms", "epoch_ms", "batch_ms", "log_ms"), (float(c) for c in coef), strict=True))


def floor_seconds(coef: dict, row: dict) -> float:
    """Lightning's own extra time (s) for a model's counts of epochs, batches and logs."""
    epochs = row["epochs"]
    return (
        coef["fixed_ms"]
        + epochs * coef["epoch_ms"]
        + epochs * row["batches"] * coef["batch_ms"]
        + row["logs"] * coef["log_ms"]
    ) / 1000


# ---------------------------------------------------------------- driver


def _child(name: str, mode: str, repeat: int, env: dict) -> dict:
    cmd = [sys.executable, __file__, "--child", name, mode, "--repeat", str(repeat)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode:
        raise RuntimeError(f"{name} {mode} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", help="comma-separated names (default: every registered model)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per loop and process, alternating")
    parser.add_argument("--processes", type=int, default=2, help="fresh processes per model for the timed runs")
    parser.add_argument(
        "--floor", action="store_true", help="also measure Lightning's own cost and each model's floor ratio"
    )
    parser.add_argument("--child", nargs=2, metavar=("NAME", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(*args.child, args.repeat)))
        return 0

    from kb import registry

    names = args.models.split(",") if args.models else registry.names()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "KB_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    load_before = os.getloadavg()[0]
    floors: dict[str, dict] = {}
    rows = []
    try:
        for name in names:
            runs = {mode: _child(name, mode, args.repeat, env) for mode in ("plain", "lightning")}
            times = {"plain": {"wall": [], "cpu": []}, "lightning": {"wall": [], "cpu": []}}
            for k in range(args.processes):
                for loop, t in _child(name, f"timing{k}", args.repeat, env)["times"].items():
                    for key in t:
                        times[loop][key] += t[key]
            info = runs["lightning"]
            row = {"model": name, **{k: info[k] for k in ("epochs", "batches", "val_batches", "logs", "optimization")}}
            for loop in runs:
                row[f"{loop}_seconds"] = statistics.median(times[loop]["wall"])
                row[f"{loop}_min_seconds"] = min(times[loop]["wall"])
                row[f"{loop}_cpu_seconds"] = min(times[loop]["cpu"])
                row[f"{loop}_spread"] = max(times[loop]["wall"]) / min(times[loop]["wall"])
                row[f"{loop}_peak_rss_mb"] = runs[loop]["peak_rss_mb"]
                row[f"{loop}_val"] = runs[loop]["val"]
            row["ratio"] = statistics.median(
                lw / pw for lw, pw in zip(times["lightning"]["wall"], times["plain"]["wall"], strict=True)
            )
            row["min_ratio"] = row["lightning_min_seconds"] / row["plain_min_seconds"]
            row["cpu_ratio"] = row["lightning_cpu_seconds"] / row["plain_cpu_seconds"]
            row["times"] = times
            row["extra_ms"] = (row["lightning_seconds"] - row["plain_seconds"]) * 1000
            row["plain_ms_per_batch"] = row["plain_seconds"] * 1000 / (row["epochs"] * row["batches"])
            if args.floor:
                opt = row["optimization"]
                if opt not in floors:
                    floors[opt] = _child(opt, "floor", args.repeat, env)
                row["floor_overhead_s"] = floor_seconds(floors[opt], row)
                row["floor"] = (row["plain_cpu_seconds"] + row["floor_overhead_s"]) / row["plain_cpu_seconds"]
            row["verdict"] = verdict(row)
            rows.append(row)
            if not args.json:
                _print_row(row, registry.get(name).metric)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.json:
        print(
            json.dumps({"rows": rows, "floors": floors, "repeat": args.repeat, "processes": args.processes}, indent=2)
        )
        return 0
    total_plain = sum(r["plain_seconds"] for r in rows)
    total_light = sum(r["lightning_seconds"] for r in rows)
    total = total_light / total_plain
    print(
        f"{'total':<20} {'':>14}  plain {total_plain:7.3f} s  lightning {total_light:7.3f} s  ratio {total:4.2f} "
        f"[{'meets' if total <= TOTAL_TARGET else 'above'} {TOTAL_TARGET}]"
    )
    if args.floor:
        floor_total = total_floor(rows)
        share = total / floor_total
        print(
            f"{'total floor':<20} {'':>14}  Lightning's own cost allows {floor_total:4.2f} for this profile; "
            f"total / floor {share:4.2f} [{'meets' if share <= TARGET else 'above'} {TARGET}]"
        )
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ("meets", "noisy", "above", "no floor")}
    print("verdicts (ratio / floor <= " + f"{TARGET}): " + ", ".join(f"{v} {n}" for v, n in counts.items() if n))
    for opt, c in floors.items():
        print(
            f"Lightning's own cost ({opt}): {c['fixed_ms']:.1f} ms fixed + {c['epoch_ms']:.3f} ms/epoch "
            f"+ {c['batch_ms']:.3f} ms/batch + {c['log_ms']:.3f} ms per self.log call (CPU time, trivial model)"
        )
    print(
        f"wall time: medians of {args.processes} processes x {args.repeat} alternating runs per loop; "
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after (2 cores); torch threads: 1"
    )
    return 0


def total_floor(rows: list[dict]) -> float:
    """What Lightning's own cost allows for the whole profile: the plain times weighted by each
    model's floor, over the plain total (the floor of the ``total`` ratio)."""
    return sum(r["plain_seconds"] * r["floor"] for r in rows) / sum(r["plain_seconds"] for r in rows)


def verdict(row: dict) -> str:
    """``meets`` (``ratio / floor`` and ``min_ratio / floor`` both within the target),
    ``noisy`` (one of them is), ``above`` (neither), ``no floor`` (not measured)."""
    if "floor" not in row:
        return "no floor"
    ratios = (row["ratio"] / row["floor"], row["min_ratio"] / row["floor"])
    if max(ratios) <= TARGET:
        return "meets"
    return "noisy" if min(ratios) <= TARGET else "above"


def _print_row(r: dict, metric: str) -> None:
    def val(v):
        return "-" if v is None else f"{v:.3f}"

    floor = f"  floor {r['floor']:4.2f}  ratio/floor {r['ratio'] / r['floor']:4.2f}" if "floor" in r else ""
    print(
        f"{r['model']:<20} {r['epochs']:>3} ep x {r['batches']:>2} b {r['logs']:>5} logs  "
        f"plain {r['plain_seconds']:7.3f} s  lightning {r['lightning_seconds']:7.3f} s  "
        f"(+{r['extra_ms']:4.0f} ms; plain {r['plain_ms_per_batch']:.2f} ms/batch)  ratio {r['ratio']:4.2f} "
        f"(min {r['min_ratio']:4.2f}, cpu {r['cpu_ratio']:4.2f}, "
        f"spread {r['plain_spread']:.2f}/{r['lightning_spread']:.2f})"
        f"{floor}  peak RSS {r['plain_peak_rss_mb']:4.0f} / {r['lightning_peak_rss_mb']:4.0f} MB  "
        f"{metric.replace('test_', 'val_')} {val(r['plain_val'])} / {val(r['lightning_val'])}  [{r['verdict']}]",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
