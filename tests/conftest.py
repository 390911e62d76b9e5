"""Shared fixtures: a scratch copy of the curated data to break in controlled ways."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hundred_models.data import paths

SEEDS = paths.seeds_dir()
HAVE_SEEDS = SEEDS.is_dir()
SKIP_NO_SEEDS = pytest.mark.skipif(
    not HAVE_SEEDS, reason=f"article texts not found at {SEEDS} (set {paths.SEEDS_ENV}); provenance cannot be checked")


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of data/raw."""
    target = tmp_path / "raw"
    target.mkdir()
    for path in paths.RAW_DIR.glob("*.csv"):
        shutil.copy(path, target / path.name)
    return target


def edit_csv(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a CSV, failing loudly if the text is not there (so a test cannot pass vacuously)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
