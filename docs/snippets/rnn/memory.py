# %% [markdown]
# Test accuracy on the recall task (answer with the first token) against the sequence
# length, for the plain RNN, the LSTM and the GRU, each trained for the quick profile's
# epochs on 1,000 sequences with two seeds (kb.models.recall; circles: each seed, line:
# their mean). Chance is 1/4.

# %%
import torch

from kb.models.recall import recall_by_length
from kb.plotting import assert_readable, subplots

torch.set_num_threads(1)
lengths, seeds = [10, 20, 40, 60], (0, 1)
accuracy = recall_by_length(("rnn", "lstm", "gru"), lengths, n=1000, seeds=seeds)
print("length T         :", "  ".join(f"{T:>9}" for T in lengths))
for cell, runs in accuracy.items():
    print(f"{cell:<5} test_acc   :", "  ".join(" / ".join(f"{v:.2f}" for v in seed_runs) for seed_runs in runs))

fig, ax = subplots(height=3.0)
for k, (cell, runs) in enumerate(accuracy.items()):
    mean = [sum(r) / len(r) for r in runs]
    (line,) = ax.plot(lengths, mean, marker="o", label=cell.upper() if cell != "rnn" else "RNN")
    for T, r in zip(lengths, runs, strict=False):
        ax.plot(
            [T + (k - 1) * 1.2] * len(r),
            r,
            linestyle="none",
            marker="o",
            markersize=6,
            markerfacecolor="none",
            color=line.get_color(),
            alpha=0.8,
        )
ax.axhline(0.25, color="0.5", linestyle=":", linewidth=1.5, label="1/4")
ax.set(xlabel="$T$", ylabel="test_acc", ylim=(0, 1.05))
legend = ax.legend(loc="center left")

# %% tags=["hide-input"]
assert min(accuracy["rnn"][0]) > 0.95 and max(accuracy["rnn"][-2] + accuracy["rnn"][-1]) < 0.6  # the RNN forgets
assert all(min(r) > 0.9 for cell in ("lstm", "gru") for r in accuracy[cell][:2])  # both remember 20 steps
assert min(accuracy["lstm"][2] + accuracy["gru"][2]) > 0.5 > max(accuracy["rnn"][2])  # at 40: far above chance
assert_readable(fig)
