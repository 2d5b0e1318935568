"""Every in-memory data module: shapes, seeded splits, disjointness, bad arguments."""

from types import SimpleNamespace

import pytest
import torch
from torch.utils.data import DataLoader

from kb.datasets.base import DatasetError, TensorBatches, batch_loader, split_tensors, tensor_loader
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


def _epochs(loader, n):
    return [[b[0].tolist() for b in loader] for _ in range(n)]


def test_tensor_batches_shuffle_each_epoch_reproducibly():
    x = torch.arange(10)
    loader = TensorBatches((x, x * 10), batch_size=4, shuffle=True, seed=0)
    epochs = _epochs(loader, 3)
    assert len(loader) == 3 and [len(b) for b in epochs[0]] == [4, 4, 2]
    assert all(sorted(sum(e, [])) == list(range(10)) for e in epochs)  # every row once per epoch
    assert epochs[0] != epochs[1] != epochs[2]
    assert _epochs(TensorBatches((x, x * 10), batch_size=4, shuffle=True, seed=0), 3) == epochs
    assert all(bool((b[1] == b[0] * 10).all()) for b in loader)  # rows stay aligned across tensors


def test_tensor_batches_draw_one_permutation_per_epoch():
    x = torch.arange(10)
    epochs = _epochs(TensorBatches((x,), batch_size=4, shuffle=True, seed=0), 3)
    g = torch.Generator().manual_seed(0)
    assert epochs == [[p[i : i + 4].tolist() for i in (0, 4, 8)] for p in (torch.randperm(10, generator=g) for _ in range(3))]


@pytest.mark.parametrize("rows", [12, 10])  # last batch full / partial
def test_tensor_batches_epochs_do_not_depend_on_how_the_consumer_stops(rows):
    # Lightning stops after len() batches, a for loop at StopIteration
    def stop_at_len(loader):
        out = []
        for _ in range(3):
            it = iter(loader)
            out.append([next(it)[0].tolist() for _ in range(len(loader))])
        return out

    x = torch.arange(rows)
    assert stop_at_len(TensorBatches((x,), 4, shuffle=True)) == _epochs(TensorBatches((x,), 4, shuffle=True), 3)


def test_tensor_batches_draw_the_permutation_at_the_first_batch():
    # Lightning calls iter() once on a loader that is not a DataLoader, to check it is
    # iterable; that must not advance the shuffle, or Lightning and a plain loop would
    # see different epochs
    x = torch.arange(10)
    checked = TensorBatches((x,), batch_size=4, shuffle=True, seed=0)
    iter(checked)
    assert _epochs(checked, 2) == _epochs(TensorBatches((x,), batch_size=4, shuffle=True, seed=0), 2)


BATCHES = [  # (rows, batch_size, shuffle, batch lengths)
    (10, None, False, [10]),
    (10, 3, False, [3, 3, 3, 1]),
    (10, 10, True, [10]),
    (10, 64, True, [10]),
    (0, 4, False, []),
]


@pytest.mark.parametrize("rows, batch_size, shuffle, lengths", BATCHES)
def test_tensor_batches_sizes(rows, batch_size, shuffle, lengths):
    loader = TensorBatches((torch.arange(rows),), batch_size, shuffle)
    assert len(loader) == len(lengths) and [len(b[0]) for b in loader] == lengths
    if not shuffle:
        assert sum((b[0].tolist() for b in loader), []) == list(range(rows))


def test_tensor_batches_need_tensors_of_one_length():
    with pytest.raises(DatasetError, match="one length"):
        TensorBatches((torch.zeros(3), torch.zeros(4)), 2)


TRAINERS = [  # (trainer the data module is attached to, loader type)
    (None, TensorBatches),  # a plain loop
    (SimpleNamespace(world_size=1, overfit_batches=0), TensorBatches),
    (SimpleNamespace(world_size=2, overfit_batches=0), DataLoader),  # Lightning shards a DataLoader
    (SimpleNamespace(world_size=1, overfit_batches=2), DataLoader),  # and makes it sequential
]


@pytest.mark.parametrize("trainer, kind", TRAINERS, ids=["none", "single", "ddp", "overfit"])
def test_loader_kind_follows_the_trainer(trainer, kind):
    ds = torch.utils.data.TensorDataset(torch.arange(10))
    assert isinstance(tensor_loader(ds, 4, True, trainer=trainer), kind)
    dm = ToyClassificationDataModule("blobs", n=100, batch_size=32)
    dm.setup("fit")
    dm.trainer = trainer
    assert all(isinstance(dl, kind) for dl in (dm.train_dataloader(), dm.val_dataloader(), dm.test_dataloader()))


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
