"""The Chinese edition: the same book, its chapters executed with ``lang="zh"``, its prose from gettext catalogues.

English is the source. The Chinese edition is built from a mirror of the book's sources under
``_build/zh-src``: the same pages, with the parameters cell of each theme notebook and of each book page
that runs code (methods, data, gallery, reproduce) set to ``lang = "zh"`` (so charts, tables, dictionaries
and glued phrases come out in Chinese) and the configuration switched to
``language: zh_CN`` with the catalogues in ``locales/``. Files in the mirror are rewritten only when
their content changes, so Sphinx's incremental build and the execution records work there exactly
as in the English edition. The HTML goes to ``_build/html/zh/``; files identical in both editions
(theme assets, data downloads) are shared rather than copied.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from ..data import paths
from ..data.files import atomic_write
from . import pages

LANGUAGE = "zh_CN"
ZH_SOURCE = paths.PROJECT_ROOT / "_build" / "zh-src"
LOCALES_DIR = paths.PROJECT_ROOT / "locales"
PARAMETER_LINE = 'lang = "en"'


class EditionError(RuntimeError):
    """The Chinese mirror could not be made (a notebook without the expected parameters cell, say)."""


#: A chart shown by a page's markdown (the landing page's): the Chinese edition shows the Chinese drawing.
CHART_IMAGE = re.compile(r"\b(figures/[a-z0-9-]+)\.(png|svg)\b")


def _write_if_changed(target: Path, content: bytes) -> bool:
    if target.is_file() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, content)
    return True


def chinese_notebook(text: str, name: str, charts: bool = False) -> str:
    """A notebook's JSON (a chapter or a book page that runs code) with its parameters cell set to Chinese; an
    error if the cell is not as expected.

    With ``charts``, each chart cell's alt text is also written again in Chinese from the current data: the
    committed chapters carry the English one, set when they were refreshed, and a figure's alt text is
    cell metadata, not an output the Chinese run could replace. (Captions are prose: the catalogues translate them.)
    """
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    if len(cells) != 1 or PARAMETER_LINE not in cells[0].source:
        raise EditionError(f"{name}: expected one cell tagged 'parameters' containing {PARAMETER_LINE!r}")
    cells[0].source = cells[0].source.replace(PARAMETER_LINE, 'lang = "zh"')
    if charts:
        from ..report.params import validate
        from .refresh import set_figure_metadata

        set_figure_metadata(nb, validate({"lang": "zh"}))
    return nbformat.writes(nb) + "\n"


def chinese_config(text: str) -> str:
    config = yaml.safe_load(text)
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = LANGUAGE
    sphinx["locale_dirs"] = [str(LOCALES_DIR)]
    sphinx["gettext_compact"] = False
    config["title"] = "百模大战（The Hundred-Model War）"
    config["author"] = "百模大战项目"
    config.setdefault("html", {})["extra_footer"] = (
        "数据：来源登记表中的五篇2023年文章，以及 Epoch AI（epoch.ai），CC BY 4.0。文字与整理的数据：CC BY 4.0。")
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def chinese_bibliography(sources_csv: Path) -> str:
    """The references in their Chinese form, built from the source register: 方文三, 红星新闻, 《环球》杂志 …

    The keys are those of book/references.bib, so every citation in the pages resolves in both editions.
    """
    import csv

    entries = []
    with open(sources_csv, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = "src" + row["source_id"][:3]
            title = row["title_zh"] or f"（原文无标题，{row['outlet_short_zh']}文章）"
            parts = row["published"].split("-")
            author = row["author"] or "{" + row["outlet_short_zh"] + "}"  # an outlet as author: one name, not split
            year = "".join(f"{int(v)}{u}" for v, u in zip(parts, ("年", "月", "日")))
            fields = {"author": "{" + author + "}", "title": "{{" + title + "}}",
                      "howpublished": "{" + row["outlet"] + "}", "year": year,
                      "note": "{本报告文章登记表编号 " + row["source_id"][:3] + ("；发表日期系推断" if row["date_inferred"] == "true"
                                                                          else "") + "}",
                      "language": "{chinese}"}
            body = ",\n".join(f"  {name:<12} = {{{value}}}" if not value.startswith("{") else f"  {name:<12} = {value}"
                               for name, value in fields.items())
            entries.append(f"@misc{{{key},\n{body}\n}}\n")
    entries.append("@misc{epoch2026,\n  author       = {{Epoch AI}},\n  title        = {{重要AI模型数据（Data on Notable AI "
                   "Models）}},\n  howpublished = {\\url{https://epoch.ai/data/notable-ai-models}},\n  year         = {2026},\n"
                   "  note         = {2026年1月26日访问；CC BY 4.0许可},\n}\n")
    return "\n".join(entries)


def mirror(root: Path | None = None, target: Path | None = None) -> list[str]:
    """Bring ``_build/zh-src`` up to date with the book's sources; returns the files that changed."""
    root = Path(root or paths.PROJECT_ROOT)
    target = Path(target or ZH_SOURCE)
    changed = []
    wanted: set[Path] = set()

    def put(rel: str, content: bytes) -> None:
        wanted.add(target / rel)
        if _write_if_changed(target / rel, content):
            changed.append(rel)

    put("_config.yml", chinese_config((root / "_config.yml").read_text(encoding="utf-8")).encode("utf-8"))
    put("_toc.yml", (root / "_toc.yml").read_bytes())
    executed = {f"book/{name}.ipynb" for name in pages.BOOK_PAGES}
    for path in sorted((root / "book").rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and "figures" not in rel.parts and ".ipynb_checkpoints" not in rel.parts:
            content = path.read_bytes()
            if rel.as_posix() == "book/references.bib":
                content = chinese_bibliography(root / "data" / "raw" / "sources.csv").encode("utf-8")
            elif rel.as_posix() in executed:
                content = chinese_notebook(content.decode("utf-8"), rel.as_posix()).encode("utf-8")
            elif path.suffix == ".md":
                content = CHART_IMAGE.sub(r"\1.zh.\2", content.decode("utf-8")).encode("utf-8")
            put(str(rel), content)
    for name in pages.THEME_NOTEBOOKS:
        rel = f"notebooks/{name}.ipynb"
        put(rel, chinese_notebook((root / rel).read_text(encoding="utf-8"), rel, charts=True).encode("utf-8"))
    links = {target / "book" / "figures": paths.FIGURES_DIR, target / "data" / "clean": paths.CLEAN_DIR}
    for link, source in links.items():  # generated files the pages show or offer, shared rather than copied
        if not link.is_symlink():
            shutil.rmtree(link, ignore_errors=True)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(source, target_is_directory=True)
    for path in list(target.rglob("*")):  # sources removed from the book leave the mirror too
        if path.is_file() and not path.is_symlink() and "_build" not in path.relative_to(target).parts \
                and not any(link in path.parents for link in links) and path not in wanted:
            path.unlink()
            changed.append(str(path.relative_to(target)))
    return changed


#: Folders of a built edition that hold files rather than pages: theme assets, images, downloads.
ASSET_FOLDERS = ("_static", "_images", "_downloads")


def share_identical_files(en_html: Path, zh_html: Path) -> int:
    """Point the Chinese pages at the English edition's copy of every asset with the same bytes; returns bytes saved.

    Theme files, the English-language figures and the data downloads are the same in both editions; keeping one
    copy halves the site. Files only the Chinese edition has (its search index, its translations) stay.
    """
    from ..data.files import sha256_file

    english = {}
    for folder in ASSET_FOLDERS:
        for path in sorted((en_html / folder).rglob("*")):
            if path.is_file():
                english.setdefault((path.stat().st_size, sha256_file(path)), path.relative_to(en_html).as_posix())
    shared = {}
    for folder in ASSET_FOLDERS:
        for path in sorted((zh_html / folder).rglob("*")):
            if path.is_file():
                twin = english.get((path.stat().st_size, sha256_file(path)))
                if twin is not None:
                    shared[path.relative_to(zh_html).as_posix()] = twin
    if not shared:
        return 0
    for page in zh_html.rglob("*.html"):
        up = "../" * (len(page.relative_to(zh_html).parts) - 1)
        text = page.read_text(encoding="utf-8")
        new = text
        for rel, twin in shared.items():
            new = new.replace(f'"{up}{rel}', f'"{up}../{twin}')
        if new != text:
            page.write_text(new, encoding="utf-8")
    saved = 0
    for rel in shared:
        path = zh_html / rel
        saved += path.stat().st_size
        path.unlink()
    return saved


def point_missing_to_english(en_html: Path, zh_html: Path) -> int:
    """Links in Chinese pages to files only the English edition has (the report's PDF) go to the English copy."""
    import re

    changed = 0
    for page in zh_html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")

        def fix(match: re.Match) -> str:
            ref = match.group(2)
            if ref.startswith(("http", "#", "mailto:", "data:")) or (page.parent / ref.split("#")[0]).exists():
                return match.group(0)
            up = "../" * (len(page.relative_to(zh_html).parts) - 1)
            rest = ref[len(up):] if ref.startswith(up) else None
            if rest is not None and (en_html / rest.split("#")[0]).is_file():
                return f'{match.group(1)}="{up}../{rest}"'
            return match.group(0)

        new = re.sub(r'(href|src)="([^"]+)"', fix, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
