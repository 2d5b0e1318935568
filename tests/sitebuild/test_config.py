"""sitebuild.config: the kb-run settings as MkDocs reads mkdocs.yml (``!ENV`` included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

from sitebuild.config import find_config_file, load_run_settings

ROOT = Path(__file__).resolve().parents[2]

# (plugins section, environment, expected settings: (snippets, cache, profile, timeout, execute, workers))
CASES = [
    pytest.param("  - kb-run\n", {}, ("docs/snippets", ".cache/kb-run", "quick", 300.0, True, 2), id="defaults"),
    pytest.param(
        "  - search\n  - kb-run:\n      cache_dir: !ENV [KB_CACHE_DIR, .cache/kb-run]\n      workers: 1\n",
        {"KB_CACHE_DIR": "/tmp/elsewhere"},
        ("docs/snippets", "/tmp/elsewhere", "quick", 300.0, True, 1),
        id="env-set",
    ),
    pytest.param(
        "  - kb-run:\n      cache_dir: !ENV [KB_CACHE_DIR, .cache/kb-run]\n",
        {},
        ("docs/snippets", ".cache/kb-run", "quick", 300.0, True, 2),
        id="env-unset-takes-the-default",
    ),
    pytest.param(
        "  - kb-run:\n      execute: !ENV [KB_EXECUTE, true]\n      cell_timeout: !ENV [T, 300]\n",
        {"KB_EXECUTE": "false", "T": "2.5"},
        ("docs/snippets", ".cache/kb-run", "quick", 2.5, False, 2),
        id="env-values-are-typed-as-yaml",
    ),
    pytest.param(
        "  kb-run:\n    snippets_dir: snippets\n    profile: full\n",
        {},
        ("snippets", ".cache/kb-run", "full", 300.0, True, 2),
        id="plugins-as-a-map",
    ),
]


def _write(folder: Path, plugins: str) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: t\nplugins:\n{plugins}")
    return path


@pytest.mark.parametrize(("plugins", "environ", "expected"), CASES)
def test_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plugins: str, environ: dict, expected) -> None:
    for name in ("KB_CACHE_DIR", "KB_EXECUTE", "T"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    settings = load_run_settings(_write(tmp_path, plugins))
    snippets, cache, profile, timeout, execute, workers = expected
    assert settings.root == tmp_path.resolve()
    assert (settings.snippets_dir, settings.cache_dir) == (tmp_path.resolve() / snippets, tmp_path.resolve() / cache)
    assert (settings.profile, settings.cell_timeout, settings.execute, settings.workers) == (
        profile,
        timeout,
        execute,
        workers,
    )


@pytest.mark.parametrize(
    ("plugins", "message"),
    [("  - search\n", "kb-run plugin is not listed"), ("  - kb-run:\n      workers: many\n", "workers: Expected type")],
    ids=["not-listed", "wrong-type"],
)
def test_invalid_settings(tmp_path: Path, plugins: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        load_run_settings(_write(tmp_path, plugins))


def test_the_projects_own_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KB_CACHE_DIR", raising=False)
    settings = load_run_settings(ROOT / "mkdocs.yml")
    assert (settings.snippets_dir, settings.cache_dir) == (ROOT / "docs" / "snippets", ROOT / ".cache" / "kb-run")


def test_find_config_file_looks_in_parent_folders(tmp_path: Path) -> None:
    config = _write(tmp_path, "  - kb-run\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config_file(tmp_path / "a" / "b") == config.resolve()
    with pytest.raises(ConfigurationError, match=r"no mkdocs\.yml"):
        find_config_file(Path("/"))
