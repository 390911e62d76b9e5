"""Build the site: chart files, the executed pages, then Jupyter Book with warnings as errors, both editions at once.

Incremental by what each page depends on (see :mod:`.pages`): a page is executed again when its
code cells changed (Jupyter Book's cache does not match it) or when the clean tables it read or
the package modules it ran changed (its recorded key does not match). The pages to execute, of
both editions, run in one pool, one kernel each, the slowest first; their outputs go into each
edition's Jupyter Book execution cache through jupyter-cache's public API, so the builds then only
read them. An edition's Jupyter Book build (and the lightening of its pages) starts as soon as its
pages have run, while the other edition's pages still run: the Chinese edition's build, the longer,
goes first. Then the Chinese edition is published under ``_build/html/zh`` and the two PDFs are
printed side by side. Nothing is cleared wholesale: an unchanged page is neither executed nor
re-read, even after the project moves.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from ..data import paths
from . import pages
from .lighten import lighten
from .workers import parallel_map

BUILD_DIR = paths.PROJECT_ROOT / "_build"
#: What the build prints before it does anything for the Chinese edition (a build without it left that edition alone).
CHINESE_EDITION_START = "building the Chinese edition"
#: How the build's messages name each edition ("executing 2 page(s) of the English edition …").
EDITION_NAMES = {"en": "English", "zh": "Chinese"}


def export_book_figures() -> int:
    """PNG and SVG of every chart in both languages, where the gallery and notebooks expect them.

    Charts whose code, tables and parameters are unchanged since their last export are skipped;
    returns the number of files written.
    """
    from ..report.charts.freshness import NOTEBOOK_DPI
    from .exports import export_all

    return len(export_all(paths.FIGURES_DIR, ("en", "zh"), slides=False, formats=("png", "svg"), dpi=NOTEBOOK_DPI))


@dataclass
class PageRun:
    """One page to execute: which edition's book it belongs to, and the cache entry it replaces."""

    edition: str
    root: Path
    docname: str
    path: Path
    nb: dict
    stale_record: object = None


def _execute_page(run: PageRun) -> tuple[object, dict | None, str | None, float]:
    """Run one page with the dependency probe appended; returns (executed nb, dependencies, error, seconds)."""
    import json

    from nbclient.exceptions import CellExecutionError

    from .refresh import execute, failing_cell

    start = time.perf_counter()
    nb = nbformat.from_dict(run.nb)
    nb.cells.append(nbformat.v4.new_code_cell(pages.PROBE))
    try:
        execute(nb, cwd=run.path.parent)
    except CellExecutionError:
        return None, None, failing_cell(nb), time.perf_counter() - start
    probe = nb.cells.pop()
    text = "".join(o.get("text", "") for o in probe.get("outputs", []) if o.get("output_type") == "stream")
    line = next((ln for ln in text.splitlines() if ln.startswith(pages.PROBE_PREFIX)), None)
    deps = json.loads(line[len(pages.PROBE_PREFIX):]) if line is not None else None
    return nb, deps, None, time.perf_counter() - start


def _cache(root: Path):
    from jupyter_cache import get_cache

    return get_cache(str(Path(root) / "_build" / ".jupyter_cache"))


def stale_pages(edition: str, root: Path, executed: dict[str, Path] | None = None) -> list[PageRun]:
    """The pages of the book at ``root`` whose code cells or recorded inputs changed since they were last executed."""
    cache = _cache(root)
    todo = []
    for docname, path in (executed or pages.executed_pages(root)).items():
        nb = nbformat.read(path, as_version=4)
        try:
            cached = cache.match_cache_notebook(nb)
        except KeyError:
            cached = None
        if cached is None or not pages.is_current(docname, root):
            todo.append(PageRun(edition, Path(root), docname, path, nb, cached))
    return todo


def executing_message(edition: str, docnames) -> str:
    return (f"executing {len(docnames)} page(s) of the {EDITION_NAMES.get(edition, edition)} edition whose code or "
            f"inputs changed: {', '.join(docnames)}")


def execute_pages(runs: list[PageRun], jobs: int | None = None, stream=sys.stdout,
                  on_edition_done: Callable[[str], None] | None = None) -> list[PageRun]:
    """Execute the pages at once, cache each and record its inputs as it finishes; returns the pages executed.

    Each edition's pages run together, in the order of ``runs``' editions, the slowest first (by their last run) so
    that no long page starts last while the other workers wait; pages never run before keep the book's order.
    ``on_edition_done(edition)`` is called as soon as the last page of an edition has finished (its book can then be
    built while the other edition's pages still run). A page that fails is left to the build, which executes it again
    and reports the failing cell with its traceback.
    """
    if not runs:
        return []
    editions = list(dict.fromkeys(run.edition for run in runs))
    for edition in editions:
        print(executing_message(edition, [r.docname for r in runs if r.edition == edition]), file=stream, flush=True)
    order = sorted(runs, key=lambda r: (editions.index(r.edition), -(pages.recorded_seconds(r.docname, r.root) or 0.0)))
    caches = {root: _cache(root) for root in dict.fromkeys(r.root for r in order)}
    left = {edition: sum(r.edition == edition for r in runs) for edition in editions}
    done = []

    with tempfile.TemporaryDirectory() as tmp:
        def finished(run: PageRun, result) -> None:
            executed, deps, error, seconds = result
            cache = caches[run.root]
            if error is not None or deps is None:
                print(f"{run.docname} ({EDITION_NAMES.get(run.edition, run.edition)}): {error or 'no dependency report'}",
                      file=stream, flush=True)
                if run.stale_record is not None:
                    cache.remove_cache(run.stale_record.pk)
                pages.forget(run.docname, run.root)
            else:
                executed_file = Path(tmp) / run.edition / f"{run.path.stem}.ipynb"
                executed_file.parent.mkdir(exist_ok=True)
                nbformat.write(executed, executed_file)
                cache.cache_notebook_file(str(executed_file), uri=str(run.path), check_validity=False, overwrite=True)
                pages.write_record(run.docname, deps["tables"], deps["modules"], run.root, seconds=seconds)
                done.append(run)
            left[run.edition] -= 1
            if left[run.edition] == 0 and on_edition_done is not None:
                on_edition_done(run.edition)

        parallel_map(_execute_page, order, jobs, on_result=finished)
    return done


def execute_stale_pages(executed: dict[str, Path] | None = None, root: Path | None = None, jobs: int | None = None,
                        stream=sys.stdout, edition: str = "en") -> list[str]:
    """Execute, in parallel, every page of one book whose code or recorded inputs changed; return their docnames."""
    root = Path(root or paths.PROJECT_ROOT)
    return [run.docname for run in execute_pages(stale_pages(edition, root, executed), jobs, stream)]


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


def jupyter_book(root: Path, strict: bool = True, output=None) -> int:
    """``jupyter-book build`` of the book at ``root`` into ``root/_build/html``; warnings are errors when strict.

    Its messages go to ``output`` (a file) when given, else to this process's own output.
    """
    cmd = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(root), "--path-output", str(root)]
    if strict:
        cmd += ["-W", "--keep-going"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    redirect = {"stdout": output, "stderr": subprocess.STDOUT} if output is not None else {}
    return subprocess.run(cmd, cwd=root, env=env, **redirect).returncode


def _edition_html(root: Path, strict: bool, output=None) -> int:
    """One edition's Jupyter Book build, then its pages made lighter where Sphinx wrote them."""
    returncode = jupyter_book(root, strict, output)
    if returncode == 0:
        html = Path(root) / "_build" / "html"
        prune_html(html)
        sync_static(html)
        lighten(html)
    return returncode


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
    """Figures; the Chinese mirror; the stale pages of both editions; each edition's Jupyter Book build (warnings are
    errors) and lighter pages as soon as its pages have run; the Chinese edition published under the English one; the
    PDFs (see :mod:`.pdf`)."""
    from concurrent.futures import ThreadPoolExecutor

    from . import editions

    export_book_figures()
    roots = {"en": paths.PROJECT_ROOT}
    if chinese:
        print(f"{CHINESE_EDITION_START} beside the English one "
              f"({editions.ZH_SOURCE.relative_to(paths.PROJECT_ROOT)} -> _build/html/zh)", flush=True)
        editions.mirror()
        roots["zh"] = editions.ZH_SOURCE
    # The Chinese pages first: that edition's build is the longer one, and it runs while the English pages do.
    stale = {lang: stale_pages(lang, roots[lang]) for lang in reversed(roots)}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as zh_output, ThreadPoolExecutor(len(roots)) as builder:
        builds = {}

        def build(lang: str) -> None:
            # The English build writes to the terminal as it goes; the Chinese one's messages follow when both are done.
            builds[lang] = builder.submit(_edition_html, roots[lang], strict, zh_output if lang == "zh" else None)

        for lang in [lang for lang, runs in stale.items() if not runs]:
            build(lang)
        execute_pages([run for runs in stale.values() for run in runs], on_edition_done=build)
        returncodes = [builds[lang].result() for lang in roots]
        if chinese:
            zh_output.seek(0)
            sys.stdout.flush()
            print(f"--- the Chinese edition's build ({editions.ZH_SOURCE.relative_to(paths.PROJECT_ROOT)}) ---")
            print(zh_output.read(), end="", flush=True)
    if any(returncodes):
        return next(code for code in returncodes if code)
    if not chinese:
        return _pdfs(pdf, ["en"])
    published = BUILD_DIR / "html" / "zh"
    shutil.rmtree(published, ignore_errors=True)
    shutil.copytree(editions.ZH_SOURCE / "_build" / "html", published)
    returncode = _pdfs(pdf, ["en", "zh"])  # the published folder was just replaced: the PDF goes back in even if not reprinted
    editions.share_identical_files(BUILD_DIR / "html", published)
    editions.point_missing_to_english(BUILD_DIR / "html", published)
    return returncode


def _pdfs(print_them: bool, langs: list[str]) -> int:
    """Print the editions' PDFs side by side if asked (see :mod:`.pdf`), else keep offering those already printed;
    1 on failure."""
    from .pdf import build_pdf, offer_pdf

    if not print_them:
        for lang in langs:
            offer_pdf(lang)
        return 0

    def one(lang: str) -> str | None:
        try:
            build_pdf(lang=lang)
        except RuntimeError as exc:
            return str(exc)
        return None

    errors = [error for error in parallel_map(one, langs) if error]
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0
