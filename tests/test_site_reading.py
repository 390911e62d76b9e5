"""The site as a reader gets it: a light site, folded code, crisp charts, searchable data.

Uses the built site (``make book``) and, for the browser checks, the server and Chromium fixtures of
``tests/conftest.py`` (skipped without Chromium). The checks made on every page or every chapter (its weight,
folded code, crisp charts, that it never scrolls sideways, its screenshots at 1280 and 390 px) are in
``tests/test_site.py``, beside the other checks that share the one visit to each page.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from hundred_models.data import paths
from hundred_models.site import lighten
from hundred_models.site.refresh import FOLD_TAG, fold_code
from tests.test_site import PAGES, SITE, _open

#: Budgets from the issue: what one page makes a reader download, and the whole site.
SITE_BUDGET = 10_000_000
VENDORED = paths.PROJECT_ROOT / "book" / "static" / "vendor" / "datatables"
NODE = paths.PROJECT_ROOT / "node_modules"


# ---------------------------------------------------------------- without a browser
def test_committed_theme_notebooks_fold_every_code_cell():
    unfolded = []
    for path in sorted((paths.PROJECT_ROOT / "notebooks").glob("0*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        unfolded += [f"{path.name} cell {i}" for i, c in enumerate(nb.cells)
                     if c.cell_type == "code" and FOLD_TAG not in c.metadata.get("tags", [])]
    assert unfolded == [], "run `make refresh` (refresh tags code cells hide-input)"


def test_fold_code_tags_code_cells_and_leaves_removed_ones():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# t"), nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("y", metadata={"tags": ["remove-input"]}), nbformat.v4.new_code_cell("z")]
    assert fold_code(nb) == 2
    assert nb.cells[1].metadata["tags"] == ["parameters", FOLD_TAG]
    assert nb.cells[2].metadata["tags"] == ["remove-input"]
    assert fold_code(nb) == 0  # idempotent: a second refresh changes nothing


#: The Chinese edition shares its theme files, images and downloads with the English one; what it adds is its own
#: pages (about 1.7 MB) and its PDF (about 2.9 MB: the Chinese lettering of its vector charts is drawn as outlines).
CHINESE_EDITION_BUDGET = 5_000_000


@pytest.mark.parametrize("edition, budget", [("", SITE_BUDGET), ("zh", CHINESE_EDITION_BUDGET)],
                         ids=["english-edition", "chinese-edition"])
def test_whole_site_within_budget(edition, budget):
    """The English site (with its PDF) within 10 MB; the Chinese edition (with its PDF) adds at most 5 MB of its own."""
    assert (SITE / "index.html").is_file(), "site not built: run `make book` first"
    root = SITE / edition if edition else SITE
    assert root.is_dir(), root
    sizes = {p: p.stat().st_size for p in root.rglob("*")
             if p.is_file() and (edition or p.relative_to(SITE).parts[0] != "zh")}
    total = sum(sizes.values())
    biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    assert total <= budget, f"{root.relative_to(SITE.parent)} is {total / 1e6:.2f} MB; largest: " + ", ".join(
        f"{p.relative_to(SITE)} {s / 1e6:.2f} MB" for p, s in biggest)


def test_no_page_loads_fontawesome_js_and_charts_are_webp():
    offenders = []
    for page in PAGES:
        text = (SITE / page).read_text(encoding="utf-8")
        if "fontawesome.js" in text:
            offenders.append(f"{page}: fontawesome.js")
        offenders += [f"{page}: {m}" for m in re.findall(r'src="[^"]*_images/[^"]+\.png"', text)]
    assert offenders == []


def test_lighten_rewrites_images_and_can_fail(tmp_path):
    """A PNG chart becomes a lossless WebP with its size and lazy loading; identical copies are stored once."""
    from PIL import Image

    (tmp_path / "_images").mkdir()
    img = Image.new("RGB", (40, 20), "white")
    img.save(tmp_path / "_images" / "chart.png")
    img.save(tmp_path / "_images" / ("a" * 64 + ".png"))
    (tmp_path / "page.html").write_text(f'<a href="_images/chart.png"><img alt="x" src="_images/chart.png" /></a>'
                                        f'<img alt="y" src="_images/{"a" * 64}.png">', encoding="utf-8")
    lighten.webp_images(tmp_path)
    text = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert text.count("_images/chart.webp") == 3 and ".png" not in text
    assert 'width="20" height="10" loading="lazy"' in text
    assert sorted(p.name for p in (tmp_path / "_images").iterdir()) == ["chart.webp"]
    with Image.open(tmp_path / "_images" / "chart.webp") as back:
        assert back.size == (40, 20) and back.convert("RGB").getpixel((5, 5)) == (255, 255, 255)


def test_vendored_datatables_is_the_pinned_release():
    if not (NODE / "datatables.net").is_dir():
        pytest.skip("node_modules/datatables.net missing (run `npm ci`); vendored copy not compared")
    pairs = [(VENDORED / "dataTables.min.js", NODE / "datatables.net" / "js" / "dataTables.min.js"),
             (VENDORED / "dataTables.dataTables.min.css", NODE / "datatables.net-dt" / "css" / "dataTables.dataTables.min.css")]
    assert [a.read_bytes() == b.read_bytes() for a, b in pairs] == [True, True]


# ---------------------------------------------------------------- in the browser
def test_data_tables_search_sort_and_filter(browser, server):
    page, errors, outside = _open(browser, f"{server}/book/data.html")
    try:
        page.wait_for_selector("#table-claims table.dataTable tbody tr", timeout=15000)
        names = page.evaluate("() => Array.from(document.querySelectorAll('div.hmw-datatable')).map(d => d.id)")
        info = lambda name: page.locator(f"#table-{name} .dt-info").inner_text()  # noqa: E731
        total = info("claims")
        headers = page.locator("#table-claims thead th").all_inner_texts()
        # search
        page.locator("#table-claims input[type=search]").fill("ERNIE")
        page.wait_for_timeout(300)
        searched = info("claims")
        page.locator("#table-claims input[type=search]").fill("")
        # filter (the Kind drop-down)
        kind = page.locator("#table-claims .hmw-filters label", has_text="Kind").locator("select")
        kind.select_option("date")
        page.wait_for_timeout(300)
        kinds = set(page.locator("#table-claims tbody tr td:nth-child(5)").all_inner_texts())
        kind.select_option("")
        # sort by a numeric column (sizes written as words), largest first
        header = page.locator("#table-models thead th", has_text="Parameters (used)")
        header.click()
        page.wait_for_timeout(300)  # DataTables redraws after the click's event loop turn
        header.click()
        page.wait_for_timeout(300)
        sizes = page.locator("#table-models tbody tr td:nth-child(6)").all_inner_texts()
        # long text opens in a details row
        more = page.locator("#table-disagreements button.hmw-more").first
        more.click()
        page.wait_for_timeout(200)
        details = page.locator("#table-disagreements dl.hmw-details").first.inner_text()
        expanded = more.get_attribute("aria-expanded")
    finally:
        page.close()
    assert names == ["table-claims", "table-models", "table-facts", "table-disagreements"]
    assert errors == [] and outside == []
    assert not [h for h in headers if re.fullmatch(r"[a-z]+(_[a-z]+)+", h)], headers
    assert "filtered from" in searched and searched != total
    assert kinds == {"date"}
    assert expanded == "true" and "What we did" in details and len(details) > 40, details
    assert "trillion" in sizes[0] and "million" in sizes[-1] or "billion" in sizes[-1], sizes


def test_landing_page_offers_the_pdf():
    text = (SITE / "book" / "intro.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*hundred-model-war\.pdf)"', text)
    assert links, "no link to the PDF on the landing page"
    target = (SITE / "book" / links[0]).resolve()
    if not target.is_file() and shutil.which("chromium") is None and not Path("/usr/bin/chromium").is_file():
        pytest.skip("no Chromium: the PDF is not made, so the landing page's link has no target")
    assert target.is_file() and target.stat().st_size > 100_000, target


def test_the_icon_font_keeps_the_glyphs_the_theme_draws_through_variables():
    """The download arrow before every file link (and the admonitions' icons) are drawn from CSS variables; the cut-down
    icon font must still have them, or the links show an empty underlined box."""
    from fontTools.ttLib import TTFont

    css = (SITE / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    wanted = {ord(c) for v in re.findall(r'--pst-icon-(?:download|admonition-note):\s*"([^"]*)"', css)
              for c in lighten._decode_content(v)}
    assert wanted, "the theme no longer defines --pst-icon-download"
    fonts = sorted((SITE / "_static" / "vendor" / "fontawesome" / "webfonts").glob("fa-solid-900*.woff*"))
    assert fonts, "no solid icon font"
    assert wanted <= set(TTFont(fonts[0]).getBestCmap()), f"missing glyphs {sorted(hex(c) for c in wanted)}"
