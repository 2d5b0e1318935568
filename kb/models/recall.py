"""How far back can each recurrent cell remember? Test accuracy on the recall task
(:mod:`kb.datasets.sequences`: answer with the first token of the sequence) against the
sequence length, for the plain RNN, the LSTM and the GRU of :mod:`kb.models.rnn`.

Each point is one run per seed of ``epochs`` epochs (the quick profile's 10 by default,
as ``kb train rnn``); chance is ``1 / classes`` (0.25).
"""

from __future__ import annotations

from collections.abc import Sequence

from kb.datasets.sequences import RecallDataModule
from kb.models.rnn import LitRecurrent
from kb.profiles import epochs as profile_epochs
from kb.training import make_trainer, seed_everything

__all__ = ["recall_accuracy", "recall_by_length"]


def recall_accuracy(
    cell: str, length: int, epochs: int | None = None, n: int = 1000, seed: int = 0, quiet: bool = True
) -> float:
    """Test accuracy of ``cell`` trained on ``n`` sequences of ``length`` tokens."""
    seed_everything(seed)
    model, data = LitRecurrent(cell), RecallDataModule(n=n, length=length, seed=seed)
    trainer = make_trainer(epochs if epochs is not None else profile_epochs(quick=10, full=40), quiet=quiet)
    trainer.fit(model, datamodule=data)
    return float(trainer.test(model, datamodule=data, verbose=False)[0]["test_acc"])


def recall_by_length(
    cells: Sequence[str] = ("rnn", "lstm", "gru"),
    lengths: Sequence[int] = (5, 10, 20, 40),
    epochs: int | None = None,
    n: int = 1000,
    seeds: Sequence[int] = (0,),
) -> dict[str, list[list[float]]]:
    """``{cell: [[test accuracy of each seed] for each length]}``."""
    return {
        cell: [[recall_accuracy(cell, length, epochs, n, seed) for seed in seeds] for length in lengths]
        for cell in cells
    }
