"""MNIST from IDX files on a local disk, read with numpy (nothing is downloaded).

The IDX format (LeCun et al.) is a 4-byte magic number — two zero bytes, a type
code, the number of dimensions — then one big-endian ``uint32`` per dimension, then
the values in C order. :func:`read_idx` checks every part and raises
:class:`IDXFormatError` naming the file and the problem; :func:`write_idx` writes the
format (the tests generate small files with it). Files may be gzip-compressed.

Point :class:`MNISTDataModule` at a folder with the four standard files (or set
``KB_MNIST_DIR``); the ``full`` profile uses it for the CNN when that variable is set.

>>> import numpy as np, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "x-idx3-ubyte")
>>> write_idx(path, np.zeros((2, 3, 3), dtype=np.uint8))
>>> read_idx(path).shape
(2, 3, 3)
"""

from __future__ import annotations

import gzip
import math
import os
from pathlib import Path

import numpy as np

from kb.datasets.base import DatasetError

__all__ = [
    "IDXFormatError",
    "DatasetNotFoundError",
    "read_idx",
    "write_idx",
    "find_mnist_files",
    "MNIST_FILES",
    "MNISTDataModule",
]

# type code -> big-endian numpy dtype
_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
_CODES = {np.dtype(v).newbyteorder("="): k for k, v in _DTYPES.items()}

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


class IDXFormatError(DatasetError):
    """A file is not a valid IDX file."""


class DatasetNotFoundError(DatasetError, FileNotFoundError):
    """A dataset folder or file does not exist."""


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an IDX file (optionally gzipped) into a numpy array of its declared shape and type."""
    path = Path(path)
    if not path.is_file():
        raise DatasetNotFoundError(f"IDX file not found: {path}")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise IDXFormatError(f"{path}: corrupt gzip data ({exc})") from None
    if len(raw) < 4:
        raise IDXFormatError(f"{path}: too short for an IDX header ({len(raw)} bytes)")
    zero, code, ndim = raw[:2], raw[2], raw[3]
    if zero != b"\x00\x00" or code not in _DTYPES:
        raise IDXFormatError(f"{path}: bad magic number {raw[:4].hex()} (expected 0000 + type code + dimensions)")
    header = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header:
        raise IDXFormatError(f"{path}: header declares {ndim} dimensions but the file has {len(raw)} bytes")
    shape = tuple(int(d) for d in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    dtype = np.dtype(_DTYPES[code])
    expected = header + math.prod(shape) * dtype.itemsize  # exact: no int64 overflow
    if len(raw) != expected:
        raise IDXFormatError(
            f"{path}: shape {shape} needs {expected} bytes, file has {len(raw)} (truncated or corrupt)"
        )
    return np.frombuffer(raw, dtype=dtype, offset=header).reshape(shape).astype(dtype.newbyteorder("="))


def write_idx(path: str | os.PathLike[str], array: np.ndarray, compress: bool = False) -> None:
    """Write ``array`` as an IDX file (gzip-compressed when ``compress``)."""
    dtype = array.dtype.newbyteorder("=")
    if dtype not in _CODES:
        raise IDXFormatError(f"IDX cannot store dtype {array.dtype}")
    header = bytes([0, 0, _CODES[dtype], array.ndim]) + np.asarray(array.shape, dtype=">u4").tobytes()
    data = header + np.ascontiguousarray(array, dtype=_DTYPES[_CODES[dtype]]).tobytes()
    Path(path).write_bytes(gzip.compress(data) if compress else data)


def find_mnist_files(root: str | os.PathLike[str] | None) -> dict[str, Path]:
    """Locate the four MNIST files (plain or ``.gz``) under ``root`` or raise a clear error."""
    if root is None or str(root).strip() == "":
        raise DatasetNotFoundError("no MNIST folder given: pass root=... or set KB_MNIST_DIR")
    root = Path(root)
    if not root.is_dir():
        raise DatasetNotFoundError(f"MNIST folder does not exist: {root}")
    found, missing = {}, []
    for key, name in MNIST_FILES.items():
        candidates = [root / name, root / f"{name}.gz", root / name.replace("-idx", ".idx")]
        hit = next((c for c in candidates if c.is_file()), None)
        if hit is None:
            missing.append(name)
        else:
            found[key] = hit
    if missing:
        raise DatasetNotFoundError(f"MNIST folder {root} is missing: {', '.join(missing)} (optionally .gz)")
    return found


def _load(files: dict[str, Path], split: str):
    import torch

    images, labels = read_idx(files[f"{split}_images"]), read_idx(files[f"{split}_labels"])
    if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
        raise IDXFormatError(
            f"{files[f'{split}_images']}: expected images (N, H, W) and labels (N,), "
            f"got {images.shape} and {labels.shape}"
        )
    if len(images) == 0:
        raise IDXFormatError(f"{files[f'{split}_images']}: no images")
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    return x, torch.from_numpy(labels.astype(np.int64))


from kb.datasets.base import TensorDataModule  # noqa: E402  (needs torch; keep read_idx importable without it)


class MNISTDataModule(TensorDataModule):
    """MNIST (or any IDX images + labels in the same layout) from ``root``.

    The official test files are the test split; ``val_size`` images of the training
    files (seeded) are held out for validation.
    """

    def __init__(self, root: str | None = None, batch_size: int = 128, val_size: int = 5000, seed: int = 0) -> None:
        super().__init__()
        root = root if root is not None else os.environ.get("KB_MNIST_DIR")
        self.save_hyperparameters({"root": root, "batch_size": batch_size, "val_size": val_size, "seed": seed})

    def prepare_data(self) -> None:
        find_mnist_files(self.hparams.root)  # fail early, with the path in the message

    def setup(self, stage: str | None = None) -> None:
        from torch.utils.data import TensorDataset

        from kb.datasets.base import split_tensors

        files = find_mnist_files(self.hparams.root)
        x, y = _load(files, "train")
        n_val = min(self.hparams.val_size, len(x) - 1)
        val, train = split_tensors((x, y), (n_val / len(x), 1 - n_val / len(x)), self.hparams.seed)
        self.train_set, self.val_set = TensorDataset(*train), TensorDataset(*val)
        self.test_set = TensorDataset(*_load(files, "test"))
