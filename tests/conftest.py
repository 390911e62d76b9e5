"""Shared fixtures: a scratch copy of the curated data to break in controlled ways."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hundred_models.data import paths

SEEDS = paths.seeds_dir()
HAVE_SEEDS = SEEDS.is_dir()
SKIP_NO_SEEDS = pytest.mark.skipif(
    not HAVE_SEEDS, reason=f"article texts not found at {SEEDS} (set {paths.SEEDS_ENV}); provenance cannot be checked")


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of data/raw."""
    target = tmp_path / "raw"
    target.mkdir()
    for path in paths.RAW_DIR.glob("*.csv"):
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the project with its clean data built, run with its own package (see tests/projects.py)."""
    from tests.projects import scratch_project

    return scratch_project(tmp_path)


def edit_csv(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a CSV, failing loudly if the text is not there (so a test cannot pass vacuously)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# ---------------------------------------------------------------- the site in a browser (see tests/browser.py)
@pytest.fixture(scope="session")
def server():
    from tests.browser import SITE, serve

    if not (SITE / "index.html").is_file():
        pytest.fail("site not built: run `make book` first")
    base, stop = serve(SITE)
    yield base
    stop()


@pytest.fixture(scope="session")
def browser():
    from tests.browser import CHROMIUM, LAUNCH_ARGS

    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium, or set HMW_CHROMIUM); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def visit(browser, server):
    """``visit(page_path)``: the results of the one visit to that page that all per-page browser tests share.

    The first call visits every page of the site at once (see :func:`tests.browser.visit_pages`).
    """
    from tests.browser import site_pages, visit_pages

    seen: dict[str, dict] = {}

    def result(page_path: str) -> dict:
        if page_path not in seen:
            seen.update(visit_pages(server, sorted(set(site_pages()) - set(seen) | {page_path})))
        return seen[page_path]

    return result


#: The slowest test files, slowest first (seconds on a 2-core machine running two workers, where the floor of
#: tools/bench.py measured 33 s: about 260, 110, 85, 80 and 50).
SLOW_FIRST = ("test_stale.py", "test_site.py", "test_exports.py", "test_chart_legibility.py", "test_refresh.py")


def pytest_collection_modifyitems(config, items):
    """The slowest files first, for ``pytest -n auto --dist loadfile --no-loadscope-reorder`` (``make test``).

    Workers take whole files (so a notebook's cells share one kernel, and the per-page browser checks, all in
    test_site.py, share one visit to each page) in the order collected; a long file started last would run alone
    at the end while the other worker waits (``--no-loadscope-reorder`` keeps this order: xdist would otherwise
    hand out the files with the most tests first). The sort is stable: within a file the order is the file's own.
    """
    def rank(item) -> int:
        return SLOW_FIRST.index(item.path.name) if item.path.name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)
