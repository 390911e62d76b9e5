"""Two editions from one source: the Chinese mirror, the language switch, shared files, complete catalogues."""
from __future__ import annotations

import html.parser
import re

import pytest

from hundred_models.data import paths
from hundred_models.site import editions, pages
from hundred_models.site.sphinxext import language_switch

SITE = paths.PROJECT_ROOT / "_build" / "html"


def test_the_mirror_runs_the_chapters_in_chinese(tmp_path):
    changed = editions.mirror(target=tmp_path / "zh")
    assert "notebooks/02_players.ipynb" in changed and "_config.yml" in changed
    executed = [f"notebooks/{name}.ipynb" for name in pages.THEME_NOTEBOOKS] + [f"book/{name}.ipynb" for name in pages.BOOK_PAGES]
    for rel in executed:  # the chapters and the book pages that run code (gallery, methods, data, reproduce)
        text = (tmp_path / "zh" / rel).read_text(encoding="utf-8")
        assert 'lang = \\"zh\\"' in text and 'lang = \\"en\\"' not in text, rel
    assert "language: zh_CN" in (tmp_path / "zh" / "_config.yml").read_text(encoding="utf-8")
    assert editions.mirror(target=tmp_path / "zh") == []  # unchanged sources are not rewritten (Sphinx stays incremental)


def test_a_notebook_without_its_parameters_cell_is_refused():
    with pytest.raises(editions.EditionError, match="parameters"):
        editions.chinese_notebook('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', "x.ipynb")


@pytest.mark.parametrize("page, language, href", [
    ("book/intro", "en", "../zh/book/intro.html"), ("book/intro", "zh_CN", "../../book/intro.html"),
    ("index", "en", "zh/index.html")])
def test_language_switch_points_at_the_same_page(page, language, href):
    assert f'href="{href}"' in language_switch(page, language)


def _pages(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html")
                  if not p.relative_to(root).as_posix().startswith(("_", "zh/")))


def test_every_english_page_has_a_chinese_page_and_both_link_to_each_other():
    assert (SITE / "zh" / "book" / "intro.html").is_file(), "run `make book` first"
    english = [p for p in _pages(SITE) if p not in ("index.html", "search.html", "genindex.html")]
    assert len(english) >= 11
    for page in english:
        en = (SITE / page).read_text(encoding="utf-8")
        zh_path = SITE / "zh" / page
        assert zh_path.is_file(), page
        zh = zh_path.read_text(encoding="utf-8")
        assert 'lang="zh-CN"' in zh.split(">", 2)[1] or '<html lang="zh-CN"' in zh
        up = "../" * page.count("/")
        assert f'href="{up}zh/{page}"' in en, page
        assert f'href="{up}../{page}"' in zh, page


def test_shared_files_resolve_from_the_chinese_pages():
    missing = []
    for page in (SITE / "zh").rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if ref.startswith(("http", "mailto:", "data:")) or not ref.strip():
                continue
            if not (page.parent / ref).resolve().exists():
                missing.append(f"{page.relative_to(SITE)} -> {ref}")
    assert missing == []


def test_links_to_files_only_english_has_point_at_the_english_copy(tmp_path):
    en, zh = tmp_path / "html", tmp_path / "html" / "zh"
    (zh / "book").mkdir(parents=True)
    (en / "only-english.pdf").write_bytes(b"%PDF")
    (zh / "both.pdf").write_bytes(b"%PDF")
    (zh / "book" / "intro.html").write_text('<a href="../only-english.pdf">a</a> <a href="../both.pdf">b</a> '
                                           '<a href="../missing.pdf">c</a>', encoding="utf-8")
    assert editions.point_missing_to_english(en, zh) == 1
    assert (zh / "book" / "intro.html").read_text(encoding="utf-8") == (
        '<a href="../../only-english.pdf">a</a> <a href="../both.pdf">b</a> <a href="../missing.pdf">c</a>')

# ---------------------------------------------------------------- the book pages that run code, in Chinese
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
#: Elements whose text is the page's main text (table bodies are data: ids, names, the data's English notes).
TEXT_TAGS = ("h1", "h2", "h3", "h4", "p", "li", "figcaption", "caption", "th", "dt")


class _Blocks(html.parser.HTMLParser):
    """The article's text blocks and image alt texts; code, scripts and table bodies left out."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.headers: list[str] = []
        self.alts: list[tuple[str, str]] = []
        self._open: list[list[str]] = []
        self._skip = 0
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "bd-article" in (a.get("class") or ""):
            self._in_article = True
        if not self._in_article:
            return
        if tag in ("script", "style", "code", "pre", "td", "noscript"):
            self._skip += 1
        elif tag == "img":
            self.alts.append((a.get("src", ""), a.get("alt", "")))
        elif tag in TEXT_TAGS and not self._skip:
            self._open.append([tag])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        if not self._in_article:
            return
        if tag in ("script", "style", "code", "pre", "td", "noscript") and self._skip:
            self._skip -= 1
        elif tag in TEXT_TAGS and self._open and self._open[-1][0] == tag:
            text = " ".join("".join(self._open.pop()[1:]).split())
            if text:
                self.blocks.append(text)
                if tag == "th":
                    self.headers.append(text)

    def handle_data(self, data):
        if self._open and not self._skip:
            self._open[-1].append(data)


def english_blocks(text: str) -> list[str]:
    """Blocks of main text with no Chinese and three or more Latin words: English where the page should be Chinese.

    Latin names, units and code are allowed: a block of a few Latin words ("Epoch AI", "PNG", "CC BY 4.0") passes.
    """
    parser = _Blocks()
    parser.feed(text)
    return [b for b in parser.blocks if not CJK.search(b) and len(LATIN_WORD.findall(b)) >= 3]


def _built(page: str) -> str:
    path = SITE / "zh" / "book" / f"{page}.html"
    if not path.is_file():
        pytest.fail(f"{path} missing: run `make book` first")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", pages.BOOK_PAGES)
def test_the_chinese_book_pages_main_text_is_chinese(page):
    """Headings, paragraphs, captions, table headers and alt texts of the executed book pages are Chinese."""
    text = _built(page)
    parser = _Blocks()
    parser.feed(text)
    assert len(parser.blocks) > 10, page
    assert english_blocks(text) == [], page
    assert [h for h in parser.headers if not CJK.search(h)] == [], f"{page}: table headers not in Chinese"
    assert [alt for _, alt in parser.alts if not CJK.search(alt)] == [], page
    chinese = sum(len(CJK.findall(b)) for b in parser.blocks)
    latin = sum(len(w) for b in parser.blocks for w in LATIN_WORD.findall(b))
    assert chinese > latin, f"{page}: {chinese} Chinese characters against {latin} Latin letters"


@pytest.mark.parametrize("name", pages.THEME_NOTEBOOKS)
def test_the_chinese_chapters_charts_have_chinese_alt_texts(name):
    """A chart's alt text is cell metadata set in English when the chapter is refreshed; the mirror writes it in Chinese."""
    path = SITE / "zh" / "notebooks" / f"{name}.html"
    if not path.is_file():
        pytest.fail(f"{path} missing: run `make book` first")
    parser = _Blocks()
    parser.feed(path.read_text(encoding="utf-8"))
    charts = [alt for src, alt in parser.alts if "_images/" in src]
    assert charts, name
    for alt in charts:
        latin = sum(len(w) for w in LATIN_WORD.findall(alt))
        assert len(CJK.findall(alt)) > latin, f"{name}: {alt[:120]}"


def test_the_chinese_gallery_shows_the_chinese_charts():
    from hundred_models.report.charts.registry import chart_names, get_chart

    text = _built("gallery")
    parser = _Blocks()
    parser.feed(text)
    charts = [src for src, _ in parser.alts if "_images/" in src or "figures/" in src]
    assert len(charts) == len(chart_names()), charts
    assert all(re.search(r"\.zh\.(png|webp)$", src) for src in charts), charts  # the site serves PNGs as WebP
    for name in chart_names():
        chart = get_chart(name)
        assert chart.title["zh"] in text and chart.caption["zh"] in text and chart.citation("zh") in text, name
        assert f"{name}.png" in text  # the English version is offered as a download


def test_the_english_check_sees_english_text():
    page = ('<article class="bd-article"><h2>历史</h2><p>Every chart in the report, with its caption.</p>'
            '<p>Epoch AI</p><table><tr><th>说法</th></tr><tr><td>Long English notes are data, not text</td></tr>'
            '</table><pre>python -m hundred_models figures</pre></article>')
    assert english_blocks(page) == ["Every chart in the report, with its caption."]


def test_no_chinese_page_shows_an_english_chart():
    """Charts drawn in English are offered as downloads in the Chinese edition, never shown (the landing page's too)."""
    from hundred_models.report.charts.registry import chart_names

    english = re.compile(r'<img[^>]+src="[^"]*/(' + "|".join(chart_names()) + r')\.(png|webp|svg)"')
    zh = SITE / "zh"
    if not (zh / "index.html").is_file():
        pytest.fail(f"{zh} missing: run `make book` first")
    shown = [(p.relative_to(zh).as_posix(), m.group(1)) for p in sorted(zh.rglob("*.html"))
             for m in english.finditer(p.read_text(encoding="utf-8"))]
    assert shown == []
