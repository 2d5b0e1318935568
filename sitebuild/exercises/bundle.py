"""The grader bundle for the browser: Pyodide, the byte-compiled standard library, ``graders`` (its
question bank as JSON) and SymPy with mpmath, served by the site under ``assets/grader/``.

Sources: Pyodide from ``node_modules/pyodide`` (pinned in ``package-lock.json``); ``graders`` from this
repository; SymPy and mpmath as installed in this environment (the project's pins, ``constraints.txt``).
Everything is byte-compiled by Pyodide's own CPython run in Node (``compile.mjs``: ``.pyc`` files are
tied to that exact Python), once per input: the result is cached under ``<cache>/<key>/``, the key
covering the Pyodide version, every input file and the compile script, so a warm build copies files.

>>> sorted(PARTS)
['graders', 'stdlib', 'sympy']
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Bundle", "build", "PARTS", "RUNTIME", "BundleError"]

PARTS = ("stdlib", "graders", "sympy")
#: the Pyodide files a browser loads, besides the standard library
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
COMPILE_SCRIPT = Path(__file__).with_name("compile.mjs")
_SKIP_DIRS = {"tests", "__pycache__", "benchmarks"}


class BundleError(Exception):
    """The bundle cannot be built (Node or Pyodide missing, compilation failed): says what to do."""


@dataclass(frozen=True)
class Bundle:
    """The built bundle: ``files`` maps a path under ``assets/grader/`` to a file on disk."""

    files: dict[str, Path]
    manifest: dict


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise BundleError(f"{name} is not installed (make venv)")
    return Path(next(iter(spec.submodule_search_locations)))


def _sources(folder: Path, prefix: str) -> list[tuple[str, Path]]:
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not _SKIP_DIRS & set(rel.parts) and path.suffix != ".pyc":
            out.append((f"{prefix}/{rel.as_posix()}", path))
    return out


def _inputs(repo: Path, pyodide: Path) -> dict[str, list[tuple[str, Path]]]:
    """The files of each part: ``graders`` without what only the command line's errata need (its bank
    is converted to JSON when zipped), SymPy and mpmath as installed, the standard library's zip."""
    graders = [
        (n, p)
        for n, p in _sources(repo / "graders", "graders")
        if not n.startswith("graders/errata/") and p.suffix != ".md"
    ]
    sympy = [
        (n, p)
        for package in ("sympy", "mpmath")
        for n, p in _sources(_package_dir(package), package)
        if p.suffix == ".py"
    ]
    return {"stdlib": [("python_stdlib.zip", pyodide / "python_stdlib.zip")], "graders": graders, "sympy": sympy}


def _zip(part: str, files: list[tuple[str, Path]]) -> bytes:
    if part == "stdlib":
        return files[0][1].read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, path in files:
            if path.suffix == ".yaml" and name.startswith("graders/bank/data/"):
                from graders.bank import load_file, to_dict

                data = to_dict(load_file(path))
                # no sort_keys: the order of the variables is meaningful ("This question uses: x, W1 …")
                z.writestr(name[: -len(".yaml")] + ".json", json.dumps(data, ensure_ascii=False))
            elif path.suffix != ".yaml":
                z.write(path, name)
    return buf.getvalue()


def _key(pyodide: Path, inputs: dict[str, list[tuple[str, Path]]]) -> str:
    """A digest of everything the bundle is made from (a warm build reads the files, zips nothing)."""
    h = hashlib.sha256()
    h.update(json.loads((pyodide / "package.json").read_text())["version"].encode())
    h.update(COMPILE_SCRIPT.read_bytes())
    h.update(Path(__file__).read_bytes())
    for part in PARTS:
        for name, path in inputs[part]:
            h.update(name.encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def _compile(pyodide: Path, work: Path, names: list[str]) -> None:
    node = shutil.which("node")
    if node is None:
        raise BundleError("Node.js is needed to byte-compile the grader bundle (the README's set-up installs it)")
    cmd = [node, str(COMPILE_SCRIPT), str(pyodide), str(work), *names]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise BundleError(f"byte-compiling the grader bundle failed:\n{done.stderr[-2000:]}")


def _compile_into(work: Path, pyodide: Path, inputs: dict[str, list[tuple[str, Path]]]) -> None:
    """Compile every part in a private folder, then move each finished zip into ``work``: builds that
    run at once (two test workers, two terminals) never see or delete each other's half-made files."""
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=work) as tmp:
        private = Path(tmp)
        for part in PARTS:
            (private / f"{part}.src.zip").write_bytes(_zip(part, inputs[part]))
        _compile(pyodide, private, list(PARTS))
        for part in PARTS:
            os.replace(private / f"{part}.zip", work / f"{part}.zip")


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)


def build(repo: Path, node_modules: Path, cache: Path) -> Bundle:
    """Build (or reuse from ``cache``) the bundle; :class:`BundleError` says what is missing."""
    pyodide = node_modules / "pyodide"
    if not (pyodide / "pyodide.mjs").is_file():
        raise BundleError(f"{pyodide} is missing; run `make assets` (npm ci)")
    inputs = _inputs(repo, pyodide)
    key = _key(pyodide, inputs)
    work = cache / key
    if not all((work / f"{part}.zip").is_file() for part in PARTS):
        _compile_into(work, pyodide, inputs)
    files = {f"pyodide/{name}": pyodide / name for name in RUNTIME}
    files.update({f"{part}.zip": work / f"{part}.zip" for part in PARTS})
    lock = json.loads((pyodide / "pyodide-lock.json").read_text())
    version = json.loads((pyodide / "package.json").read_text())["version"]
    wasm = pyodide / "pyodide.asm.wasm"
    manifest = {
        "pyodide": {
            "version": version,
            "module": "pyodide/pyodide.mjs",
            "index": "pyodide/",
            "lock": json.dumps({"info": lock["info"], "packages": {}}),
        },
        "files": {
            "runtime": {"path": "pyodide/pyodide.asm.wasm", "bytes": wasm.stat().st_size},
            **{part: {"path": f"{part}.zip", "bytes": (work / f"{part}.zip").stat().st_size} for part in PARTS},
        },
        "key": key,
    }
    _write_atomically(work / "manifest.json", json.dumps(manifest).encode())
    files["manifest.json"] = work / "manifest.json"
    return Bundle(files, manifest)
