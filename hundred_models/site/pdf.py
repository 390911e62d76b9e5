"""The whole report as one PDF, printed by the Chromium the browser tests use (no LaTeX).

``python -m hundred_models.site.pdf`` (``make pdf``; ``make book`` runs it too) writes
``_build/pdf/hundred-model-war.pdf`` and, from the Chinese edition, ``hundred-model-war.zh.pdf``,
and copies each into its edition of the site (``_build/html/hundred-model-war.pdf`` and
``_build/html/zh/hundred-model-war.pdf``), where the landing page offers it:

1. Sphinx's ``singlehtml`` builder puts the whole book on one page, into ``_build/singlehtml``
   with its own doctrees; the notebooks' outputs come from the execution cache the site build
   filled, so nothing runs again. Its figure numbers are the site's (Sphinx numbers both alike).
2. Playwright opens that page in Chromium, adds the print stylesheet (``pdf.css``: A4, chapters
   on new pages, no site navigation, folded code and the parts made for clicking left out), a
   title page and a table of contents, and prints it with page numbers in the footer and the
   headings as PDF bookmarks. Chinese text is set in Noto Sans CJK (Debian's fonts-noto-cjk),
   which Chromium embeds as a subset, so it shows and copies as text.
3. The table of contents gets its page numbers from a first print: Chromium writes a named
   destination for every heading the contents link to, and ``pdfinfo -dests`` (poppler-utils)
   says on which page each lies. The second print, of the page as it is still loaded, differs only in those numbers.

The PDF is made again only when what it is printed from changed (the site's pages and images,
this module and its stylesheet), so a build that changes nothing stays fast.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..data import paths

BUILD_DIR = paths.PROJECT_ROOT / "_build"
#: The PDF's name in each edition's folder of the site (the English at the root, the Chinese under zh/).
PDF_NAME = "hundred-model-war.pdf"
PDF_DIR = BUILD_DIR / "pdf"
SINGLE_DIR = BUILD_DIR / "singlehtml"


@dataclass(frozen=True)
class Edition:
    """Where one edition's PDF is printed from and where it goes."""

    lang: str
    source: Path  # the book's root (the project, or the Chinese mirror)
    html: Path  # that book's own HTML build, whose content decides whether to print again
    site: Path  # the edition's folder of the published site, where the PDF is offered
    pdf: Path
    single: Path  # the singlehtml build

    @property
    def stamp(self) -> Path:
        return self.pdf.with_name("inputs.json" if self.lang == "en" else f"inputs.{self.lang}.json")


def edition(lang: str) -> Edition:
    if lang == "en":
        return Edition("en", paths.PROJECT_ROOT, BUILD_DIR / "html", BUILD_DIR / "html", PDF_DIR / PDF_NAME, SINGLE_DIR)
    from .editions import ZH_SOURCE

    return Edition(lang, ZH_SOURCE, ZH_SOURCE / "_build" / "html", BUILD_DIR / "html" / lang,
                   PDF_DIR / PDF_NAME.replace(".pdf", f".{lang}.pdf"), ZH_SOURCE / "_build" / "singlehtml")

PRINT_CSS = Path(__file__).with_name("pdf.css")
CHROMIUM = Path(os.environ.get("HMW_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
#: Sections of the site that exist to be clicked, searched or downloaded; the PDF leaves them out.
SCREEN_ONLY = ("document-book/gallery", "search-the-tables", "data-dictionary", "the-curated-inputs")
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:sans-serif;">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')

_SINGLEHTML = """
import sys
from pathlib import Path
from jupyter_book.sphinx import build_sphinx
root, out = Path(sys.argv[1]), Path(sys.argv[2])
sys.exit(build_sphinx(root, out, noconfig=True, path_config=str(root / "_config.yml"),
                      confoverrides={"external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False},
                      doctreedir=out.parent / ".doctrees-singlehtml", builder="singlehtml",
                      warningiserror=True, keep_going=True))
"""

#: Adds the title page and the table of contents (entries: the landing page, then every page's title).
_FRONT_MATTER = """(info) => {
  const article = document.querySelector('article.bd-article');
  const entries = [];
  const first = article.querySelector('section h1');
  if (first) entries.push({id: first.closest('section').id, text: info.overview});
  for (const marker of article.querySelectorAll('span[id^="document-"]')) {
    const section = marker.nextElementSibling;
    if (!section || section.tagName !== 'SECTION' || info.skip.includes(marker.id)) continue;
    const heading = section.querySelector('h1, h2');
    entries.push({id: section.id, text: heading.textContent.replace(/#$/, '').trim()});
  }
  const title = document.createElement('section');
  title.className = 'hmw-title-page';
  title.innerHTML = `<p class="hmw-title">${info.title}</p><p class="hmw-subtitle">${info.subtitle}</p>
    <p class="hmw-meta">${info.meta}</p>`;
  const toc = document.createElement('nav');
  toc.className = 'hmw-toc';
  toc.setAttribute('aria-label', info.contents);
  toc.innerHTML = `<p class="hmw-toc-title">${info.contents}</p><ol>` + entries.map(e =>
    `<li><a href="#${e.id}">${e.text}</a><span class="hmw-toc-page" data-id="${e.id}">${info.pages[e.id] || ''}</span></li>`
  ).join('') + '</ol>';
  article.prepend(title, toc);
  for (const id of info.skip) {
    const node = document.getElementById(id);
    const target = node && node.tagName === 'SPAN' ? node.nextElementSibling : node;
    if (target) target.classList.add('hmw-screen-only');
  }
  return entries.map(e => e.id);
}"""

#: Writes each contents entry's page number (found in the first print) beside it, as the front matter would have.
_CONTENTS_PAGES = """(pages) => {
  for (const span of document.querySelectorAll('nav.hmw-toc .hmw-toc-page')) span.textContent = pages[span.dataset.id] || '';
}"""


def singlehtml_page(out: Path = SINGLE_DIR) -> Path:
    """The one page of the singlehtml build, at the root of its folder.

    Sphinx writes it under the root document's name (``book/intro.html``) but with every link
    relative to the folder's root, so it is read from a copy placed there.
    """
    return out / "report.html"


def build_singlehtml(root: Path = paths.PROJECT_ROOT, out: Path = SINGLE_DIR, lang: str = "en") -> Path:
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    result = subprocess.run([sys.executable, "-c", _SINGLEHTML, str(root), str(out)], cwd=root, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"the singlehtml build failed (exit {result.returncode}); see the messages above")
    from .lighten import webp_images

    page = singlehtml_page(out)
    shutil.copyfile(out / "book" / "intro.html", page)
    webp_images(out)
    vector_figures(page, lang=lang)
    return page


#: A chapter figure (myst-nb names it fig-<chart>) and the source of its image.
FIGURE_IMAGE = re.compile(r'(<figure[^>]*\bid="fig-([a-z0-9-]+)"[^>]*>(?:(?!</figure>).)*?<img[^>]*?src=")([^"]+)(")', re.S)


def vector_figures(page: Path, figures: Path | None = None, lang: str = "en") -> int:
    """Print each chart from its SVG export (the same drawing as the PNG the site shows, as vectors).

    Crisp at any zoom and lighter than the bitmaps once compressed in the PDF. A chart without an
    SVG keeps its bitmap. Returns the number of figures switched.
    """
    from ..report.charts.freshness import stem

    figures = Path(figures or paths.FIGURES_DIR)
    images = page.parent / "_images"
    count = 0

    def swap(match: re.Match) -> str:
        nonlocal count
        svg = figures / f"{stem(match.group(2), lang)}.svg"
        if not svg.is_file():
            return match.group(0)
        shutil.copyfile(svg, images / svg.name)
        count += 1
        return f"{match.group(1)}_images/{svg.name}{match.group(4)}"

    text = page.read_text(encoding="utf-8")
    page.write_text(FIGURE_IMAGE.sub(swap, text), encoding="utf-8")
    return count


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination -> page number (1-based), from ``pdfinfo -dests``; empty without poppler-utils."""
    if shutil.which("pdfinfo") is None:
        print("note: pdfinfo (poppler-utils) not found: the PDF's contents have no page numbers", file=sys.stderr)
        return {}
    text = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True, check=True).stdout
    out = {}
    for line in text.splitlines():
        match = re.match(r"\s*(\d+)\s+\[.*?\]\s+\"(.+)\"\s*$", line)
        if match:
            out[match.group(2)] = int(match.group(1))
    return out


def _title_info(pages: dict[str, int], lang: str = "en") -> dict:
    from ..report.load import data_checksum

    today = dt.date.today()
    checksum = data_checksum()[:16]
    if lang == "zh":
        words = {
            "title": "百模大战（The Hundred-Model War）",
            "subtitle": "中国的大模型竞赛：以五篇2023年文章和 Epoch AI 的数据重建",
            "meta": (f"百模大战项目 · {today.year}年{today.month}月{today.day}日据网站构建打印 · "
                     f"数据校验值 {checksum} · 文字与整理的数据采用 CC BY 4.0 许可"),
            "overview": "报告概览",
            "contents": "目录",
        }
    else:
        words = {
            "title": "The Hundred-Model War (百模大战)",
            "subtitle": "China's race to build large AI models, rebuilt from five 2023 articles and Epoch AI's data",
            "meta": (f"The Hundred-Model War project · printed {today.day} {today:%B %Y} from the site build · "
                     f"data checksum {checksum} · text and curated data CC BY 4.0"),
            "overview": "The report at a glance",
            "contents": "Contents",
        }
    return {**words, "skip": list(SCREEN_ONLY), "pages": {k: str(v) for k, v in pages.items()}}


def print_pdf(page_path: Path, out: Path, lang: str = "en") -> dict[str, int]:
    """Print the single page to ``out`` (two passes); returns each contents entry's page number."""
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    draft = out.with_suffix(".draft.pdf")
    pages: dict[str, int] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            # The page is loaded and laid out once: the second print only writes the page numbers into the contents.
            page = browser.new_page()
            page.goto(page_path.resolve().as_uri())
            page.wait_for_load_state("networkidle")
            page.evaluate("async () => { for (const img of document.images) { img.loading = 'eager';"
                          " try { await img.decode(); } catch (e) {} } }")
            page.add_style_tag(path=str(PRINT_CSS))
            ids = page.evaluate(_FRONT_MATTER, _title_info(pages, lang))
            page.emulate_media(media="print")
            for target in ((draft, out) if shutil.which("pdfinfo") else (out,)):
                if target == out and pages:
                    page.evaluate(_CONTENTS_PAGES, pages)
                page.pdf(path=str(target), format="A4", print_background=True, display_header_footer=True,
                         header_template="<div></div>", footer_template=FOOTER, outline=True, tagged=True,
                         margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
                if target == draft:
                    found = destinations(draft)
                    pages = {i: found[i] for i in ids if i in found}
            page.close()
        finally:
            browser.close()
    draft.unlink(missing_ok=True)
    compact(out)
    return pages


def compact(pdf: Path) -> int:
    """Rewrite the PDF with object streams (PDF 1.5), which halves a tagged PDF; returns its size.

    Chromium writes the structure tree of a tagged PDF (thousands of small objects) uncompressed;
    qpdf, through pikepdf, packs them into compressed object streams without changing a page.
    """
    try:
        import pikepdf
    except ImportError:  # an environment set up before pikepdf joined requirements.txt: a larger PDF, not an error
        print("note: pikepdf not installed (pip install -r requirements.txt): the PDF is left unpacked", file=sys.stderr)
        return pdf.stat().st_size
    packed = pdf.with_suffix(".packed.pdf")
    with pikepdf.open(pdf) as doc:
        doc.save(packed, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 recompress_flate=True, deterministic_id=True)
    packed.replace(pdf)
    return pdf.stat().st_size


def _inputs_key(html: Path) -> str:
    """What the PDF is printed from, as the edition's HTML shows it (another edition's folder inside it aside)."""
    digest = hashlib.sha256()
    files = [p for p in sorted(html.rglob("*")) if p.is_file() and p.suffix in (".html", ".webp", ".png", ".css")
             and p.relative_to(html).parts[0] != "zh"]
    for path in files + [Path(__file__), PRINT_CSS]:
        digest.update(str(path.relative_to(paths.PROJECT_ROOT) if path.is_relative_to(paths.PROJECT_ROOT) else path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_pdf(force: bool = False, stream=sys.stdout, lang: str = "en") -> Path | None:
    """Write an edition's PDF (if its inputs changed) and offer it in that edition's site; None without Chromium."""
    ed = edition(lang)
    if not CHROMIUM.is_file():
        print(f"note: no Chromium at {CHROMIUM} (install Debian's chromium, or set HMW_CHROMIUM): "
              "the PDF was not made", file=stream)
        return None
    key = _inputs_key(ed.html)
    try:
        current = json.loads(ed.stamp.read_text(encoding="utf-8")).get("key") == key and ed.pdf.is_file()
    except (OSError, ValueError):
        current = False
    if not current or force:
        page = build_singlehtml(ed.source, ed.single, lang)
        pages = print_pdf(page, ed.pdf, lang)
        ed.stamp.write_text(json.dumps({"key": key, "contents": pages}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {ed.pdf.relative_to(paths.PROJECT_ROOT)} ({ed.pdf.stat().st_size / 1e6:.1f} MB)", file=stream)
    offer_pdf(lang)
    return ed.pdf


def offer_pdf(lang: str = "en") -> bool:
    """Put the edition's printed PDF (if there is one) in its folder of the site, where its landing page links to it."""
    ed = edition(lang)
    if not ed.pdf.is_file() or not ed.site.is_dir():
        return False
    shutil.copyfile(ed.pdf, ed.site / PDF_NAME)
    return True


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m hundred_models.site.pdf", description=__doc__.split("\n\n")[0])
    ap.add_argument("--force", action="store_true", help="print again even if nothing changed")
    args = ap.parse_args(argv)
    if not (BUILD_DIR / "html" / "index.html").is_file():
        print("error: no site build in _build/html: run `make book` (or python -m hundred_models book) first",
              file=sys.stderr)
        return 1
    try:
        made = [build_pdf(force=args.force, lang=lang) for lang in ("en", "zh")
                if lang == "en" or (BUILD_DIR / "html" / lang / "index.html").is_file()]
        return 0 if all(p is not None for p in made) else 1
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
