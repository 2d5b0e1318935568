"""The backend is chosen by capability: Pyodide and WASI have an os.fork that raises, so never fork there."""

from __future__ import annotations

import pytest

from graders.capabilities import detect
from graders.isolation import backend, run_many
from graders.result import Result, Verdict


@pytest.mark.parametrize(
    "platform, os_name, fork, timer, chosen",
    [
        ("linux", "posix", True, True, "fork"),
        ("darwin", "posix", True, True, "fork"),
        ("emscripten", "posix", False, False, "inline"),  # Pyodide: os.fork exists but raises
        ("wasi", "posix", False, False, "inline"),
        ("win32", "nt", False, False, "inline"),
    ],
)
def test_capabilities(platform, os_name, fork, timer, chosen):
    caps = detect(platform, os_name)
    assert (caps.fork, caps.interval_timer, backend(caps)) == (fork, timer, chosen)


def test_inline_backend_still_turns_failures_into_verdicts():
    caps = detect("emscripten", "posix")
    tasks = [(0, lambda: Result(Verdict.CORRECT)), (1, lambda: 1 / 0), (2, lambda: [][1])]
    got = dict(run_many(tasks, capabilities=caps))
    assert [got[k].verdict for k in range(3)] == [Verdict.CORRECT, Verdict.ERROR, Verdict.ERROR]
