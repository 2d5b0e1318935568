"""The figures the snippets draw: how many each page shows (the same in both languages),
that every one is a transparent PNG of the book's one width, and that in the dark
(slate) scheme each figure still stands out from the page in a real browser."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.site.conftest import site_pages

# page (zh path; the en page is /en + path) -> figures it shows
FIGURES = {
    "/math/activations/": 1,
    "/math/gradient-descent/": 2,
    "/math/backprop/": 1,
    "/math/linear-regression/": 1,
    "/math/generalisation/": 2,
    "/math/losses/": 1,
    "/math/probability/": 1,
    "/math/evaluation/": 1,
    "/models/cnn/": 2,
    "/models/rnn/": 3,
    "/models/gan/": 2,
    "/models/vae/": 4,
    "/models/transformer/": 3,
    "/models/building-blocks/": 2,
    "/models/language-models/": 2,
    "/practice/digits/": 4,
    "/practice/pretrain-finetune/": 2,
}
PNG = re.compile(r'<img alt="[^"]*"[^>]* src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
PAGE_PX = (800, 940)  # 6 in at 150 dpi, cropped to the drawing: every figure is shown at the same scale


def _pngs(site: Path, path: str) -> list[Image.Image]:
    html = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    return [Image.open(io.BytesIO(base64.b64decode(data))) for data in PNG.findall(html)]


@pytest.mark.site
def test_figures_per_page_in_both_languages(built_site: Path) -> None:
    counts = {}
    for path in site_pages(built_site):
        counts[path] = len(_pngs(built_site, path))
    for path, n in counts.items():
        if not path.startswith("/en/"):
            assert counts.get("/en" + path, 0) == n, f"{path}: {n} figures in zh, {counts.get('/en' + path)} in en"
    shown = {path: n for path, n in counts.items() if n and not path.startswith("/en/")}
    assert shown == FIGURES


@pytest.mark.site
def test_every_figure_is_transparent_and_one_width(built_site: Path) -> None:
    problems = []
    for path in FIGURES:
        for i, image in enumerate(_pngs(built_site, path), start=1):
            if image.mode != "RGBA":
                problems.append(f"{path} figure {i}: mode {image.mode}, no transparency")
                continue
            corners = [image.getpixel(xy)[3] for xy in ((0, 0), (image.width - 1, 0), (0, image.height - 1))]
            if max(corners) != 0:
                problems.append(f"{path} figure {i}: opaque background (corner alpha {corners})")
            if not PAGE_PX[0] <= image.width <= PAGE_PX[1]:
                problems.append(f"{path} figure {i}: {image.width} px wide, not in {PAGE_PX}")
    assert problems == []


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api as playwright_api

    from sitebuild.chromium import ARGS, CHROMIUM

    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


def _visible_share(png: bytes, background: tuple[int, int, int]) -> float:
    """Share of pixels that differ clearly from the page background."""
    import numpy as np

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    return float((np.abs(pixels - np.array(background)).sum(axis=-1) > 90).mean())


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", [1280, 390])
def test_figures_stand_out_in_both_schemes(browser, site_url: str, built_site: Path, scheme: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if "127.0.0.1" in route.request.url or route.request.url.startswith("data:")
            else route.abort()
        ),
    )
    page = context.new_page()
    problems = []
    for path in ("/math/gradient-descent/", "/en/models/gan/", "/practice/digits/", "/en/models/transformer/"):
        page.goto(site_url + path, wait_until="load")
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        rgb = page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
        colour = rgb if rgb != "rgba(0, 0, 0, 0)" else page.evaluate("getComputedStyle(document.body).backgroundColor")
        background = tuple(int(v) for v in re.findall(r"\d+", colour)[:3])
        images = page.locator(".kb-run .kb-figure img")
        for i in range(images.count()):
            img = images.nth(i)
            img.scroll_into_view_if_needed()
            style = img.evaluate(
                "i => [getComputedStyle(i).backgroundColor, i.getBoundingClientRect().width, i.naturalWidth]"
            )
            if style[0] not in ("rgba(0, 0, 0, 0)", "transparent"):
                problems.append(f"{path} figure {i + 1}: CSS background {style[0]} hides the transparency")
            if not 0 < style[1] <= min(600, width):
                problems.append(f"{path} figure {i + 1}: shown {style[1]} px wide at a {width} px viewport")
            share = _visible_share(img.screenshot(), background)
            if share < 0.01:
                problems.append(f"{path} figure {i + 1}: only {share:.1%} of its pixels stand out on {background}")
    context.close()
    assert problems == []
