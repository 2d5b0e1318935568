"""Every in-memory data module: shapes, seeded splits, disjointness, bad arguments."""

import pytest
import torch

from kb.datasets.base import DatasetError, batch_loader, split_tensors
from kb.datasets.digits import DigitsDataModule
from kb.datasets.toy import ToyClassificationDataModule, make_toy_classification

MODULES = [  # (factory, input shape of one example, number of examples in train/val/test)
    (lambda: DigitsDataModule(batch_size=32), (1, 8, 8), (1294, 234, 269)),
    (lambda: DigitsDataModule(batch_size=32, flatten=True), (64,), (1294, 234, 269)),
    (lambda: ToyClassificationDataModule("blobs", n=100, batch_size=32), (2,), (60, 20, 20)),
    (lambda: ToyClassificationDataModule("moons", n=100, batch_size=32), (2,), (60, 20, 20)),
]


@pytest.mark.parametrize("make, shape, sizes", MODULES)
def test_splits_and_batches(make, shape, sizes):
    dm = make()
    dm.setup("fit")
    assert (len(dm.train_set), len(dm.val_set), len(dm.test_set)) == sizes
    x, y = next(iter(dm.train_dataloader()))
    assert tuple(x.shape[1:]) == shape and x.dtype == torch.float32 and y.dtype == torch.int64
    assert len(x) == 32
    total = sum(len(b[0]) for b in dm.val_dataloader())
    assert total == sizes[1]


@pytest.mark.parametrize("make, shape, sizes", MODULES)
def test_same_seed_same_split(make, shape, sizes):
    a, b = make(), make()
    a.setup("fit"), b.setup("fit")
    torch.testing.assert_close(a.test_set.tensors[0], b.test_set.tensors[0])


EVERY_MODULE = [  # (factory, shapes of one example's tensors)
    ("kb.datasets.synthetic:LinearDataModule", {}, [(1,), ()]),
    ("kb.datasets.sequences:RecallDataModule", {"n": 100, "length": 12}, [(12,), ()]),
    ("kb.datasets.sequences:ReversalDataModule", {"n": 100}, [(8,), (8,)]),
    ("kb.datasets.mixture:RingMixtureDataModule", {"n": 100}, [(2,)]),
    ("kb.datasets.corpus:CorpusDataModule", {"n": 100}, [(12,)]),
    ("kb.datasets.corpus:SentimentDataModule", {"n_train": 40, "n_test": 20}, [(12,), ()]),
]


@pytest.mark.parametrize("path, kwargs, shapes", EVERY_MODULE, ids=[m[0].split(":")[1] for m in EVERY_MODULE])
def test_every_loader_yields_batches_of_the_documented_shape(path, kwargs, shapes):
    from kb.registry import resolve

    dm = resolve(path)(**kwargs)
    dm.prepare_data()
    dm.setup("fit")
    loaders = [dm.train_dataloader(), dm.val_dataloader()]
    if hasattr(dm, "test_set"):
        loaders.append(dm.test_dataloader())
    for loader in loaders:
        batch = next(iter(loader))
        assert [tuple(t.shape[1:]) for t in batch] == shapes


def test_split_is_a_partition():
    idx = torch.arange(50)
    parts = split_tensors((idx,), (0.6, 0.2, 0.2), seed=3)
    assert sorted(torch.cat([p[0] for p in parts]).tolist()) == list(range(50))


def test_batch_loader_shuffles_each_epoch_reproducibly():
    ds = torch.utils.data.TensorDataset(torch.arange(10))
    loader = batch_loader(ds, 4, shuffle=True, seed=0)
    first, second = [b[0].tolist() for b in loader], [b[0].tolist() for b in loader]
    assert first != second and [len(b) for b in first] == [4, 4, 2]
    again = [b[0].tolist() for b in batch_loader(ds, 4, shuffle=True, seed=0)]
    assert again == first
    assert [b[0].tolist() for b in batch_loader(ds, None, shuffle=False)] == [list(range(10))]


BAD = [
    (lambda: split_tensors((torch.zeros(0),), (0.5, 0.5), 0), "empty dataset"),
    (lambda: split_tensors((torch.zeros(3), torch.zeros(4)), (0.5, 0.5), 0), "different lengths"),
    (lambda: split_tensors((torch.zeros(3),), (0.5, 0.6), 0), "sum to 1"),
    (lambda: make_toy_classification("spirals"), "unknown toy dataset 'spirals'"),
    (lambda: make_toy_classification("moons", n=1), "at least 2 points"),
    (lambda: ToyClassificationDataModule("circles"), "unknown toy dataset"),
]


@pytest.mark.parametrize("call, message", BAD)
def test_bad_arguments(call, message):
    with pytest.raises(DatasetError, match=message):
        call()
