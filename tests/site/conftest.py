"""Fixtures for the site tests: one strict build per test session, served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitebuild.chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
REPO_URL = "https://github.com/example/foundation-kb"  # the tests' build links here (tests/site/test_repository.py)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the whole site with ``mkdocs build --strict`` (quick profile, project cache, a
    repository URL so that its links are built)."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_PROFILE": "quick", "KB_REPO_URL": REPO_URL}
    env.pop("KB_EXECUTE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}")
    (site / ".build-log").write_text(result.stderr)
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served over HTTP on 127.0.0.1 (an ephemeral port)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def site_pages(site: Path) -> list[str]:
    """URL paths of every content page of both languages."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.relative_to(site).parent.as_posix()
        if rel.split("/")[0] in {"assets", "search"}:
            continue
        pages.append("/" if rel == "." else f"/{rel}/")
    return pages


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api as playwright_api

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser`")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    if not fonts.strip():
        pytest.fail("no Chinese font is installed, zh pages would render as boxes: run `make browser`")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()
