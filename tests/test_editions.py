"""Two editions from one source: the Chinese mirror, the language switch, shared files, complete catalogues."""
from __future__ import annotations

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
