"""Multi-process training through a Lightning strategy, unchanged code: DDP, 2 CPU processes."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.slow

SCRIPT = textwrap.dedent(
    """
    import json
    import pytorch_lightning as pl
    from kb.datasets.toy import ToyClassificationDataModule
    from kb.models.logistic_regression import LitLogisticRegression
    from kb.training import make_trainer, seed_everything

    class Count(pl.Callback):
        seen = 0
        def on_train_batch_end(self, trainer, module, outputs, batch, batch_idx):
            Count.seen += len(batch[0])

    seed_everything(0)
    model, data = LitLogisticRegression(), ToyClassificationDataModule(n=200, batch_size=20)
    trainer = make_trainer(2, quiet=True, accelerator="cpu", strategy="ddp", devices=2, callbacks=[Count()])
    trainer.fit(model, datamodule=data)
    with open(f"result_{trainer.global_rank}.json", "w") as f:  # one file per process: no interleaved output
        json.dump({"rank": trainer.global_rank, "world": trainer.world_size, "seen": Count.seen,
                   "weight": model.model.linear.weight.flatten().tolist()}, f)
    """
)


def _env():
    return {**os.environ, "OMP_NUM_THREADS": "1", "KB_QUIET": "1"}


def test_ddp_two_processes_split_the_data_and_agree(tmp_path):
    script = tmp_path / "ddp_train.py"
    script.write_text(SCRIPT)
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=240, env=_env(), cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = [json.loads((tmp_path / f"result_{rank}.json").read_text()) for rank in (0, 1)]
    assert sorted(r["rank"] for r in results) == [0, 1] and all(r["world"] == 2 for r in results)
    # 120 training points, 2 epochs: each process sees its half of the batches
    assert [r["seen"] for r in results] == [120, 120]
    assert results[0]["weight"] == pytest.approx(results[1]["weight"], abs=1e-6)  # gradients were all-reduced


def test_kb_train_with_ddp_strategy_from_the_command_line():
    cmd = [
        sys.executable,
        "-m",
        "kb.train_cli",
        "train",
        "mlp",
        "--json",
        "--epochs",
        "2",
        "--trainer.strategy=ddp",
        "--trainer.devices=2",
        "--trainer.accelerator=cpu",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240, env=_env())
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)  # printed once, by rank 0
    assert result["world_size"] == 2 and result["epochs"] == 2 and 0 < result["value"] <= 1
