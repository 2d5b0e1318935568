"""Snippets in children of a pre-imported parent: isolated from each other, and with the
outputs a fresh Jupyter kernel gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kb
from sitebuild.snippets.cache import CacheEntry, SnippetCache, environment_key
from sitebuild.snippets.execute import execute_snippet, kernel_env, process_env, setup_source
from sitebuild.snippets.forked import PRELOAD, Zygote, fork_available
from sitebuild.snippets.runner import Runner

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not fork_available(), reason="needs os.fork")]
KB_ROOT = Path(kb.__file__).resolve().parent

# Each row: a snippet that changes some state, then prints it; the next snippet must see it pristine.
CHANGES = [
    ("a global", "LEAK = 1", "print('LEAK' in globals())", "False"),
    (
        "rcParams",
        "import matplotlib\nmatplotlib.rcParams['lines.linewidth'] = 9.5",
        "import matplotlib\nprint(matplotlib.rcParams['lines.linewidth'])",
        "1.5",
    ),
    (
        "an environment variable",
        "import os\nos.environ['KB_LEAK'] = '1'",
        "import os\nprint(os.environ.get('KB_LEAK'))",
        "None",
    ),
    (
        "the random seed",
        "import random\nrandom.seed(0)",
        "import random\nprint(random.random() == 0.8444218515250481)",
        "False",
    ),
    ("torch's seed", "import torch\ntorch.manual_seed(0)", "import torch\nprint(torch.initial_seed() == 0)", "False"),
    ("the working folder", "import os\nos.chdir('/')", "import os\nprint(os.getcwd() == {folder!r})", "True"),
    ("a module", "import textwrap\ntextwrap.dedent = None", "import textwrap\nprint(textwrap.dedent is None)", "False"),
    (
        "an open figure",
        "import matplotlib.pyplot as plt\nplt.figure()",
        "import matplotlib.pyplot as plt\nprint(plt.get_fignums())",
        "[]",
    ),
]


@pytest.fixture(scope="module")
def zygote():
    env = kernel_env("quick")
    parent = Zygote(process_env(env), setup_source(env))
    yield parent
    parent.close()


def _run(zygote: Zygote, folder: Path, name: str, text: str, **options):
    path = folder / name
    path.write_text(text)
    return execute_snippet(path, name, profile="quick", package_root=KB_ROOT, zygote=zygote, cell_timeout=60, **options)


@pytest.mark.parametrize(("what", "change", "probe", "pristine"), CHANGES, ids=[row[0] for row in CHANGES])
def test_one_snippets_change_does_not_reach_the_next(
    tmp_path: Path, zygote: Zygote, what: str, change: str, probe: str, pristine: str
) -> None:
    probe = probe.format(folder=str(tmp_path))
    before = _run(zygote, tmp_path, "before.py", f"# %%\n{probe}\n")
    _run(zygote, tmp_path, "change.py", f"# %%\n{change}\n# %%\n{probe}\n")
    after = _run(zygote, tmp_path, "after.py", f"# %%\n{probe}\n")
    assert (
        before.cells[0].outputs
        == after.cells[0].outputs
        == [{"kind": "stream", "name": "stdout", "text": pristine + "\n"}]
    )


def test_the_parent_preloads_torch_but_no_kb_module(tmp_path: Path, zygote: Zygote) -> None:
    run = _run(zygote, tmp_path, "probe.py", "# %%\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n")
    loaded = set(json.loads(run.cells[0].outputs[0]["text"]))
    assert set(PRELOAD) <= loaded
    assert not {m for m in loaded if m == "kb" or m.startswith("kb.")}
    assert run.loaded_files == []


SAMPLE = """\
# %%
import sys
import torch
print("tensor", torch.arange(3).tolist())
print("to stderr", file=sys.stderr)
# %% tags=["hide-input"]
from kb.plotting import subplots
fig, ax = subplots()
ax.plot([0, 1, 2], [2, 0, 1], label="a")
ax.set_xlabel("x")
fig.show()
# %%
import matplotlib.pyplot as plt
plt.plot([1, 2, 3])
plt.show()
print("after the figure")
# %%
from IPython.display import HTML, display
display(HTML("<b>bold</b>"))
{"answer": 6 * 7}
# %%
x = 1;
"""


def test_outputs_equal_a_fresh_kernels(tmp_path: Path, zygote: Zygote) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE)
    kernel = execute_snippet(path, "sample.py", profile="quick", package_root=KB_ROOT, cell_timeout=120)
    forked = _run(zygote, tmp_path, "sample.py", SAMPLE)
    assert [c.outputs for c in forked.cells] == [c.outputs for c in kernel.cells]
    assert forked.cells == kernel.cells
    assert forked.loaded_files == kernel.loaded_files and "plotting.py" in " ".join(forked.loaded_files)
    kinds = [[o["kind"] for o in c.outputs] for c in forked.cells]
    assert kinds == [["stream", "stream"], ["image/png"], ["image/png", "stream"], ["text/html", "text/plain"], []]


def test_a_killed_child_leaves_the_parent_usable(tmp_path: Path, zygote: Zygote) -> None:
    with pytest.raises(Exception, match=r"ChildExit: status -9"):
        _run(zygote, tmp_path, "dies.py", "# %%\nimport os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")
    assert _run(zygote, tmp_path, "fine.py", "# %%\nprint(1)\n").cells[0].outputs[0]["text"] == "1\n"


def _entry(name: str, seconds: float | None) -> CacheEntry:
    provenance = {} if seconds is None else {"seconds": seconds}
    return CacheEntry(name, "stale", environment_key("quick"), {}, [], provenance)


def test_prepare_starts_the_longest_recorded_snippets_first(tmp_path: Path, monkeypatch) -> None:
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    recorded = {"a.py": 1.0, "b.py": 30.0, "c.py": None, "d.py": 5.0, "e.py": 5.0}
    cache = SnippetCache(tmp_path / "cache", tmp_path)
    for name, seconds in recorded.items():
        (snippets / name).write_text("# %%\nprint(1)\n")
        if seconds is not None:
            cache.store(_entry(name, seconds))
    runner = Runner(snippets, tmp_path / "cache", tmp_path)
    order: list[str] = []
    monkeypatch.setattr(runner, "get", lambda name, page="?": order.append(name))
    runner.prepare(sorted(recorded), workers=1)
    assert order == ["c.py", "b.py", "d.py", "e.py", "a.py"]  # never run first; ties by name


@pytest.mark.parametrize(("switch", "in_kernel"), [("0", "True"), ("1", "False")])
def test_kb_run_fork_switch_picks_the_kernel_or_the_forked_path(
    tmp_path: Path, monkeypatch, switch: str, in_kernel: str
) -> None:
    monkeypatch.setenv("KB_RUN_FORK", switch)
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    (snippets / "probe.py").write_text("# %%\nimport sys\nprint('ipykernel' in sys.modules)\n")
    runner = Runner(snippets, tmp_path / "cache", tmp_path, cell_timeout=60)
    assert runner.use_fork is (switch == "1")
    assert runner.get("probe.py").cells[0]["outputs"][0]["text"] == in_kernel + "\n"
    assert len(runner._zygotes) == int(switch)
    runner.close()
    assert runner._zygotes == []
