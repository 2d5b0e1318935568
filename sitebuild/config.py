"""The ``kb-run`` settings: one schema for the plugin and for ``kb docs``, read from ``mkdocs.yml``
the way MkDocs reads it.

``kb docs run|status`` and the site build must agree on where snippets and their cache live,
including when ``KB_CACHE_DIR`` (or any other ``!ENV`` setting) moves them, so both take the
``kb-run`` entry of ``mkdocs.yml``: loaded with MkDocs' own YAML loader (``!ENV`` tags, as
MkDocs resolves them, and ``INHERIT``), then validated by :class:`RunConfig`, the class MkDocs
validates the plugin's options with. Loading imports no plugin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import ConfigurationError

__all__ = ["PLUGIN", "RunConfig", "RunSettings", "find_config_file", "load_run_settings"]

PLUGIN = "kb-run"


class RunConfig(base.Config):
    """The plugin's options (see :mod:`sitebuild.plugins.run`)."""

    profile = c.Type(str, default="quick")
    execute = c.Type(bool, default=True)
    cell_timeout = c.Type((int, float), default=300)
    snippets_dir = c.Type(str, default="docs/snippets")
    cache_dir = c.Type(str, default=".cache/kb-run")
    workers = c.Type(int, default=2)


@dataclass(frozen=True)
class RunSettings:
    """Validated ``kb-run`` options with the folders made absolute (relative to ``mkdocs.yml``)."""

    root: Path
    snippets_dir: Path
    cache_dir: Path
    profile: str
    cell_timeout: float
    execute: bool
    workers: int

    @classmethod
    def from_config(cls, config: RunConfig, root: Path) -> RunSettings:
        return cls(
            root,
            root / config.snippets_dir,
            root / config.cache_dir,
            config.profile,
            float(config.cell_timeout),
            config.execute,
            config.workers,
        )


def find_config_file(start: Path) -> Path:
    """``mkdocs.yml`` in ``start`` or the nearest parent folder that has one."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    raise ConfigurationError(f"no mkdocs.yml in {start} or a parent folder")


def _plugin_options(plugins: Any) -> dict[str, Any] | None:
    """The ``kb-run`` options of a ``plugins:`` value (a list of names / one-key maps, or a map)."""
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for item in plugins or []:
        if item == PLUGIN:
            return {}
        if isinstance(item, dict) and PLUGIN in item:
            return dict(item[PLUGIN] or {})
    return None


def load_run_settings(config_file: Path) -> RunSettings:
    """The ``kb-run`` settings of ``config_file``; :class:`ConfigurationError` when they are invalid
    or the plugin is not listed."""
    from mkdocs.utils.yaml import yaml_load

    config_file = Path(config_file).resolve()
    with open(config_file, "rb") as stream:
        data = yaml_load(stream)
    options = _plugin_options(data.get("plugins"))
    if options is None:
        raise ConfigurationError(f"{config_file}: the {PLUGIN} plugin is not listed under plugins")
    config = RunConfig(config_file_path=str(config_file))
    config.load_dict(options)
    errors, _ = config.validate()
    if errors:
        problems = "; ".join(f"{key}: {error}" for key, error in errors)
        raise ConfigurationError(f"{config_file}: {PLUGIN}: {problems}")
    return RunSettings.from_config(config, config_file.parent)
