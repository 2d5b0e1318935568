"""Execute one jupytext percent-format snippet, in a fresh Jupyter kernel or in a child forked
from a pre-imported parent (:mod:`~sitebuild.snippets.forked`), with the same outputs.

A hidden first cell sets the run profile and quiet mode; a hidden last cell reports
which ``kb`` files the kernel loaded and which device torch used. A failing cell
raises :class:`~sitebuild.snippets.errors.SnippetError` naming the snippet, the cell and the
error; a cell running past ``cell_timeout`` seconds raises
:class:`~sitebuild.snippets.errors.SnippetTimeout`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitebuild.snippets.errors import SnippetError, SnippetTimeout, short_traceback
from sitebuild.snippets.figures import translations_of
from sitebuild.snippets.forked import Zygote, execute_forked

__all__ = [
    "ExecutedCell",
    "Execution",
    "execute_snippet",
    "cell_start_lines",
    "kernel_env",
    "setup_source",
    "process_env",
]

_META_MARK = "__KB_RUN_META__"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_PREFERRED = ("image/png", "image/svg+xml", "text/html", "text/markdown", "text/plain")

_SETUP = """\
import os as _kb_os
_kb_os.environ.update({env!r})
%config InlineBackend.figure_formats = ['png']
%config InlineBackend.rc = {{'figure.dpi': 96, 'savefig.dpi': 96, 'figure.figsize': (6.0, 3.6)}}
import matplotlib.pyplot as _kb_plt
_kb_plt.close(_kb_plt.figure())  # load the inline backend now: it registers the PNG formatter
from sitebuild.snippets.figures import install as _kb_install
_kb_install(get_ipython())
del _kb_os, _kb_plt, _kb_install
"""

_REPORT = """\
import sys as _kb_sys, os as _kb_os, json as _kb_json
_kb_root = {root!r}
_kb_files = set()
for _kb_m in list(_kb_sys.modules.values()):
    _kb_f = getattr(_kb_m, '__file__', None)
    if _kb_f and _kb_os.path.realpath(_kb_f).startswith(_kb_root + _kb_os.sep):
        _kb_files.add(_kb_os.path.realpath(_kb_f))
_kb_dev = {{'device': 'cpu', 'device_name': ''}}
if 'torch' in _kb_sys.modules:
    import torch as _kb_torch
    if _kb_torch.cuda.is_available():
        _kb_dev = {{'device': 'cuda', 'device_name': _kb_torch.cuda.get_device_name(0)}}
print({mark!r} + _kb_json.dumps({{'files': sorted(_kb_files), **_kb_dev}}))
"""


@dataclass
class ExecutedCell:
    """One code cell: its source, whether to hide it, and its normalised outputs.

    Each output is ``{"kind": "stream"|"image/png"|"text/html"|..., "text": str, "name": str}``.
    """

    source: str
    outputs: list[dict[str, str]] = field(default_factory=list)
    hide_input: bool = False


@dataclass
class Execution:
    cells: list[ExecutedCell]
    loaded_files: list[str]
    device: str
    device_name: str
    seconds: float


def cell_start_lines(text: str, n_cells: int) -> list[int]:
    """1-based line where each cell's code starts in a percent-format file."""
    markers = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("# %%")]
    if len(markers) == n_cells:
        return [m + 1 for m in markers]
    if len(markers) + 1 == n_cells:
        return [1] + [m + 1 for m in markers]
    return [0] * n_cells


def _normalise(output: Any) -> dict[str, str] | None:
    kind = output.get("output_type")
    if kind == "stream":
        return {"kind": "stream", "name": output.get("name", "stdout"), "text": _ANSI.sub("", output.get("text", ""))}
    if kind in ("display_data", "execute_result"):
        data = output.get("data", {})
        for mime in _PREFERRED:
            if mime in data:
                value = data[mime]
                text = "".join(value) if isinstance(value, list) else str(value)
                if mime != "image/png":
                    return {"kind": mime, "name": "", "text": text}
                # the same figure in the site's other languages, keyed by language (sitebuild.snippets.figures)
                other = {lang: png.strip() for lang, png in translations_of(output).items()}
                return {"kind": mime, "name": "", "text": text.strip(), **other}
    return None


def _merge_streams(outputs: list[dict[str, str]]) -> list[dict[str, str]]:
    merged: list[dict[str, str]] = []
    for out in outputs:
        if merged and out["kind"] == "stream" and merged[-1]["kind"] == "stream" and merged[-1]["name"] == out["name"]:
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + out["text"]}
        else:
            merged.append(out)
    return merged


def kernel_env(profile: str, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment variables a snippet runs with (set by the hidden setup cell too)."""
    env = {"KB_PROFILE": profile, "KB_QUIET": "1", "PYTHONWARNINGS": "ignore"}
    if profile == "quick":
        # Tiny CPU models: one thread each is faster and steadier, and two kernels share two cores.
        env["OMP_NUM_THREADS"] = "1"
    env.update(extra_env or {})
    return env


def setup_source(env: dict[str, str]) -> str:
    """The hidden first cell: environment, inline figure format and size."""
    return _SETUP.format(env=env)


def process_env(env: dict[str, str]) -> dict[str, str]:
    """The environment of the process that runs snippets: this one's plus ``env``."""
    return {
        **os.environ,
        **env,
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "MPLBACKEND": os.environ.get("MPLBACKEND", "module://matplotlib_inline.backend_inline"),
    }


def execute_snippet(
    path: Path,
    name: str,
    *,
    profile: str,
    package_root: Path,
    cell_timeout: float = 300.0,
    extra_env: dict[str, str] | None = None,
    zygote: Zygote | None = None,
) -> Execution:
    """Run the snippet at ``path`` (reported as ``name``) and return its outputs: in a child of
    ``zygote`` when given (:mod:`~sitebuild.snippets.forked`), else in a fresh Jupyter kernel."""
    import jupytext
    import nbformat

    text = path.read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    starts = cell_start_lines(text, len(notebook.cells))
    user_cells = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    report_source = _REPORT.format(root=os.path.realpath(package_root), mark=_META_MARK)
    env = kernel_env(profile, extra_env)

    if zygote is not None:
        sources = [c.source for _, c in user_cells] + [report_source]
        user_starts = [starts[i] for i, _ in user_cells]
        raw, seconds = execute_forked(zygote, name, sources, user_starts, path.parent.resolve(), cell_timeout)
    else:
        setup = nbformat.v4.new_code_cell(setup_source(env))
        report = nbformat.v4.new_code_cell(report_source)
        run_nb = nbformat.v4.new_notebook(cells=[setup] + [c for _, c in user_cells] + [report])
        seconds = _execute_in_kernel(run_nb, name, [starts[i] for i, _ in user_cells], path, env, cell_timeout)
        raw = [cell.outputs for cell in run_nb.cells[1:]]

    meta_text = "".join(o.get("text", "") for o in raw[-1] if o.get("output_type") == "stream")
    meta_line = next((ln for ln in meta_text.splitlines() if ln.startswith(_META_MARK)), None)
    meta = json.loads(meta_line[len(_META_MARK) :]) if meta_line else {"files": [], "device": "cpu", "device_name": ""}

    cells = []
    for (_, original), executed in zip(user_cells, raw[:-1], strict=True):
        outputs = [o for o in (_normalise(out) for out in executed) if o is not None]
        tags = original.get("metadata", {}).get("tags", [])
        cells.append(ExecutedCell(original.source, _merge_streams(outputs), hide_input="hide-input" in tags))
    return Execution(cells, meta["files"], meta["device"], meta["device_name"], seconds)


def _execute_in_kernel(run_nb, name: str, starts: list[int], path: Path, env: dict, cell_timeout: float) -> float:
    """Execute ``run_nb`` (setup, user cells, report) in a fresh kernel; returns the seconds it took."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    client = NotebookClient(
        run_nb,
        timeout=int(max(1, round(cell_timeout))),
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    # The kernel's own log lines (not cell output, which arrives over IOPub) are dropped.
    with client.setup_kernel(env=process_env(env), stderr=subprocess.DEVNULL):
        for index, cell in enumerate(run_nb.cells):
            position = index  # 1-based among user cells; 0 = setup
            line = starts[position - 1] if 0 < position <= len(starts) else 0
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError as exc:
                raise SnippetTimeout(
                    name, position, line, "TimeoutError", f"cell ran longer than {cell_timeout:g} s"
                ) from exc
            except CellExecutionError as exc:
                trace = short_traceback(getattr(exc, "traceback", ""))
                raise SnippetError(name, position, line, exc.ename, exc.evalue, trace) from exc
    return time.perf_counter() - started
