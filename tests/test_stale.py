"""Outputs never go stale: a change in the data reaches the book, and nbval catches committed outputs left behind.

Each test works on a copy of the project (the tracked files), run with ``PYTHONPATH`` pointing at
the copy so its own package, data and notebooks are used. The article texts are deliberately not
given to the copy (``HMW_SEEDS_DIR`` points nowhere), so an anchor can be edited together with its
value, as an analyst correcting a figure would.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hundred_models.data import paths
from tools.workspace import copy_project, env_for

#: The count of Chinese models of a billion parameters or more, printed twice in article 004.
OLD, NEW = ("超80个", "80"), ("超90个", "90")
def _env(root: Path) -> dict:
    return env_for(root, HMW_SEEDS_DIR=str(root / "no-article-texts"))


def _run(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, *args], cwd=root, env=_env(root), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def _change_count(root: Path) -> None:
    path = root / "data" / "raw" / "claims.csv"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if f",{OLD[0]},number," in line]
    assert len(lines) == 2, lines
    for line in lines:
        text = text.replace(line, line.replace(f",{OLD[0]},number,", f",{NEW[0]},number,")
                            .replace(f",count,{OLD[1]},", f",count,{NEW[1]},"))
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "project")
    _run(root, "-m", "hundred_models", "build-data")
    return root


def test_refresh_is_deterministic_and_committed_outputs_are_current(project):
    """Refreshing twice changes nothing, and a refresh of unchanged data reproduces the committed notebook."""
    name = "03_vertical_models.ipynb"
    committed = (paths.NOTEBOOKS_DIR / name).read_bytes()
    _run(project, "-m", "hundred_models", "refresh-notebooks", "03_vertical_models")
    first = (project / "notebooks" / name).read_bytes()
    _run(project, "-m", "hundred_models", "refresh-notebooks", "03_vertical_models")
    assert (project / "notebooks" / name).read_bytes() == first
    assert b'"execution"' not in first
    assert first == committed, "committed outputs differ from a fresh run: run `make refresh` and commit"


def test_nbval_catches_data_drift_until_outputs_are_refreshed(project):
    _change_count(project)
    _run(project, "-m", "hundred_models", "build-data")
    nbval = ("-m", "pytest", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
             "tests/nbval_sanitize.cfg", "notebooks/02_players.ipynb")
    stale = _run(project, *nbval, check=False)
    assert stale.returncode != 0, "nbval passed although the data changed"
    report = stale.stdout
    assert "02_players.ipynb::Cell" in report, report[-2000:]
    assert re.search(r"90", report), "the new value should appear in the diff"
    _run(project, "-m", "hundred_models", "refresh-notebooks", "02_players")
    fresh = _run(project, *nbval, check=False)
    assert fresh.returncode == 0, fresh.stdout[-3000:]


def test_a_data_change_reaches_the_rendered_book(project):
    """With the execution cache of the last build in place, changing one raw value still changes the page."""
    cache = paths.PROJECT_ROOT / "_build" / ".jupyter_cache"
    stamp = paths.PROJECT_ROOT / "_build" / ".data-sha256"
    if cache.is_dir() and stamp.is_file():
        shutil.copytree(cache, project / "_build" / ".jupyter_cache")
        shutil.copy2(stamp, project / "_build" / ".data-sha256")
    else:  # no previous build to reuse: make one, so the cache is warm before the change
        _run(project, "-m", "hundred_models", "book")
    _change_count(project)
    _run(project, "-m", "hundred_models", "build-data")
    built = _run(project, "-m", "hundred_models", "book")
    assert "execution cache cleared" in built.stdout
    page = (project / "_build" / "html" / "book" / "intro.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert re.search(r"more than\s+90\s+models", text), "the landing page still shows the old count"
    chapter = re.sub(r"<[^>]+>", "", (project / "_build" / "html" / "notebooks" / "02_players.html").read_text(encoding="utf-8"))
    assert re.search(r"more than\s+90", chapter)
