# %% [markdown]
# `trainer.fit` against the same loop written out (`kb.training.plain_fit`): same
# seed, data, steps and epochs. Both run on the CPU with one thread, so that the
# weights can be compared exactly and the times are not at the mercy of thread
# scheduling. Times are medians of three runs on the machine that built this page.

# %%
import statistics
import time

import torch

from kb import make_trainer, plain_fit, seed_everything
from kb.datasets.digits import DigitsDataModule
from kb.datasets.synthetic import LinearDataModule
from kb.models.cnn import LitCNN
from kb.models.linear_regression import LitLinearRegression

torch.set_num_threads(1)


def run(loop, make_model, make_data, epochs):
    """Train a fresh, seeded model; return its weights, optimizer steps and seconds."""
    seed_everything(0)
    model, data = make_model(), make_data()
    start = time.perf_counter()
    if loop == "lightning":
        make_trainer(epochs, quiet=True, accelerator="cpu", num_sanity_val_steps=0).fit(model, datamodule=data)
    else:
        plain_fit(model, data, epochs)
    seconds = time.perf_counter() - start
    weights = torch.cat([p.detach().flatten() for p in model.parameters()])
    return weights, epochs * len(data.train_dataloader()), seconds


cases = {
    "linear regression, 100 epochs of one full batch": (LitLinearRegression, LinearDataModule, 100),
    "digits CNN, 3 epochs of mini-batches of 64": (LitCNN, lambda: DigitsDataModule(batch_size=64), 3),
}
gaps = {}
for title, (make_model, make_data, epochs) in cases.items():
    times = {"plain": [], "lightning": []}
    for _ in range(3):
        weights = {}
        for loop in times:
            weights[loop], steps, seconds = run(loop, make_model, make_data, epochs)
            times[loop].append(seconds)
    gap = gaps[title] = (weights["lightning"] - weights["plain"]).abs().max().item()
    plain, lightning = (statistics.median(times[loop]) * 1000 for loop in ("plain", "lightning"))
    print(f"{title} ({steps} optimizer steps):")
    print(f"  largest weight difference, Lightning vs plain loop: {gap:.1e}")
    print(f"  plain loop {plain:6.1f} ms, {plain / steps:.2f} ms per step")
    print(
        f"  Lightning  {lightning:6.1f} ms, {lightning / steps:.2f} ms per step "
        f"(ratio {lightning / plain:.2f}, {(lightning - plain) / steps:.2f} ms more per step)"
    )

# %% tags=["hide-input"]
assert all(g < 1e-5 for g in gaps.values()), gaps  # both loops trained the same weights
