"""The runner: give it a snippet name, get back a fresh :class:`CacheEntry`,
executing the snippet only when its cache entry is missing or stale.

Stale snippets run in children of pre-imported parents (:mod:`~sitebuild.snippets.forked`),
one parent per worker, started on the first execution and closed by :meth:`Runner.close`;
where ``os.fork`` is missing (or ``$KB_RUN_FORK=0``) each runs in a fresh Jupyter kernel.
:meth:`Runner.prepare` starts the longest snippets first (the durations the cache recorded),
so the workers finish together."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import math
import os
import queue
import socket
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitebuild.snippets.cache import CacheEntry, SnippetCache, environment_key, file_digest
from sitebuild.snippets.errors import SnippetNotFound
from sitebuild.snippets.execute import execute_snippet, kernel_env, process_env, setup_source
from sitebuild.snippets.forked import Zygote, fork_available

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
        self.use_fork = fork_available()
        self._idle: queue.SimpleQueue[Zygote] = queue.SimpleQueue()
        self._zygotes: list[Zygote] = []
        self._zygote_lock = threading.Lock()

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

    def duration(self, name: str) -> float:
        """Seconds the last recorded run of ``name`` took (``inf`` when none is recorded)."""
        entry = self.cache.load(name, self.profile)
        seconds = entry.provenance.get("seconds") if entry is not None else None
        return float(seconds) if isinstance(seconds, int | float) else math.inf

    def prepare(self, names: list[str], workers: int = 2) -> None:
        """Bring every snippet in ``names`` up to date, executing stale ones ``workers`` at a time,
        longest (as last recorded) first. Raises the first snippet error."""
        from concurrent.futures import ThreadPoolExecutor

        pending = sorted({n for n in names if n not in self._memo})
        pending.sort(key=self.duration, reverse=True)  # stable: equal durations stay by name
        try:
            if workers <= 1 or len(pending) <= 1:
                for name in pending:
                    self.get(name)
                return
            with ThreadPoolExecutor(max_workers=workers) as pool:
                for future in [pool.submit(self.get, name) for name in pending]:
                    future.result()
        finally:
            self.close()

    def close(self) -> None:
        """End the pre-imported parent processes (a later execution starts new ones)."""
        with self._zygote_lock:
            zygotes, self._zygotes = self._zygotes, []
            self._idle = queue.SimpleQueue()
        for zygote in zygotes:
            zygote.close()

    def _acquire(self) -> Zygote:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            env = kernel_env(self.profile, self.extra_env)
            zygote = Zygote(process_env(env), setup_source(env))
            with self._zygote_lock:
                self._zygotes.append(zygote)
            return zygote

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
        zygote = self._acquire() if self.use_fork else None
        try:
            run = execute_snippet(
                path,
                name,
                profile=self.profile,
                package_root=self.package_root,
                cell_timeout=self.cell_timeout,
                extra_env=self.extra_env,
                zygote=zygote,
            )
        finally:
            if zygote is not None and zygote.alive():
                self._idle.put(zygote)
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
