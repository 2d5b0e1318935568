"""Data modules. Every dataset ships in a package, ships in the repository, or is generated.

Names load on first use (PEP 562); ``kb.datasets.mnist.read_idx`` needs only numpy.
"""

from __future__ import annotations

from kb._lazy import lazy_exports

_EXPORTS: dict[str, str] = {
    "DatasetError": "kb.datasets.errors",
    "TensorDataModule": "kb.datasets.base",
    "split_tensors": "kb.datasets.base",
    "tensor_loader": "kb.datasets.base",
    "LinearDataModule": "kb.datasets.synthetic",
    "make_linear_data": "kb.datasets.synthetic",
    "ToyClassificationDataModule": "kb.datasets.toy",
    "make_toy_classification": "kb.datasets.toy",
    "DigitsDataModule": "kb.datasets.digits",
    "load_digits_tensors": "kb.datasets.digits",
    "MNISTDataModule": "kb.datasets.mnist",
    "read_idx": "kb.datasets.mnist",
    "write_idx": "kb.datasets.mnist",
    "IDXFormatError": "kb.datasets.mnist",
    "DatasetNotFoundError": "kb.datasets.mnist",
    "RecallDataModule": "kb.datasets.sequences",
    "make_recall_data": "kb.datasets.sequences",
    "ReversalDataModule": "kb.datasets.sequences",
    "make_reversal_data": "kb.datasets.sequences",
    "RingMixtureDataModule": "kb.datasets.mixture",
    "make_ring_mixture": "kb.datasets.mixture",
    "mode_statistics": "kb.datasets.mixture",
    "Vocab": "kb.datasets.corpus",
    "make_corpus": "kb.datasets.corpus",
    "make_labelled": "kb.datasets.corpus",
    "CorpusDataModule": "kb.datasets.corpus",
    "SentimentDataModule": "kb.datasets.corpus",
    "make_progressions": "kb.datasets.progressions",
    "next_token_pairs": "kb.datasets.progressions",
    "ProgressionsDataModule": "kb.datasets.progressions",
    "jitter": "kb.datasets.augment",
}

__all__ = list(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
