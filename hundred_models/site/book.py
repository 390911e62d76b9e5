"""Build the site: chart files, the executed pages, then Jupyter Book with warnings as errors.

Incremental by what each page depends on (see :mod:`.pages`): a page is executed again when its
code cells changed (Jupyter Book's cache does not match it) or when the clean tables it read or
the package modules it ran changed (its recorded key does not match). The pages to execute run
at once, one kernel each, and their outputs go into Jupyter Book's execution cache through
jupyter-cache's public API, so the build itself then only reads them. Nothing is cleared
wholesale: an unchanged page is neither executed nor re-read, even after the project moves.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from ..data import paths
from . import pages
from .lighten import lighten
from .workers import parallel_map

BUILD_DIR = paths.PROJECT_ROOT / "_build"
#: What the build prints as it turns to the Chinese edition (what it executes after this line is that edition's).
CHINESE_EDITION_START = "building the Chinese edition"


def export_book_figures() -> int:
    """PNG and SVG of every chart in both languages, where the gallery and notebooks expect them.

    Charts whose code, tables and parameters are unchanged since their last export are skipped;
    returns the number of files written.
    """
    from ..report.charts.freshness import NOTEBOOK_DPI
    from .exports import export_all

    return len(export_all(paths.FIGURES_DIR, ("en", "zh"), slides=False, formats=("png", "svg"), dpi=NOTEBOOK_DPI))


def _execute_page(item) -> tuple[str, object, dict | None, str | None]:
    """Run one page with the dependency probe appended; returns (docname, executed nb, dependencies, error)."""
    from nbclient.exceptions import CellExecutionError

    from .refresh import execute, failing_cell

    docname, path, nb = item
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(pages.PROBE))
    try:
        execute(nb, cwd=path.parent)
    except CellExecutionError:
        return docname, None, None, failing_cell(nb)
    probe = nb.cells.pop()
    text = "".join(o.get("text", "") for o in probe.get("outputs", []) if o.get("output_type") == "stream")
    line = next((ln for ln in text.splitlines() if ln.startswith(pages.PROBE_PREFIX)), None)
    deps = None
    if line is not None:
        import json

        deps = json.loads(line[len(pages.PROBE_PREFIX):])
    return docname, nb, deps, None


def execute_stale_pages(executed: dict[str, Path] | None = None, root: Path | None = None, jobs: int | None = None,
                        stream=sys.stdout) -> list[str]:
    """Execute, in parallel, every page whose code or recorded inputs changed; cache it; return their docnames.

    ``executed`` maps docnames to notebook files (default: the book's executed pages) under the project ``root``.
    """
    from jupyter_cache import get_cache

    root = Path(root or paths.PROJECT_ROOT)
    cache = get_cache(str(root / "_build" / ".jupyter_cache"))
    todo, stale_records = [], {}
    for docname, path in (executed or pages.executed_pages(root)).items():
        nb = nbformat.read(path, as_version=4)
        try:
            cached = cache.match_cache_notebook(nb)
        except KeyError:
            cached = None
        if cached is None or not pages.is_current(docname, root):
            todo.append((docname, path, nb))
            stale_records[docname] = cached
    if not todo:
        return []
    print(f"executing {len(todo)} page(s) whose code or inputs changed: {', '.join(d for d, _, _ in todo)}",
          file=stream, flush=True)
    done = []
    with tempfile.TemporaryDirectory() as tmp:
        for (docname, path, _), (_, executed, deps, error) in zip(todo, parallel_map(_execute_page, todo, jobs)):
            if error is not None or deps is None:
                # Left to the build, which executes the page again and reports the failing cell with its traceback.
                print(f"{docname}: {error or 'no dependency report'}", file=stream, flush=True)
                if stale_records[docname] is not None:
                    cache.remove_cache(stale_records[docname].pk)
                pages.forget(docname, root)
                continue
            executed_file = Path(tmp) / f"{path.stem}.ipynb"
            nbformat.write(executed, executed_file)
            cache.cache_notebook_file(str(executed_file), uri=str(path), check_validity=False, overwrite=True)
            pages.write_record(docname, deps["tables"], deps["modules"], root)
            done.append(docname)
    return done


def prune_html(html: Path) -> None:
    """Drop what a reader never loads: JavaScript source maps, the theme's catalogues for other languages, and
    page sources left by builds from before ``html_copy_source: false`` (Sphinx never deletes old output)."""
    for path in html.rglob("*.map"):
        path.unlink()
    shutil.rmtree(html / "_static" / "locales", ignore_errors=True)
    shutil.rmtree(html / "_sources", ignore_errors=True)


def sync_static(html: Path, static: Path | None = None) -> list[str]:
    """Copy the book's own static files (``book/static``) into the output when they differ.

    Sphinx copies static files only when it writes pages, so a change to the site's stylesheet or
    scripts alone would not reach ``_build/html`` on an incremental build. Returns the files copied.
    """
    static = Path(static or paths.PROJECT_ROOT / "book" / "static")
    copied = []
    for source in sorted(static.rglob("*")):
        if not source.is_file():
            continue
        target = html / "_static" / source.relative_to(static)
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            copied.append(str(source.relative_to(static)))
    return copied


def jupyter_book(root: Path, strict: bool = True) -> int:
    """``jupyter-book build`` of the book at ``root`` into ``root/_build/html``; warnings are errors when strict."""
    cmd = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(root), "--path-output", str(root)]
    if strict:
        cmd += ["-W", "--keep-going"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    return subprocess.run(cmd, cwd=root, env=env).returncode


def build_site(strict: bool = True, pdf: bool = True, chinese: bool = True) -> int:
    """Both editions and their PDFs, or nothing at all when nothing they are made from changed (see :mod:`.uptodate`).

    ``chinese=False`` builds the English edition alone, leaving ``_build/html/zh`` as the last full build left it.
    """
    from . import uptodate

    options = {"strict": strict, "pdf": pdf, "chinese": chinese}
    inputs = uptodate.inputs_fingerprint(options)
    if uptodate.is_up_to_date(inputs):
        print("the site is up to date: nothing it is made from changed since the last build (_build/html)")
        return 0
    uptodate.forget()
    returncode = _build_editions(strict, pdf, chinese)
    if returncode == 0:
        uptodate.record(inputs, options)
    return returncode


def _build_editions(strict: bool, pdf: bool, chinese: bool) -> int:
    """Figures, stale pages, Jupyter Book (warnings are errors), lighter pages, the PDF (see :mod:`.pdf`), then Chinese."""
    export_book_figures()
    execute_stale_pages()
    returncode = jupyter_book(paths.PROJECT_ROOT, strict)
    if returncode != 0:
        return returncode
    prune_html(BUILD_DIR / "html")
    sync_static(BUILD_DIR / "html")
    lighten(BUILD_DIR / "html")
    if _pdf(pdf, "en") != 0:
        return 1
    return build_chinese(strict, pdf) if chinese else 0


def _pdf(print_it: bool, lang: str) -> int:
    """Print the edition's PDF if asked (see :mod:`.pdf`), else keep offering the one already printed; 1 on failure."""
    from .pdf import build_pdf, offer_pdf

    if not print_it:
        offer_pdf(lang)
        return 0
    try:
        build_pdf(lang=lang)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def build_chinese(strict: bool = True, pdf: bool = True) -> int:
    """Mirror, execute what changed with lang="zh", build with Jupyter Book, publish into _build/html/zh, its PDF."""
    from . import editions

    print(f"{CHINESE_EDITION_START} ({editions.ZH_SOURCE.relative_to(paths.PROJECT_ROOT)} -> _build/html/zh)", flush=True)
    editions.mirror()
    execute_stale_pages(pages.executed_pages(editions.ZH_SOURCE), editions.ZH_SOURCE)
    returncode = jupyter_book(editions.ZH_SOURCE, strict)
    if returncode != 0:
        return returncode
    built = editions.ZH_SOURCE / "_build" / "html"
    prune_html(built)
    sync_static(built)
    published = BUILD_DIR / "html" / "zh"
    shutil.rmtree(published, ignore_errors=True)
    shutil.copytree(built, published)
    if _pdf(pdf, "zh") != 0:  # the published folder was just replaced: the PDF goes back in even when not reprinted
        return 1
    lighten(published)
    editions.share_identical_files(BUILD_DIR / "html", published)
    editions.point_missing_to_english(BUILD_DIR / "html", published)
    return 0
