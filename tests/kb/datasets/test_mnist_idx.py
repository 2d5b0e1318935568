"""The IDX reader and the MNIST data module, on small generated IDX files."""

import contextlib
import gzip

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from kb.datasets.mnist import (
    MNIST_FILES,
    DatasetNotFoundError,
    IDXFormatError,
    MNISTDataModule,
    find_mnist_files,
    read_idx,
    write_idx,
)

ARRAYS = [  # (name, array)
    ("ubyte images", np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)),
    ("ubyte labels", np.array([3, 1, 4], dtype=np.uint8)),
    ("int8", np.array([-1, 2], dtype=np.int8)),
    ("int16", np.array([[-300, 2]], dtype=np.int16)),
    ("int32", np.array([1 << 20, -5], dtype=np.int32)),
    ("float32", np.array([0.5, -1.25], dtype=np.float32)),
    ("float64", np.array([[1e-300]], dtype=np.float64)),
]


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("name, array", ARRAYS, ids=[a[0] for a in ARRAYS])
def test_round_trip(tmp_path, name, array, compress):
    path = tmp_path / "f-idx"
    write_idx(path, array, compress=compress)
    back = read_idx(path)
    assert back.dtype == array.dtype.newbyteorder("=") and back.shape == array.shape
    np.testing.assert_array_equal(back, array)


def test_known_bytes(tmp_path):
    """Hand-written header: magic 0x00000801 (ubyte, 1 dim), 3 items."""
    path = tmp_path / "labels-idx1-ubyte"
    path.write_bytes(bytes([0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9]))
    assert read_idx(path).tolist() == [7, 0, 9]


CORRUPT = [  # (bytes, message fragment)
    (b"", "too short"),
    (bytes([1, 0, 8, 1, 0, 0, 0, 1, 5]), "bad magic number"),
    (bytes([0, 0, 0x42, 1, 0, 0, 0, 1, 5]), "bad magic number"),
    (bytes([0, 0, 8, 3, 0, 0]), "header declares 3 dimensions"),
    (bytes([0, 0, 8, 0]), "header declares 0 dimensions"),
    (bytes([0, 0, 8, 1, 0, 0, 0, 4, 1, 2]), r"shape \(4,\) needs 12 bytes, file has 10"),
    (bytes([0, 0, 8, 1, 0, 0, 0, 1, 1, 2]), "truncated or corrupt"),
    (b"\x1f\x8b" + b"not really gzip", "corrupt gzip"),
]


@pytest.mark.parametrize("raw, message", CORRUPT)
def test_corrupt_files_are_named_and_explained(tmp_path, raw, message):
    path = tmp_path / "bad-idx"
    path.write_bytes(raw)
    with pytest.raises(IDXFormatError, match=message) as info:
        read_idx(path)
    assert str(path) in str(info.value)


def _fake_mnist(root, n_train=60, n_test=20, size=28, compress=False):
    rng = np.random.default_rng(0)
    for split, n in (("train", n_train), ("test", n_test)):
        labels = (np.arange(n) % 10).astype(np.uint8)
        images = (rng.random((n, size, size)) * 50).astype(np.uint8)
        images[np.arange(n), labels, labels] = 255  # a learnable marker
        write_idx(root / (MNIST_FILES[f"{split}_images"] + (".gz" if compress else "")), images, compress)
        write_idx(root / (MNIST_FILES[f"{split}_labels"] + (".gz" if compress else "")), labels, compress)


@pytest.mark.parametrize("compress", [False, True])
def test_data_module_reads_generated_mnist(tmp_path, compress):
    _fake_mnist(tmp_path, compress=compress)
    dm = MNISTDataModule(root=str(tmp_path), batch_size=16, val_size=10)
    dm.prepare_data()
    dm.setup("fit")
    assert (len(dm.train_set), len(dm.val_set), len(dm.test_set)) == (50, 10, 20)
    x, y = next(iter(dm.train_dataloader()))
    assert tuple(x.shape) == (16, 1, 28, 28) and float(x.min()) >= 0 and float(x.max()) <= 1
    assert y.dtype.is_floating_point is False


def test_data_module_uses_env_var(tmp_path, monkeypatch):
    _fake_mnist(tmp_path)
    monkeypatch.setenv("KB_MNIST_DIR", str(tmp_path))
    assert MNISTDataModule().hparams.root == str(tmp_path)


MISSING = [  # (how to build root, message)
    (lambda tmp: None, "no MNIST folder given: pass root=... or set KB_MNIST_DIR"),
    (lambda tmp: "", "no MNIST folder given"),
    (lambda tmp: tmp / "nope", "MNIST folder does not exist: "),
    (lambda tmp: tmp, "is missing: train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images"),
]


@pytest.mark.parametrize("root, message", MISSING, ids=["none", "empty-string", "no-such-dir", "empty-dir"])
def test_missing_dataset_is_a_clear_error(tmp_path, monkeypatch, root, message):
    monkeypatch.delenv("KB_MNIST_DIR", raising=False)
    with pytest.raises(DatasetNotFoundError, match=message):
        MNISTDataModule(root=root(tmp_path)).prepare_data()


def test_mismatched_images_and_labels(tmp_path):
    _fake_mnist(tmp_path)
    write_idx(tmp_path / MNIST_FILES["train_labels"], np.zeros(3, dtype=np.uint8))
    with pytest.raises(IDXFormatError, match=r"expected images \(N, H, W\) and labels \(N,\)"):
        MNISTDataModule(root=str(tmp_path)).setup("fit")


def test_cnn_trains_on_generated_mnist(tmp_path):
    from kb.models.cnn import LitCNN
    from kb.training import make_trainer, seed_everything

    _fake_mnist(tmp_path)
    seed_everything(0)
    trainer = make_trainer(1, quiet=True, fast_dev_run=2)
    trainer.fit(LitCNN(), datamodule=MNISTDataModule(root=str(tmp_path), batch_size=8, val_size=10))


def test_find_accepts_gz_and_dot_names(tmp_path):
    _fake_mnist(tmp_path, compress=True)
    files = find_mnist_files(tmp_path)
    assert files["test_labels"].name == "t10k-labels-idx1-ubyte.gz"
    assert gzip.decompress(files["test_labels"].read_bytes())[:4] == bytes([0, 0, 8, 1])


def test_full_profile_trains_the_cnn_on_mnist_when_present(tmp_path, monkeypatch, capsys):
    import json

    from kb.train_cli import main

    _fake_mnist(tmp_path, n_train=5100, n_test=20, compress=True)
    monkeypatch.setenv("KB_MNIST_DIR", str(tmp_path))
    assert main(["train", "cnn", "--profile", "full", "--json", "--trainer.fast_dev_run=1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["profile"] == "full" and "test_acc" in result["metrics"]


_DTYPES = st.sampled_from([np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(_DTYPES, hnp.array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=5)), st.booleans())
def test_round_trip_any_array(tmp_path_factory, array, compress):
    path = tmp_path_factory.mktemp("idx") / "a-idx"
    write_idx(path, array, compress=compress)
    np.testing.assert_array_equal(read_idx(path), array)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=64))
def test_random_bytes_never_crash_the_reader(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("idx") / "junk-idx"
    path.write_bytes(raw)
    with contextlib.suppress(IDXFormatError):  # the only error allowed
        read_idx(path)
