"""Execute snippets in children forked from a pre-imported parent, so torch and Lightning
are imported once per worker instead of once per snippet.

A :class:`Zygote` is a long-lived Python process (``python -m sitebuild.snippets.forked``)
started with the kernel's environment. It creates an IPython shell, runs the same hidden
setup cell a Jupyter kernel runs, imports the heavy packages (:data:`PRELOAD`, never ``kb``:
what a snippet loads from ``kb`` is its cache key) and then, per snippet, ``os.fork()``\\ s a
child. The child changes into the snippet's folder, runs the cells in its own copy of the
shell (fresh globals, the parent's pristine random states, rcParams and environment) and
streams each cell's outputs back as nbformat outputs, which
:mod:`~sitebuild.snippets.execute` normalises exactly as it does a kernel's. Nothing a
snippet does reaches the parent or the next snippet: each child exits when its snippet ends.

The client side (:func:`execute_forked`) enforces the per-cell timeout by killing the child.
:func:`fork_available` says whether this path can be used; elsewhere the build falls back
to one Jupyter kernel per snippet.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from sitebuild.snippets.errors import SnippetError, SnippetTimeout, short_traceback

__all__ = ["PRELOAD", "Zygote", "fork_available"]

#: Imported by the parent before any fork: the packages whose import dominates a snippet's start.
PRELOAD = ("numpy", "torch", "torch.nn.functional", "pytorch_lightning", "sklearn.datasets", "matplotlib.pyplot")


def fork_available() -> bool:
    """True where a pre-imported parent can fork children (Linux, macOS), unless ``$KB_RUN_FORK=0``."""
    return hasattr(os, "fork") and os.environ.get("KB_RUN_FORK", "1") != "0"


class Zygote:
    """Client handle of one pre-imported parent process; runs one snippet at a time."""

    def __init__(self, env: dict[str, str], setup: str) -> None:
        self.lock = threading.Lock()
        # Not ``-m``: that would put this process's folder first on sys.path, ahead of $PYTHONPATH,
        # and the snippets might import another ``kb`` than a kernel would. sitebuild goes last.
        here = str(Path(__file__).resolve().parents[2])
        boot = f"import sys; sys.path.append({here!r}); from sitebuild.snippets.forked import _serve; _serve()"
        self.process = subprocess.Popen(
            [sys.executable, "-c", boot],
            cwd="/",
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._buffer = b""
        self._send({"setup": setup})

    def _send(self, message: dict[str, Any]) -> None:
        self.process.stdin.write((json.dumps(message) + "\n").encode())
        self.process.stdin.flush()

    def _receive(self, timeout: float | None) -> dict[str, Any] | None:
        """The next message, or None when ``timeout`` seconds pass without one."""
        deadline = None if timeout is None else time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise RuntimeError("the snippet executor's parent process exited")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def run(self, cells: list[str], cwd: str, cell_timeout: float) -> dict[str, Any]:
        """Run ``cells`` in a forked child. Returns ``{"outputs": [[...] per cell], "seconds": s}``
        or, when a cell fails or times out, ``{"failed": i, "error": (ename, evalue, traceback)}``
        with ``"timeout": True`` for a timeout (``i`` is 0-based)."""
        with self.lock:
            self._send({"cells": cells, "cwd": cwd})
            outputs: list[list[dict[str, Any]]] = []
            child = None
            result: dict[str, Any] | None = None
            while True:
                message = self._receive(cell_timeout if child is not None and result is None else None)
                if message is None:  # the running cell is past its time: end the child
                    os.kill(child, signal.SIGKILL)
                    result = {"failed": len(outputs), "timeout": True}
                    continue
                if "pid" in message:
                    child = message["pid"]
                elif "cell" in message:
                    if message["cell"] >= 0:
                        outputs.append(message["outputs"])
                    if message.get("error") and result is None:
                        cell = message["cell"] if message["cell"] >= 0 else len(outputs)  # -1: the executor failed
                        result = {"failed": cell, "error": message["error"]}
                elif "done" in message:
                    result = result or {"outputs": outputs, "seconds": message["done"]}
                elif "exit" in message:
                    if result is None:
                        result = {"failed": len(outputs), "error": ("ChildExit", f"status {message['exit']}", "")}
                    return result

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def execute_forked(zygote: Zygote, name: str, sources: list[str], starts: list[int], cwd: Path, cell_timeout: float):
    """Run a snippet's user cells plus the report cell; returns (per-cell outputs, seconds).
    ``starts`` are the file lines of the user cells, for error messages."""
    result = zygote.run(sources, str(cwd), cell_timeout)
    if "failed" in result:
        position = result["failed"] + 1  # 1-based among user cells
        line = starts[position - 1] if position <= len(starts) else 0
        if result.get("timeout"):
            raise SnippetTimeout(name, position, line, "TimeoutError", f"cell ran longer than {cell_timeout:g} s")
        ename, evalue, trace = result["error"]
        raise SnippetError(name, position, line, ename, evalue, short_traceback(trace))
    return result["outputs"], result["seconds"]


# --- the parent process -------------------------------------------------------------------------


class _Streams:
    """``sys.stdout``/``sys.stderr`` stand-ins installed before anything is imported, so that
    handlers created at import time (Lightning's logging) write where the current cell does."""

    def __init__(self, name: str, fallback: Any) -> None:
        self.name, self.fallback, self.sink = name, fallback, None
        self.encoding = "utf-8"

    def write(self, text: str) -> int:
        if self.sink is not None:
            self.sink(self.name, text)
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.fallback.fileno()

    def writable(self) -> bool:
        return True


def _make_shell():
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type

    class Publisher(DisplayPublisher):
        outputs: ClassVar[list[dict[str, Any]]] = []

        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            self.outputs.append({"output_type": "display_data", "data": data, "metadata": metadata or {}})

        def clear_output(self, wait=False):
            self.outputs.clear()

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            Publisher.outputs.append({"output_type": "execute_result", "data": format_dict, "metadata": md_dict or {}})

        def finish_displayhook(self):
            pass

    class Shell(InteractiveShell):
        displayhook_class = Type(Hook)
        display_pub_class = Type(Publisher)
        error = None

        def _showtraceback(self, etype, evalue, stb):
            self.error = (str(etype.__name__), str(evalue), "\n".join(stb))

    from traitlets.config import Config

    config = Config()
    config.HistoryManager.enabled = False
    config.InteractiveShell.colors = "nocolor"
    shell = Shell.instance(config=config)
    return shell, Publisher


def _serve() -> None:
    requests = os.fdopen(os.dup(0), "rb")
    channel = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)  # C-level output of a snippet is dropped, as the kernel's log is
    streams = {name: _Streams(name, getattr(sys, name)) for name in ("stdout", "stderr")}
    sys.stdout, sys.stderr = streams["stdout"], streams["stderr"]
    shell, publisher = _make_shell()

    dumps, perf_counter, chdir, exit_now = json.dumps, time.perf_counter, os.chdir, os._exit  # a snippet may patch them

    def send(message: dict[str, Any]) -> None:
        channel.write((dumps(message) + "\n").encode())

    def sink(name: str, text: str) -> None:
        outs = publisher.outputs
        if outs and outs[-1]["output_type"] == "stream" and outs[-1]["name"] == name:
            outs[-1]["text"] += text
        else:
            outs.append({"output_type": "stream", "name": name, "text": text})

    setup = json.loads(requests.readline())["setup"]
    shell.run_cell(setup, store_history=True)
    import importlib

    for module in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    publisher.outputs.clear()
    sys.path[:] = ["", *(p for p in sys.path if p not in ("", "/"))]  # the snippet's folder, as in a kernel
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: run the snippet, report, leave
            status = 0
            try:
                send({"pid": os.getpid()})
                chdir(request["cwd"])
                for stream in streams.values():
                    stream.sink = sink
                started = perf_counter()
                for index, source in enumerate(request["cells"]):
                    publisher.outputs.clear()
                    result = shell.run_cell(source, store_history=True)
                    error = None if result.success else (shell.error or ("Error", repr(result.error_in_exec), ""))
                    send({"cell": index, "outputs": list(publisher.outputs), "error": error})
                    if error:
                        break
                else:
                    send({"done": perf_counter() - started})
            except BaseException as exc:  # the executor itself failed: say how, then exit
                status = 1
                with contextlib.suppress(BaseException):
                    import traceback

                    detail = "".join(traceback.format_exception(exc))
                    send({"cell": -1, "outputs": [], "error": ("ExecutorError", repr(exc), detail)})
            finally:
                exit_now(status)
        _, status = os.waitpid(pid, 0)
        send({"exit": os.waitstatus_to_exitcode(status)})
