"""Build the site: figures, a data-aware execution cache, then Jupyter Book with warnings as errors.

Jupyter Book's execution cache keys on the notebooks' code cells only, so a change in the
data alone would leave the book showing old numbers. Before building we compare a checksum
of everything the notebooks read (``data/clean``) with the one recorded at the last build,
and clear the cache when they differ; the notebooks then re-execute on the new data.
"""
from __future__ import annotations

import hashlib
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


FIGURES_STAMP = paths.FIGURES_DIR / ".inputs.sha256"


def figure_inputs_checksum() -> str:
    """Everything the charts depend on: the clean data, the package's code and the pinned requirements."""
    digest = hashlib.sha256(data_checksum(paths.CLEAN_DIR).encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")) + [paths.PROJECT_ROOT / "requirements.txt"]:
        digest.update(str(path.relative_to(paths.PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def export_book_figures() -> bool:
    """PNG and SVG of every chart in both languages, where the gallery and notebooks expect them.

    Skipped when nothing they depend on has changed since the last export (returns False then).
    """
    from .exports import export_all
    from .figures import NOTEBOOK_DPI

    checksum = figure_inputs_checksum()
    if FIGURES_STAMP.is_file() and FIGURES_STAMP.read_text(encoding="utf-8").strip() == checksum:
        return False
    export_all(paths.FIGURES_DIR, ("en", "zh"), slides=False, formats=("png", "svg"), dpi=NOTEBOOK_DPI)
    FIGURES_STAMP.write_text(checksum + "\n", encoding="utf-8")
    return True


def prune_html(html: Path) -> None:
    """Drop what a reader never loads: JavaScript source maps and the theme's catalogues for other languages."""
    for path in html.rglob("*.map"):
        path.unlink()
    shutil.rmtree(html / "_static" / "locales", ignore_errors=True)


def build_site(strict: bool = True) -> int:
    if invalidate_stale_cache():
        print("data changed since the last build: execution cache cleared, notebooks will re-execute")
    export_book_figures()
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(paths.PROJECT_ROOT), "--path-output", str(paths.PROJECT_ROOT)]
    if strict:
        cmd += ["-W", "--keep-going"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    result = subprocess.run(cmd, cwd=paths.PROJECT_ROOT, env=env)
    if result.returncode == 0:
        prune_html(BUILD_DIR / "html")
    return result.returncode
