"""The snippet cache: an entry is fresh exactly while nothing it depends on changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.snippets.cache import CacheEntry, SnippetCache, device_kind, environment_key, file_digest


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "losses.py").write_text("A = 1\n")
    (tmp_path / "kb" / "cnn.py").write_text("B = 1\n")
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "demo.py").write_text("# %%\nprint(1)\n")
    return tmp_path


def _entry(project: Path, env: dict) -> CacheEntry:
    return CacheEntry(
        snippet="demo.py",
        snippet_digest=file_digest(project / "snippets" / "demo.py"),
        environment=env,
        dependencies={"kb/losses.py": file_digest(project / "kb" / "losses.py")},
        cells=[
            {
                "source": "print(1)",
                "outputs": [{"kind": "stream", "name": "stdout", "text": "1\n"}],
                "hide_input": False,
            }
        ],
        provenance={"device": "cpu", "seconds": 0.1},
    )


def _edit(path: Path, text: str) -> None:
    path.write_text(text)


# (what changes, expected staleness reason or None for fresh)
CHANGES = [
    ("nothing", None),
    ("unused kb module edited", None),
    ("used kb module edited", "kb/losses.py changed"),
    ("used kb module removed", "kb/losses.py removed"),
    ("snippet edited", "snippet changed"),
    ("profile", "environment changed: profile"),
    ("package version", "environment changed: packages"),
    ("device", "environment changed: device"),
]


@pytest.mark.parametrize(("change", "reason"), CHANGES, ids=[c for c, _ in CHANGES])
def test_staleness(project: Path, change: str, reason: str | None) -> None:
    cache = SnippetCache(project / "cache", project)
    env = environment_key("quick")
    cache.store(_entry(project, env))
    current = dict(env)
    if change == "unused kb module edited":
        _edit(project / "kb" / "cnn.py", "B = 2\n")
    elif change == "used kb module edited":
        _edit(project / "kb" / "losses.py", "A = 2  # edited\n")
    elif change == "used kb module removed":
        (project / "kb" / "losses.py").unlink()
    elif change == "snippet edited":
        _edit(project / "snippets" / "demo.py", "# %%\nprint(2)\n")
    elif change == "profile":
        current = environment_key("full")
    elif change == "package version":
        current = {**env, "packages": {**env["packages"], "torch": "9.9.9"}}
    elif change == "device":
        current = {**env, "device": "cuda"}
    entry = cache.load("demo.py", "quick")
    assert entry is not None
    assert cache.staleness(entry, project / "snippets" / "demo.py", current) == reason


def test_missing_entry_is_stale(project: Path) -> None:
    cache = SnippetCache(project / "cache", project)
    assert cache.load("demo.py", "quick") is None
    assert cache.staleness(None, project / "snippets" / "demo.py", environment_key("quick")) == "not executed yet"


def test_corrupt_entry_is_treated_as_missing(project: Path) -> None:
    cache = SnippetCache(project / "cache", project)
    path = cache.path_for("demo.py", "quick")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert cache.load("demo.py", "quick") is None


def test_store_is_atomic_and_round_trips(project: Path) -> None:
    cache = SnippetCache(project / "cache", project)
    entry = _entry(project, environment_key("quick"))
    path = cache.store(entry)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    assert cache.load("demo.py", "quick") == entry


def test_profiles_have_separate_entries(project: Path) -> None:
    cache = SnippetCache(project / "cache", project)
    assert cache.path_for("a/b.py", "quick") != cache.path_for("a/b.py", "full")


@pytest.mark.parametrize(("env", "expected"), [({"KB_DEVICE": "cuda"}, "cuda"), ({"CUDA_VISIBLE_DEVICES": ""}, "cpu")])
def test_device_kind(monkeypatch: pytest.MonkeyPatch, env: dict, expected: str) -> None:
    monkeypatch.delenv("KB_DEVICE", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert device_kind() == expected


def test_environment_key_covers_what_matters() -> None:
    env = environment_key("quick")
    assert env["profile"] == "quick"
    assert {"torch", "pytorch-lightning", "numpy"} <= set(env["packages"])
    assert env["packages"]["torch"].startswith("2.")
