"""A scratch copy of the project that runs its own package, data and notebooks, for the tests that build or refresh.

The copy is run with ``PYTHONPATH`` pointing at it. The article texts are deliberately not given to it
(``HMW_SEEDS_DIR`` points nowhere), so an anchor can be edited together with its value, as an analyst correcting a
figure would.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.workspace import copy_project, env_for

#: The count of Chinese models of a billion parameters or more, printed twice in article 004.
OLD, NEW = ("超80个", "80"), ("超90个", "90")


def env(root: Path) -> dict:
    return env_for(root, HMW_SEEDS_DIR=str(root / "no-article-texts"))


def run(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, *args], cwd=root, env=env(root), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def change_count(root: Path) -> None:
    """The count printed twice in article 004 goes from 80 to 90, with the ledger of published counts that repeats it."""
    path = root / "data" / "raw" / "claims.csv"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if f",{OLD[0]},number," in line]
    assert len(lines) == 2, lines
    for line in lines:
        text = text.replace(line, line.replace(f",{OLD[0]},number,", f",{NEW[0]},number,")
                            .replace(f",count,{OLD[1]},", f",count,{NEW[1]},"))
    path.write_text(text, encoding="utf-8")
    # The ledger of published counts carries the article's figure too, and the build insists the two agree.
    ledger = root / "data" / "raw" / "model_counts.csv"
    text = ledger.read_text(encoding="utf-8")
    row = f",{OLD[1]},more_than,announced_1b_params,"
    assert text.count(row) == 1, row
    ledger.write_text(text.replace(row, f",{NEW[1]},more_than,announced_1b_params,"), encoding="utf-8")


def scratch_project(tmp_path: Path) -> Path:
    """A copy of the tracked files with its clean data built."""
    root = copy_project(tmp_path / "project")
    run(root, "-m", "hundred_models", "build-data")
    return root
