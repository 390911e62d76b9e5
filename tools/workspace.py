"""A scratch copy of the project, for checks that must change files without touching the working tree.

The staleness tests and the benchmark both edit data and notebooks and rebuild; they do it in a
copy of the tracked files, run with ``PYTHONPATH`` pointing at the copy so its own package is used.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from hundred_models.data import paths

#: What a copy leaves out when git cannot list the tracked files (no .git, say).
UNTRACKED = (".venv", "_build", "node_modules", "data/clean", "book/figures", "exports", "runs", ".git",
             ".pytest_cache", "bench")


def tracked_files() -> list[Path]:
    """The project's tracked files, relative to its root (every file but build products without git)."""
    out = subprocess.run(["git", "ls-files"], cwd=paths.PROJECT_ROOT, capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        return [Path(line) for line in out.stdout.splitlines()]
    return [p.relative_to(paths.PROJECT_ROOT) for p in paths.PROJECT_ROOT.rglob("*")
            if p.is_file() and not str(p.relative_to(paths.PROJECT_ROOT)).startswith(UNTRACKED)
            and "__pycache__" not in p.parts]


def copy_project(target: Path) -> Path:
    """Copy the tracked files into ``target`` (created) and return it."""
    for rel in tracked_files():
        src = paths.PROJECT_ROOT / rel
        if src.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target / rel)
    return target


def env_for(root: Path, **extra: str) -> dict[str, str]:
    """Environment that makes Python (and notebook kernels) import the copy's package."""
    return {**os.environ, "PYTHONPATH": str(root), **extra}
