"""What the browser tests share: the served site, Chromium, and one visit per page for every per-page check.

Loading a page is the slow part of the browser tests (about a second each, on some 60 pages in two
editions), so each page is opened once at 1280 px and everything the per-page tests look at is
collected in that visit: console errors, requests leaving the machine, images, the bytes it loads,
whether it scrolls sideways, a screenshot, and axe-core's findings. The visits run a few tabs at a time
(:func:`visit_pages`). The fixtures are in conftest.py.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import urlparse

from hundred_models.data import paths

SITE = paths.PROJECT_ROOT / "_build" / "html"
SCREENSHOTS = paths.PROJECT_ROOT / "_build" / "screenshots"
CHROMIUM = Path(os.environ.get("HMW_CHROMIUM", "/usr/bin/chromium"))
AXE = paths.PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
WIDTH = 1280
#: Folders of the built site that hold assets, not pages.
SKIP_DIRS = ("_static", "_sources", "_downloads", "_images")

IMAGES_JS = """async () => {
  const imgs = Array.from(document.images);
  for (const img of imgs) { img.loading = 'eager'; try { await img.decode(); } catch (e) {} }
  return imgs.map(i => ({src: i.currentSrc || i.src, width: i.naturalWidth, alt: i.getAttribute('alt')}));
}"""

#: Everything the page loaded (HTML, styles, scripts, fonts, images, lazy ones included once IMAGES_JS made them eager).
WEIGHT_JS = """async () => {
  for (const img of document.images) { img.loading = 'eager'; try { await img.decode(); } catch (e) {} }
  await new Promise(r => setTimeout(r, 200));
  const nav = performance.getEntriesByType('navigation')[0];
  const entries = [[nav.name, nav.decodedBodySize]].concat(
    performance.getEntriesByType('resource').map(r => [r.name, r.decodedBodySize]));
  return entries;
}"""

AXE_JS = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
    .filter(v => v.impact === 'critical' || v.impact === 'serious')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # the browser closing a connection early is not an error
        pass


def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1; returns (base URL, a function that stops the server)."""
    srv = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}", srv.shutdown


def listen(page) -> tuple[list[str], list[str]]:
    """Lists that fill, as the page runs, with its console errors and the requests it sends off this machine."""
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
            and not r.url.startswith(("data:", "blob:")) else None)
    return errors, outside


def open_page(browser, url: str, width: int = WIDTH):
    """A fresh page at ``url``, with the console errors and outside requests it produced."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors, outside = listen(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, errors, outside


def site_pages() -> list[str]:
    """Every HTML page of the built site, as paths under it."""
    if not SITE.is_dir():
        return []
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not str(p.relative_to(SITE)).startswith(SKIP_DIRS))


def screenshot_name(page_path: str, width: int) -> Path:
    return SCREENSHOTS / f"{page_path.replace('/', '_').removesuffix('.html')}-{width}.png"


#: Tabs open at once. A visit is mostly waiting (loading, half a second of network quiet, decoding, a pause for late
#: requests), so a few tabs overlap the waits: the sixty-odd visits take a third of the time they take one by one.
CONCURRENT_PAGES = 4


async def _visit(browser, slots: asyncio.Semaphore, base: str, page_path: str, width: int) -> dict:
    """One visit: at 1280 px everything the per-page tests check; at other widths the sideways scroll and a screenshot."""
    full = width == WIDTH
    async with slots:
        page = await browser.new_page(viewport={"width": width, "height": 900})
        errors, outside = listen(page)
        try:
            await page.goto(f"{base}/{page_path}")
            await page.wait_for_load_state("networkidle")
            seen: dict = {}
            if full:
                seen["images"] = await page.evaluate(IMAGES_JS)
                seen["weight"] = await page.evaluate(WEIGHT_JS)
            seen["errors"], seen["outside"] = list(errors), list(outside)  # what the page did, before axe is added
            seen["scroll"] = await page.evaluate("() => document.documentElement.scrollWidth")
            await page.screenshot(path=str(screenshot_name(page_path, width)))
            if full:
                seen["violations"] = None
                if AXE.is_file():
                    await page.add_script_tag(path=str(AXE))
                    seen["violations"] = await page.evaluate(AXE_JS)
        finally:
            await page.close()
    return seen


def visit_pages(base: str, page_paths: list[str], width: int = WIDTH) -> dict[str, dict]:
    """Visit every page, a few tabs at a time, in a Chromium of its own; page path -> what the visit saw.

    Playwright's async API runs in a thread of its own: the session's sync browser owns this thread's event loop.
    """
    from playwright.async_api import async_playwright

    missing = [p for p in page_paths if not (SITE / p).is_file()]
    assert not missing, f"pages not in {SITE}: {missing}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async def visit_all() -> dict[str, dict]:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            try:
                slots = asyncio.Semaphore(CONCURRENT_PAGES)
                seen = await asyncio.gather(*(_visit(browser, slots, base, p, width) for p in page_paths))
            finally:
                await browser.close()
        return dict(zip(page_paths, seen))

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, visit_all()).result()
