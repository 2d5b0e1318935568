"""Every in-memory data module: shapes, seeded splits, disjointness, bad arguments."""

from itertools import chain

import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from kb.datasets.base import DatasetError, split_tensors, tensor_loader
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


def _epochs(loader, n):
    return [[b[0].tolist() for b in loader] for _ in range(n)]


def test_tensor_loader_shuffles_each_epoch_reproducibly():
    ds = TensorDataset(torch.arange(10), torch.arange(10) * 10)
    loader = tensor_loader(ds, 4, shuffle=True, seed=0)
    epochs = _epochs(loader, 3)
    assert [len(b) for b in epochs[0]] == [4, 4, 2]
    assert all(sorted(chain.from_iterable(e)) == list(range(10)) for e in epochs)  # every row once per epoch
    assert epochs[0] != epochs[1] != epochs[2]
    assert _epochs(tensor_loader(ds, 4, shuffle=True, seed=0), 3) == epochs
    assert _epochs(tensor_loader(ds, 4, shuffle=True, seed=1), 3) != epochs
    assert all(bool((b[1] == b[0] * 10).all()) for b in loader)  # rows stay aligned across tensors


BATCHES = [  # (rows, batch_size, shuffle, batch lengths)
    (10, None, False, [10]),
    (10, 3, False, [3, 3, 3, 1]),
    (10, 10, True, [10]),
    (10, 64, True, [10]),
]


@pytest.mark.parametrize("rows, batch_size, shuffle, lengths", BATCHES)
def test_tensor_loader_is_a_plain_dataloader(rows, batch_size, shuffle, lengths):
    loader = tensor_loader(TensorDataset(torch.arange(rows)), batch_size, shuffle)
    assert type(loader) is DataLoader and loader.num_workers == 0
    assert len(loader) == len(lengths) and [len(b[0]) for b in loader] == lengths
    if not shuffle:
        assert list(chain.from_iterable(b[0].tolist() for b in loader)) == list(range(rows))


def test_every_data_module_serves_dataloaders_of_tensor_datasets():
    dm = ToyClassificationDataModule("blobs", n=100, batch_size=32)
    dm.setup("fit")
    for loader in (dm.train_dataloader(), dm.val_dataloader(), dm.test_dataloader()):
        assert type(loader) is DataLoader and isinstance(loader.dataset, TensorDataset)


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


# (data module, train_size): a small training set, the held-out sets unchanged
SMALL = [
    (lambda **kw: DigitsDataModule(flatten=True, **kw), 1),
    (lambda **kw: DigitsDataModule(flatten=True, **kw), 1294),
    (lambda **kw: ToyClassificationDataModule("moons", noise=0.3, **kw), 40),
]


@pytest.mark.parametrize("make, train_size", SMALL)
def test_train_size_keeps_the_first_training_examples(make, train_size):
    full, small = make(), make(train_size=train_size)
    full.setup(), small.setup()
    assert len(small.train_set) == train_size
    assert torch.equal(small.train_set.tensors[0], full.train_set.tensors[0][:train_size])
    assert torch.equal(small.val_set.tensors[0], full.val_set.tensors[0])
    assert torch.equal(small.test_set.tensors[0], full.test_set.tensors[0])


@pytest.mark.parametrize("train_size", [0, 1295])
def test_bad_train_size(train_size):
    with pytest.raises(DatasetError, match=r"train_size must be in 1\.\.1294"):
        DigitsDataModule(train_size=train_size).setup()
