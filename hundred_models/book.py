"""Build the site: figures, a data-aware execution cache, then Jupyter Book with warnings as errors.

Jupyter Book's execution cache keys on the notebooks' code cells only, so a change in the
data alone would leave the book showing old numbers. Before building we compare a checksum
of everything the notebooks read (``data/clean``) with the one recorded at the last build,
and clear the cache when they differ; the notebooks then re-execute on the new data.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import paths
from .load import data_checksum

BUILD_DIR = paths.PROJECT_ROOT / "_build"
CACHE_DIR = BUILD_DIR / ".jupyter_cache"
STAMP = BUILD_DIR / ".data-sha256"


def invalidate_stale_cache() -> bool:
    """Clear the execution cache when the data changed since the last build; True if it was cleared."""
    current = data_checksum(paths.CLEAN_DIR)
    previous = STAMP.read_text(encoding="utf-8").strip() if STAMP.is_file() else None
    cleared = False
    if previous != current and CACHE_DIR.exists():
        shutil.rmtree(CACHE_DIR)
        cleared = True
    BUILD_DIR.mkdir(exist_ok=True)
    STAMP.write_text(current + "\n", encoding="utf-8")
    return cleared


def export_book_figures() -> int:
    """PNG and SVG of every chart in both languages, where the gallery and notebooks expect them.

    Charts whose data, code and parameters are unchanged since their last export are skipped;
    returns the number of files written.
    """
    from .exports import export_all
    from .figures import NOTEBOOK_DPI

    return len(export_all(paths.FIGURES_DIR, ("en", "zh"), slides=False, formats=("png", "svg"), dpi=NOTEBOOK_DPI))


def execute_notebooks_in_parallel(jobs: int | None = None) -> list[str]:
    """Execute the pages (theme notebooks, generated pages) not in Jupyter Book's cache, several at once.

    myst-nb would execute them one after another while building; filling its cache first, in
    parallel, uses every core. The cache is matched on the notebooks' code exactly as myst-nb
    matches it, so the build then only reads the cached outputs.
    """
    return execute_into_cache(list(_executable_pages()), CACHE_DIR, jobs)


def execute_into_cache(pages: list, cache_dir: Path, jobs: int | None = None) -> list[str]:
    """Execute the (path, notebook) pairs missing from a Jupyter Book execution cache, in parallel, and cache them."""
    from concurrent.futures import ThreadPoolExecutor

    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    from .runner import TIMEOUT

    cache = get_cache(str(cache_dir))
    todo = []
    for path, nb in pages:
        try:
            cache.match_cache_notebook(nb)
        except KeyError:
            todo.append((path, nb))
    if not todo:
        return []

    def execute(item):
        path, nb = item
        return path, nb, single_nb_execution(nb, cwd=str(path.parent), allow_errors=False, timeout=TIMEOUT,
                                             meta_override=True)

    with ThreadPoolExecutor(max_workers=max(1, min(jobs or os.cpu_count() or 1, len(todo)))) as pool:
        results = list(pool.map(execute, todo))
    done = []
    for path, nb, result in results:
        if result.err is None:  # a failing notebook is left to myst-nb, which reports the error in the build
            cache.cache_notebook_bundle(CacheBundleIn(nb, str(path), data={"execution_seconds": result.time}),
                                        check_validity=False, overwrite=True)
            done.append(path.name)
    return done


def _executable_pages():
    """Every page the build executes, read the way myst-nb reads it (so cache keys match)."""
    import nbformat
    from myst_nb.core.config import NbParserConfig
    from myst_nb.core.read import create_nb_reader
    from myst_parser.config.main import MdParserConfig

    from .runner import THEME_NOTEBOOKS, notebook_path

    for name in THEME_NOTEBOOKS:
        yield notebook_path(name), nbformat.read(notebook_path(name), as_version=4)
    for path in sorted((paths.PROJECT_ROOT / "book").glob("*.md")):
        content = path.read_text(encoding="utf-8")
        if "file_format: mystnb" not in content:
            continue
        reader = create_nb_reader(str(path), MdParserConfig(), NbParserConfig(), content)
        if reader is not None:
            yield path, reader.read(content)


def prune_html(html: Path) -> None:
    """Drop what a reader never loads: JavaScript source maps and the theme's catalogues for other languages."""
    for path in html.rglob("*.map"):
        path.unlink()
    shutil.rmtree(html / "_static" / "locales", ignore_errors=True)


def build_site(strict: bool = True) -> int:
    if invalidate_stale_cache():
        print("data changed since the last build: execution cache cleared, notebooks will re-execute")
    export_book_figures()
    execute_notebooks_in_parallel()
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(paths.PROJECT_ROOT), "--path-output", str(paths.PROJECT_ROOT)]
    if strict:
        cmd += ["-W", "--keep-going"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    result = subprocess.run(cmd, cwd=paths.PROJECT_ROOT, env=env)
    if result.returncode == 0:
        prune_html(BUILD_DIR / "html")
    return result.returncode
