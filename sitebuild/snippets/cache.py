"""The snippet cache: one JSON entry per (snippet, profile), valid only while nothing
that could change the snippet's output has changed.

An entry is fresh when all of these still match:

* the digest of the snippet file;
* the *environment*: profile, device kind, Python version, the versions of the
  packages that shape results (torch, Lightning, NumPy, ...) and the executor version;
* the digest of every ``kb`` file the snippet actually loaded (recorded from the
  kernel after the run), so editing ``kb/models/cnn.py`` re-runs exactly the
  snippets that imported it.

Checking freshness reads package metadata and hashes a few files; it imports
neither torch nor a Jupyter kernel, so a warm rebuild costs almost nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "EXECUTOR_VERSION",
    "PACKAGES_THAT_MATTER",
    "CacheEntry",
    "SnippetCache",
    "device_kind",
    "environment_key",
    "file_digest",
]

EXECUTOR_VERSION = "2"  # 2: figures in every language (sitebuild.snippets.figures)
PACKAGES_THAT_MATTER = (
    "torch",
    "pytorch-lightning",
    "numpy",
    "scikit-learn",
    "matplotlib",
    "sympy",
)

_digests: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str:
    """SHA-256 of a file, memoised on (path, mtime, size) within this process."""
    stat = path.stat()
    memo_key = (str(path), stat.st_mtime_ns, stat.st_size)
    digest = _digests.get(memo_key)
    if digest is None:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        _digests[memo_key] = digest
    return digest


def device_kind() -> str:
    """``cuda`` when an NVIDIA device is visible, else ``cpu`` (``$KB_DEVICE`` overrides).

    Decided without importing torch; the device a run really used is recorded in
    the entry's provenance.
    """
    forced = os.environ.get("KB_DEVICE", "").strip().lower()
    if forced:
        return forced
    if os.environ.get("CUDA_VISIBLE_DEVICES", None) == "":
        return "cpu"
    if Path("/proc/driver/nvidia/version").exists() or Path("/dev/nvidia0").exists():
        return "cuda"
    return "cpu"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def environment_key(profile: str) -> dict[str, Any]:
    """Everything outside the snippet and ``kb`` that can change a snippet's output."""
    return {
        "executor": EXECUTOR_VERSION,
        "profile": profile,
        "device": device_kind(),
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES_THAT_MATTER},
    }


@dataclass
class CacheEntry:
    """A snippet's executed cells plus what they depended on and how they were made."""

    snippet: str
    snippet_digest: str
    environment: dict[str, Any]
    dependencies: dict[str, str]  # project-relative path -> sha256
    cells: list[dict[str, Any]]
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CacheEntry:
        return cls(**json.loads(text))


class SnippetCache:
    """Entries live in ``<directory>/<profile>/<snippet path with / as __>.json``."""

    def __init__(self, directory: Path, project_root: Path) -> None:
        self.directory = Path(directory)
        self.project_root = Path(project_root)

    def path_for(self, snippet: str, profile: str) -> Path:
        return self.directory / profile / (snippet.replace("/", "__") + ".json")

    def load(self, snippet: str, profile: str) -> CacheEntry | None:
        path = self.path_for(snippet, profile)
        try:
            return CacheEntry.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return None

    def staleness(self, entry: CacheEntry | None, snippet_file: Path, environment: dict[str, Any]) -> str | None:
        """``None`` when ``entry`` is fresh, else the first reason it is not."""
        if entry is None:
            return "not executed yet"
        if entry.snippet_digest != file_digest(snippet_file):
            return "snippet changed"
        if entry.environment != environment:
            changed = sorted(
                k for k in set(entry.environment) | set(environment) if entry.environment.get(k) != environment.get(k)
            )
            return "environment changed: " + ", ".join(changed)
        for rel, digest in sorted(entry.dependencies.items()):
            path = self.project_root / rel
            if not path.is_file():
                return f"{rel} removed"
            if file_digest(path) != digest:
                return f"{rel} changed"
        return None

    def store(self, entry: CacheEntry) -> Path:
        """Write atomically, so an interrupted build never leaves a half entry."""
        path = self.path_for(entry.snippet, entry.environment["profile"])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(entry.to_json(), encoding="utf-8")
        os.replace(tmp, path)
        return path
