"""Pre-train, then fine-tune — in miniature, and compared with training from scratch.

:func:`run_pretraining` (1) pre-trains :class:`~kb.models.bert.LitMaskedLM` on
the generated corpus, (2) fine-tunes a classifier starting from those weights, and
(3) trains the same classifier from random weights, with the same seed, data and
epochs. Both are tested on sentences whose opinion words never occur in the
labelled training data (:class:`~kb.datasets.corpus.SentimentDataModule`): only the
pre-trained model has met them, in the unlabelled corpus. It also records per-epoch
curves, including the accuracy on a separate *monitoring* set of unseen-word sentences
(drawn with another seed than the test sentences), so that the curves never look at
the test set. :func:`compare_pretraining` returns just the final numbers.

The quick profile's numbers are printed by the docs snippet
``docs/snippets/practice/mini_bert.py`` (the kb tests check their thresholds).

The same from the command line::

    kb train bert_mlm --model.save_encoder=encoder.pt
    kb train bert_classifier --model.encoder=encoder.pt   # vs. without --model.encoder
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import torch

from kb.datasets.corpus import CorpusDataModule, SentimentDataModule, Vocab, make_labelled
from kb.models.bert import LitBertClassifier, LitMaskedLM
from kb.profiles import epochs as profile_epochs
from kb.training import AccuracyHistory, LossHistory, make_trainer, seed_everything

__all__ = ["PretrainingRun", "run_pretraining", "compare_pretraining"]


@dataclass
class PretrainingRun:
    """What :func:`run_pretraining` measured.

    ``metrics``: ``mlm_acc`` (validation, masked positions), ``pretrained_acc`` and
    ``scratch_acc`` (test, unseen opinion words; chance is 0.5). ``curves`` (one value per
    epoch): ``mlm_val_loss``, ``mlm_val_acc``; for ``pretrained`` and ``scratch``,
    ``{name}_train_loss``, ``{name}_val_acc`` (seen words) and ``{name}_unseen_acc`` (the
    monitoring set of unseen-word sentences).
    """

    metrics: dict[str, float] = field(default_factory=dict)
    curves: dict[str, list[float]] = field(default_factory=dict)


def _unseen_monitor(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    vocab = Vocab.build()
    sentences, labels = make_labelled(n, "unseen", seed)
    return torch.tensor([vocab.encode(s) for s in sentences]), torch.tensor(labels)


def run_pretraining(
    pretrain_epochs: int | None = None,
    finetune_epochs: int | None = None,
    seed: int = 0,
    quiet: bool = True,
    monitor: int = 200,
) -> PretrainingRun:
    """Run the experiment (see the module docstring); ``monitor`` is the size of the monitoring set."""
    pretrain_epochs = pretrain_epochs if pretrain_epochs is not None else profile_epochs(quick=25, full=80)
    finetune_epochs = finetune_epochs if finetune_epochs is not None else profile_epochs(quick=15, full=40)
    run = PretrainingRun()
    x_monitor, y_monitor = _unseen_monitor(monitor, seed + 2)  # the test sentences use seed + 1
    with tempfile.TemporaryDirectory() as tmp:
        weights = str(Path(tmp) / "encoder.pt")
        seed_everything(seed)
        mlm, history = LitMaskedLM(save_encoder=weights), LossHistory(metrics=("loss", "acc"))
        trainer = make_trainer(pretrain_epochs, quiet=quiet, callbacks=[history])
        trainer.fit(mlm, datamodule=CorpusDataModule(seed=seed))
        run.metrics["mlm_acc"] = float(trainer.callback_metrics["val_acc"])
        run.curves["mlm_val_loss"], run.curves["mlm_val_acc"] = history.history["val_loss"], history.history["val_acc"]
        for name, encoder in (("pretrained", weights), ("scratch", None)):
            seed_everything(seed)
            model = LitBertClassifier(encoder=encoder)
            history, unseen = LossHistory(metrics=("loss", "acc")), AccuracyHistory(x_monitor, y_monitor)
            trainer = make_trainer(finetune_epochs, quiet=quiet, callbacks=[history, unseen])
            data = SentimentDataModule(seed=seed)
            trainer.fit(model, datamodule=data)
            run.metrics[f"{name}_acc"] = float(trainer.test(model, datamodule=data, verbose=False)[0]["test_acc"])
            run.curves[f"{name}_train_loss"] = history.history["train_loss"]
            run.curves[f"{name}_val_acc"] = history.history["val_acc"]
            run.curves[f"{name}_unseen_acc"] = unseen.history
    return run


def compare_pretraining(
    pretrain_epochs: int | None = None, finetune_epochs: int | None = None, seed: int = 0, quiet: bool = True
) -> dict[str, float]:
    """Run the experiment; returns masked-token accuracy and both test accuracies.

    Keys: ``mlm_acc`` (validation, masked positions), ``pretrained_acc`` and
    ``scratch_acc`` (test, unseen opinion words; chance is 0.5).
    """
    return run_pretraining(pretrain_epochs, finetune_epochs, seed, quiet).metrics
