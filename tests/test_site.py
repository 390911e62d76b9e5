"""The built site in a real browser: every page loads cleanly, offline, accessibly, and search works.

The pages are served from ``_build/html`` on 127.0.0.1 and opened in Debian's Chromium through
Playwright (``executable_path``; no browser download). ``.ci/run`` installs Chromium, fonts-noto-cjk
and, through ``make test``, axe-core, so CI always runs these; elsewhere they skip with the reason.
Screenshots of the landing page and a chapter are kept under ``_build/screenshots/`` for review.
"""
from __future__ import annotations

import functools
import html.parser
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from PIL import Image

from tests.browser import (AXE, CHROMIUM, SCREENSHOTS, SITE, WIDTH, open_page as _open, screenshot_name,  # noqa: F401
                           serve, site_pages, visit_pages)

#: Alt text that is really a file name or a content hash (myst-nb's default when none is given).
HASHED_ALT = re.compile(r"(^[0-9a-f]{16,}$)|(\.(png|jpe?g|svg|gif)$)|(_images/)", re.IGNORECASE)


#: What one page makes a reader download, at most (HTML, styles, scripts, fonts, every image).
PAGE_BUDGET = 1_500_000

#: Every page of the built site; when the site is missing, one placeholder so the page tests fail, not vanish.
PAGES = site_pages() or ["(site not built: run `make book`)"]
#: The theme chapters of both editions.
CHAPTERS = [p for p in PAGES if re.fullmatch(r"(zh/)?notebooks/[^/]+\.html", p)]
#: The content width charts are designed for (issue 14: about 720 px at the page's content width).
CHART_COLUMN = 720


def test_site_is_built():
    assert (SITE / "index.html").is_file(), f"{SITE} has no index.html: run `make book` first"
    assert not PAGES[0].startswith("("), PAGES
    assert len(PAGES) >= 12, PAGES


# ---------------------------------------------------------------- links (no browser needed)
class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.refs.append(a["href"])
        if tag in ("img", "script") and a.get("src"):
            self.refs.append(a["src"])
        if tag == "link" and a.get("href"):
            self.refs.append(a["href"])


@functools.lru_cache(maxsize=None)
def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves():
    if PAGES[0].startswith("("):
        pytest.fail("site not built: run `make book` first")
    broken = []
    for page in PAGES:
        source = SITE / page
        for ref in _parse(source).refs:
            url = urlparse(ref)
            if url.scheme in ("http", "https", "mailto", "data", "javascript") or ref.startswith("//"):
                continue
            target = (source.parent / unquote(url.path)).resolve() if url.path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page}: {ref} (no file)")
                continue
            if url.fragment and target.suffix == ".html" and url.fragment not in _parse(target).ids:
                broken.append(f"{page}: {ref} (no anchor)")
    assert broken == []


def test_no_page_loads_from_third_party_hosts_statically():
    """No script, stylesheet, image or font is referenced from another host (the browser test checks requests)."""
    offenders = []
    for page in PAGES:
        text = (SITE / page).read_text(encoding="utf-8")
        for m in re.finditer(r'<(script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//([^"/]+)', text):
            offenders.append(f"{page}: {m.group(0)[:120]}")
    assert offenders == []


# ---------------------------------------------------------------- in the browser (fixtures: tests/conftest.py)
@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_cleanly(visit, page_path):
    seen = visit(page_path)
    assert seen["errors"] == [], f"console errors on {page_path}"
    assert seen["outside"] == [], f"requests leaving 127.0.0.1 from {page_path}"
    broken = [i["src"] for i in seen["images"] if i["width"] == 0]
    assert broken == [], f"images that did not load on {page_path}"
    bad_alt = [(i["src"], i["alt"]) for i in seen["images"] if not (i["alt"] or "").strip() or HASHED_ALT.search(i["alt"])]
    assert bad_alt == [], f"images without real alt text on {page_path}"


@pytest.mark.parametrize("page_path", PAGES)
def test_page_has_no_serious_accessibility_violations(visit, page_path):
    if not AXE.is_file():
        pytest.skip(f"axe-core not installed at {AXE} (run `npm ci`); accessibility checks skipped")
    assert visit(page_path)["violations"] == []


@pytest.mark.parametrize("page_path", PAGES)
def test_page_weight_within_budget(visit, page_path):
    """Everything one page loads (HTML, styles, scripts, fonts and every image, lazy ones included)."""
    entries = visit(page_path)["weight"]
    total = sum(size for _, size in entries)
    top = ", ".join(f"{url.rsplit('/', 1)[-1][:40]} {size // 1000} kB" for url, size in sorted(entries, key=lambda e: -e[1])[:4])
    assert total <= PAGE_BUDGET, f"{page_path} loads {total / 1e6:.2f} MB ({top})"


@pytest.mark.parametrize("page_path", CHAPTERS)
def test_code_cells_are_folded(visit, page_path):
    with_code = [c for c in visit(page_path)["cells"] if c["input"]]
    assert len(with_code) >= 3, f"{page_path}: no code cells found"
    assert [c for c in with_code if c["shown"]] == [], f"{page_path}: code shown unfolded"


@pytest.mark.parametrize("page_path", CHAPTERS + [f"{edition}book/{page}.html" for edition in ("", "zh/")
                                                  for page in ("gallery", "intro")])
def test_charts_are_crisp_and_shown_at_their_width(visit, page_path):
    """At 1280 px a chart is shown at its design width or the full column (at least 720 px), never narrower, and
    has at least twice as many pixels as it takes CSS pixels (crisp on a high-density screen)."""
    charts = visit(page_path)["charts"]
    assert charts, f"{page_path}: no chart"
    for c in charts:
        want = min(c["design"] or CHART_COLUMN, CHART_COLUMN)
        assert c["shown"] >= want - 1, f"{c['src']}: shown {c['shown']:.0f} px, designed for {c['design']} px"
        assert c["natural"] >= 2 * c["shown"] - 1, f"{c['src']}: {c['natural']} px for {c['shown']:.0f} CSS px"


def test_a_visit_in_a_used_tab_fetches_all_its_page_loads(browser):
    """The shared visits go from page to page in a few tabs (see tests/browser.py). With the tab's cache off, a page
    visited after another that loads the same styles and scripts fetches them again, so the checks above see every
    request a first visit would make, one leaving the machine included."""
    requested: list[str] = []
    base, stop = serve(SITE, requested)
    try:
        visit_pages(base, ["book/intro.html", "notebooks/01_history.html"], width=390, tabs=1)
    finally:
        stop()
    assert requested[0] == "/book/intro.html" and "/notebooks/01_history.html" in requested
    second = requested[requested.index("/notebooks/01_history.html"):]
    first = requested[:len(requested) - len(second)]
    shared = {path for path in first if path.startswith("/_static/")}
    assert shared and shared <= set(second), f"fetched once only: {sorted(shared - set(second))}"


@pytest.mark.parametrize("width", [WIDTH, 390])
def test_no_page_overflows_sideways_and_screenshots(browser, server, visit, width):
    """The page never scrolls sideways (wide tables scroll in their own box); a screenshot of every page is kept.

    At 1280 px the shared visit measures and photographs each page; at 390 px every page is visited here.
    """
    seen = {p: visit(p) for p in PAGES} if width == WIDTH else visit_pages(server, PAGES, width)
    overflowing = []
    for page_path in PAGES:
        assert screenshot_name(page_path, width).is_file(), page_path
        if seen[page_path]["scroll"] > width:
            overflowing.append(f"{page_path}: {seen[page_path]['scroll']} px")
    assert overflowing == []


@pytest.mark.parametrize("edition, query", [("", "ERNIE"), ("", "文心"), ("zh/", "文心"), ("zh/", "算力")])
def test_search_finds_the_players_chapter(browser, server, edition, query):
    """Search works in both editions; the Chinese one indexes Chinese words (jieba), so 文心 finds the players chapter."""
    page, errors, _ = _open(browser, f"{server}/{edition}search.html?q={query}")
    try:
        page.wait_for_selector("ul.search li", timeout=15000)
        links = page.locator("ul.search li a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    finally:
        page.close()
    assert errors == [] and links, f"no results for {query!r} in {edition or 'the English edition'}"
    if query == "文心":
        assert any("02_players" in (href or "") for href in links), links


def test_screenshots_of_landing_page_and_a_chapter(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in (("landing", "index.html"), ("chapter-history", "notebooks/01_history.html")):
        page, _, _ = _open(browser, f"{server}/{path}")
        try:
            title = page.title()
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
        finally:
            page.close()
        assert "百模大战" in title or name != "landing", title
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
        with Image.open(SCREENSHOTS / f"{name}.png") as shot:
            colours = shot.convert("L").getextrema()
        assert shot.size == (1280, 900) and colours[1] - colours[0] > 100, f"{name}: the screenshot is blank"
