"""What the browser tests share: the served site, Chromium, and one visit per page for every per-page check.

Loading a page is the slow part of the browser tests (about a second each, on some 60 pages in two
editions), so each page is opened once at 1280 px and everything the per-page tests look at is
collected in that visit: console errors, requests leaving the machine, images, the bytes it loads,
whether its code is folded and its charts are crisp, whether it scrolls sideways, a screenshot, and
axe-core's findings. The visits share a few tabs, each going from page to page with its cache off
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

#: Each code cell: whether it has its input, and whether a reader sees that input without unfolding it.
CELLS_JS = """() => Array.from(document.querySelectorAll('.cell')).map(cell => {
  const input = cell.querySelector('.cell_input');
  const details = input && input.closest('details');
  return {input: !!input, shown: !!input && (input.checkVisibility() || !details || details.open)};
})"""

#: Each image in the article (once IMAGES_JS has decoded it): its width on the page, its pixels, its designed width.
CHARTS_JS = """() => Array.from(document.querySelectorAll('.bd-article img')).map(img => ({
  src: img.currentSrc, shown: img.getBoundingClientRect().width, natural: img.naturalWidth,
  design: parseInt(img.getAttribute('width') || '0', 10)}))"""

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

    def send_head(self):
        if self.server.requested is not None:
            self.server.requested.append(urlparse(self.path).path)
        return super().send_head()


class _QuietServer(http.server.ThreadingHTTPServer):
    requested: list[str] | None = None

    def handle_error(self, request, client_address):  # the browser closing a connection early is not an error
        pass


def serve(directory: Path, requested: list[str] | None = None):
    """Serve ``directory`` on 127.0.0.1; returns (base URL, a function that stops the server).

    ``requested``, if given, fills with the path of every request the server answers.
    """
    srv = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    srv.requested = requested
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


#: Tabs open at once. A visit is partly waiting (loading, half a second of network quiet, decoding, a pause for late
#: requests), so a few tabs overlap the waits.
CONCURRENT_PAGES = 4


async def _visit(page, events: tuple[list[str], list[str]], base: str, page_path: str, width: int) -> dict:
    """One visit: at 1280 px everything the per-page tests check; at other widths the sideways scroll and a screenshot."""
    full = width == WIDTH
    errors, outside = events
    errors.clear()
    outside.clear()
    await page.goto(f"{base}/{page_path}")
    await page.wait_for_load_state("networkidle")
    seen: dict = {}
    if full:
        seen["images"] = await page.evaluate(IMAGES_JS)
        seen["cells"] = await page.evaluate(CELLS_JS)
        seen["charts"] = await page.evaluate(CHARTS_JS)
        seen["weight"] = await page.evaluate(WEIGHT_JS)
    seen["errors"], seen["outside"] = list(errors), list(outside)  # what the page did, before axe is added
    seen["scroll"] = await page.evaluate("() => document.documentElement.scrollWidth")
    await page.screenshot(path=str(screenshot_name(page_path, width)))
    if full:
        seen["violations"] = None
        if AXE.is_file():
            await page.add_script_tag(path=str(AXE))
            seen["violations"] = await page.evaluate(AXE_JS)
    return seen


async def _tab(browser, width: int):
    """A tab for one visit after another, its cache off: every visit fetches (and counts) all that its page loads, as a
    first visit does.

    Chromium spends more on opening a tab (a new renderer process) than on a visit in an open one: with the site's
    pages about three times more processor time, so the visits share a few tabs instead of one each.
    """
    page = await browser.new_page(viewport={"width": width, "height": 900})
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    return page


def visit_pages(base: str, page_paths: list[str], width: int = WIDTH, tabs: int = CONCURRENT_PAGES) -> dict[str, dict]:
    """Visit every page, a few tabs at a time, in a Chromium of its own; page path -> what the visit saw.

    Playwright's async API runs in a thread of its own: the session's sync browser owns this thread's event loop.
    """
    from playwright.async_api import async_playwright

    missing = [p for p in page_paths if not (SITE / p).is_file()]
    assert not missing, f"pages not in {SITE}: {missing}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    waiting = list(page_paths)
    seen: dict[str, dict] = {}

    async def visit_some(browser) -> None:
        page = await _tab(browser, width)
        events = listen(page)
        try:
            while waiting:
                page_path = waiting.pop(0)
                seen[page_path] = await _visit(page, events, base, page_path, width)
        finally:
            await page.close()

    async def visit_all() -> None:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            try:
                await asyncio.gather(*(visit_some(browser) for _ in range(min(tabs, len(waiting)))))
            finally:
                await browser.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, visit_all()).result()
    return {page_path: seen[page_path] for page_path in page_paths}
