"""The whole report as one PDF (``make pdf``; ``make book`` writes it too): read back with poppler-utils.

Skipped, with the reason, where the PDF cannot be made (no Chromium) or read (no poppler-utils);
``.ci/run`` installs both, so CI always runs these.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from hundred_models.site.pdf import CHROMIUM, PDF_DIR, PDF_NAME, destinations
from tests.test_site import SITE

PDF = PDF_DIR / PDF_NAME
CHAPTER_PAGES = ["notebooks/01_history.html", "notebooks/02_players.html", "notebooks/03_vertical_models.html",
                 "notebooks/04_compute.html", "notebooks/05_policy.html"]


@pytest.fixture(scope="module")
def pdf():
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: the PDF is not made")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext, pdffonts, pdfinfo) not installed: the PDF cannot be read back")
    assert PDF.is_file(), f"{PDF} missing: run `make pdf` (or `make book`)"
    return PDF


def _run(*args) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _text(pdf, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first)] if first else []
    pages += ["-l", str(last)] if last else []
    return _run("pdftotext", "-raw", *pages, str(pdf), "-")  # content order: mixed scripts stay in reading order


def _flat(text: str) -> str:
    """Whitespace collapsed; a line broken after a hyphen ("medical-|record") read as one word, on both sides alike."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text.replace("\u00ad", ""))).strip()


def _pages(pdf) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M).group(1))


def test_pdf_is_offered_on_the_site(pdf):
    assert (SITE / PDF_NAME).read_bytes() == pdf.read_bytes()
    assert 'href="../hundred-model-war.pdf"' in (SITE / "book" / "intro.html").read_text(encoding="utf-8")


def test_pdf_page_count_and_page_numbers(pdf):
    pages = _pages(pdf)
    assert 15 <= pages <= 120, pages
    # every page carries "n / total" in its footer
    for n in (1, pages // 2, pages):
        assert re.search(rf"\b{n} / {pages}\b", _text(pdf, n, n)), f"page {n} has no page number"


def test_pdf_has_title_page_contents_and_every_part(pdf):
    first = _flat(_text(pdf, 1, 1))
    contents = _flat(_text(pdf, 2, 2))
    assert "The Hundred-Model War" in first and "百模大战" in first
    assert contents.startswith("Contents")
    for title in ("History", "Domestic players", "Vertical models", "Compute", "Policy", "Methods", "Data", "References"):
        assert title in contents, title
    assert "Figure gallery" not in contents  # the gallery repeats the chapters' figures: left out
    # the contents' page numbers are where the headings are
    stamp = json.loads((PDF_DIR / "inputs.json").read_text(encoding="utf-8"))["contents"]
    found = destinations(pdf)
    assert stamp and {k: found.get(k) for k in stamp} == stamp
    numbers = [int(n) for n in re.findall(r"(?<![\d/] )\b(\d{1,3})\b(?! /)", contents)]
    assert numbers[:len(stamp)] == list(stamp.values()) and numbers == sorted(numbers)


def test_pdf_embeds_a_chinese_font_and_chinese_is_text(pdf):
    fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
    cjk = [line for line in fonts if re.search(r"WenQuanYi|CJK|Hei|Song|Ming", line)]
    assert cjk, "\n".join(fonts)
    assert all(re.search(r"\byes\s+yes\s+yes\b", line) for line in cjk), cjk  # embedded, subset, with ToUnicode
    text = _text(pdf)
    assert "百模大战" in text and "文心一言" in text


def test_pdf_quotes_the_landing_pages_glued_numbers(pdf):
    """Each "At a glance" finding, with its glued numbers, reads the same in the PDF as on the site."""
    page = (SITE / "book" / "intro.html").read_text(encoding="utf-8")
    section = page[page.index('id="at-a-glance"'):page.index('id="how-to-read-this-report"')]
    items = re.findall(r"<li>(.*?)</li>", section, re.S)
    glued = re.findall(r'<span class="pasted-text">([^<]+)</span>', section)
    assert len(items) >= 5 and len(glued) >= 10
    text = _flat(_text(pdf))
    missing = []
    for item in items:
        sentence = _flat(html.unescape(re.sub(r"<[^>]+>", "", item)))
        if sentence not in text:
            missing.append(sentence[:80])
    assert missing == []


def _site_figures() -> list[tuple[str, str]]:
    out = []
    for page in CHAPTER_PAGES:
        text = (SITE / page).read_text(encoding="utf-8")
        for number, caption in re.findall(r'<span class="caption-number">(Fig\. \d+) </span>'
                                           r'<span class="caption-text">(.*?)</span>', text, re.S):
            out.append((number, " ".join(_flat(html.unescape(re.sub(r"<[^>]+>", "", caption))).split()[:6])))
    return out


def test_pdf_figure_numbers_are_the_sites(pdf):
    site = _site_figures()
    assert len(site) >= 10, site
    text = _flat(_text(pdf))
    in_pdf = [(m.group(1), " ".join(m.group(2).split()[:6])) for m in re.finditer(r"(Fig\. \d+) (\S+(?: \S+){5})", text)]
    assert in_pdf == site


def test_pdf_leaves_out_code_toggles_and_search_boxes(pdf):
    text = _text(pdf)
    for screen_only in ("Show code cell source", "Search this table", "from hundred_models", "entries per page"):
        assert screen_only not in text, screen_only


# The Chinese edition's PDF: printed from the Chinese pages, offered on the Chinese landing page.
ZH_PDF = PDF_DIR / PDF_NAME.replace(".pdf", ".zh.pdf")
ZH_SITE = SITE / "zh"


@pytest.fixture(scope="module")
def zh_pdf(pdf):
    assert ZH_PDF.is_file(), f"{ZH_PDF} missing: run `make book`"
    return ZH_PDF


def _heading(page) -> str:
    return _flat(html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1>(.*?)</h1>", page.read_text(encoding="utf-8"),
                                                                re.S).group(1)))).rstrip("#").strip()


def test_chinese_pdf_is_offered_on_the_chinese_landing_page(zh_pdf):
    assert (ZH_SITE / PDF_NAME).read_bytes() == zh_pdf.read_bytes()
    link = re.search(r'<a class="[^"]*hmw-pdf-link[^"]*" href="([^"]+)">([^<]+)</a>',
                     (ZH_SITE / "book" / "intro.html").read_text(encoding="utf-8"))
    assert link, "no PDF link on the Chinese landing page"
    assert link.group(1) == "../hundred-model-war.pdf" and (ZH_SITE / "book" / link.group(1)).resolve() == (
        ZH_SITE / PDF_NAME).resolve()
    assert re.search(r"[\u4e00-\u9fff]", link.group(2)) and "Download" not in link.group(2), link.group(2)


def test_chinese_pdf_is_in_chinese_with_the_chinese_contents_and_figure_numbers(zh_pdf):
    first, contents = _flat(_text(zh_pdf, 1, 1)), _flat(_text(zh_pdf, 2, 2))
    assert "百模大战" in first and "数据校验值" in first
    assert contents.startswith("目录")
    for page in CHAPTER_PAGES + ["book/methods.html", "book/references.html"]:
        assert _heading(ZH_SITE / page) in contents, page
    stamp = json.loads((PDF_DIR / "inputs.zh.json").read_text(encoding="utf-8"))["contents"]
    assert stamp and {k: destinations(zh_pdf).get(k) for k in stamp} == stamp
    text = _flat(_text(zh_pdf))
    # From the landing page to the last chapter the text is Chinese (model names, units and code aside).
    chapters = _flat(_text(zh_pdf, stamp["the-hundred-model-war"], stamp["methods"] - 1))
    han, latin = len(re.findall(r"[\u4e00-\u9fff]", chapters)), len(re.findall(r"[A-Za-z]", chapters))
    assert han > 4 * latin, (han, latin)
    figures = re.findall(r"图 (\d+) ", text)
    site = [n for page in CHAPTER_PAGES for n in re.findall(r'<span class="caption-number">图 (\d+) </span>',
                                                            (ZH_SITE / page).read_text(encoding="utf-8"))]
    assert len(site) >= 10 and all(n in figures for n in site)
    assert "The Hundred-Model War project" not in text and "Contents" not in contents
