"""Load the cleaned tables for notebooks, typed by the schema, always from the current build.

Notebooks call :func:`load` and never read CSVs themselves, so column types, partial
dates and list columns are handled once.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from . import paths
from .errors import DataError
from .readers import frame_from_rows, read_rows
from .schema import CLEAN_TABLES


def load(table: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One clean table as a typed DataFrame (run ``make data`` first)."""
    if table not in CLEAN_TABLES:
        raise KeyError(f"unknown table {table!r}; choose from {', '.join(CLEAN_TABLES)}")
    path = Path(data_dir or paths.CLEAN_DIR) / f"{table}.csv"
    if not path.is_file():
        raise DataError(str(path), "not built yet: run `make data` (python -m hundred_models build-data)")
    header, rows = read_rows(path)
    return frame_from_rows(str(path), CLEAN_TABLES[table], header, rows)


def data_checksum(data_dir: Path | str | None = None) -> str:
    """SHA-256 over every clean file, to show in a notebook which data it was run on."""
    digest = hashlib.sha256()
    for path in sorted(Path(data_dir or paths.CLEAN_DIR).glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
