"""The runner: give it a snippet name, get back a fresh :class:`CacheEntry`,
executing the snippet only when its cache entry is missing or stale."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import os
import socket
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitebuild.snippets.cache import CacheEntry, SnippetCache, environment_key, file_digest
from sitebuild.snippets.errors import SnippetNotFound
from sitebuild.snippets.execute import execute_snippet

if TYPE_CHECKING:
    from sitebuild.config import RunSettings

__all__ = ["Runner"]

_DATA_SUFFIXES = {".txt", ".json", ".csv", ".npy", ".npz", ".yaml", ".idx", ".gz"}


def _kb_folder() -> Path:
    """The folder of the ``kb`` package, found without importing it."""
    spec = importlib.util.find_spec("kb")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the kb package is not installed: snippets import it")
    return Path(next(iter(spec.submodule_search_locations)))


class Runner:
    """Executes and caches the snippets under ``snippets_dir``."""

    def __init__(
        self,
        snippets_dir: Path,
        cache_dir: Path,
        project_root: Path,
        *,
        profile: str = "quick",
        cell_timeout: float = 300.0,
        force: bool = False,
        log: Callable[[str], None] | None = None,
        package_root: Path | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.snippets_dir = Path(snippets_dir)
        self.project_root = Path(project_root).resolve()
        # the kb package whose files snippets depend on (default: the one this interpreter imports)
        self.package_root = Path(package_root or _kb_folder()).resolve()
        self.extra_env = dict(extra_env or {})
        self.cache = SnippetCache(cache_dir, self.project_root)
        self.profile = profile
        self.cell_timeout = cell_timeout
        self.force = force
        self.log = log or (lambda message: None)
        self.environment = environment_key(profile)
        self.executed: list[str] = []
        self.reused: list[str] = []
        self._memo: dict[str, CacheEntry] = {}

    @classmethod
    def from_settings(cls, settings: RunSettings, **options: Any) -> Runner:
        """A runner for the ``kb-run`` settings of ``mkdocs.yml`` (:mod:`sitebuild.config`)."""
        return cls(
            settings.snippets_dir,
            settings.cache_dir,
            settings.root,
            profile=settings.profile,
            cell_timeout=settings.cell_timeout,
            **options,
        )

    def snippet_path(self, name: str, page: str = "?") -> Path:
        path = (self.snippets_dir / name).resolve()
        if not path.is_file() or self.snippets_dir.resolve() not in path.parents:
            raise SnippetNotFound(name, page)
        return path

    def status(self, name: str) -> str | None:
        """``None`` when the cached output of ``name`` is fresh, else why it is stale."""
        entry = self.cache.load(name, self.profile)
        return self.cache.staleness(entry, self.snippet_path(name), self.environment)

    def get(self, name: str, page: str = "?") -> CacheEntry:
        """A fresh entry for snippet ``name`` (relative to ``snippets_dir``)."""
        if name in self._memo:
            return self._memo[name]
        path = self.snippet_path(name, page)
        entry = None if self.force else self.cache.load(name, self.profile)
        reason = "forced" if self.force else self.cache.staleness(entry, path, self.environment)
        if reason is None:
            self.reused.append(name)
        else:
            self.log(f"kb-run: executing {name} ({reason})")
            entry = self._execute(name, path)
            self.cache.store(entry)
            self.executed.append(name)
        self._memo[name] = entry
        return entry

    def prepare(self, names: list[str], workers: int = 2) -> None:
        """Bring every snippet in ``names`` up to date, executing stale ones in parallel
        (each runs in its own kernel process). Raises the first snippet error."""
        from concurrent.futures import ThreadPoolExecutor

        pending = sorted({n for n in names if n not in self._memo})
        if workers <= 1 or len(pending) <= 1:
            for name in pending:
                self.get(name)
            return
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for future in [pool.submit(self.get, name) for name in pending]:
                future.result()

    def _dependencies(self, loaded: list[str]) -> dict[str, str]:
        files = {Path(f) for f in loaded}
        # Data files that sit beside a loaded module are read by it: depend on them too.
        for folder in {f.parent for f in files}:
            files.update(p for p in folder.iterdir() if p.is_file() and p.suffix in _DATA_SUFFIXES)
        deps = {}
        for f in sorted(files):
            try:
                rel = f.resolve().relative_to(self.project_root).as_posix()
            except ValueError:
                continue  # kb installed outside the project: versions cover it
            deps[rel] = file_digest(f)
        return deps

    def _execute(self, name: str, path: Path) -> CacheEntry:
        run = execute_snippet(
            path,
            name,
            profile=self.profile,
            package_root=self.package_root,
            cell_timeout=self.cell_timeout,
            extra_env=self.extra_env,
        )
        provenance = {
            "device": run.device,
            "device_name": run.device_name,
            "seconds": round(run.seconds, 2),
            "produced_at": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "host": os.environ.get("KB_RUN_HOST", socket.gethostname()),
            "ci": bool(os.environ.get("CI")),
        }
        return CacheEntry(
            snippet=name,
            snippet_digest=file_digest(path),
            environment=self.environment,
            dependencies=self._dependencies(run.loaded_files),
            cells=[asdict(cell) for cell in run.cells],
            provenance=provenance,
        )
