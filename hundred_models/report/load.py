"""Load the cleaned tables for notebooks, typed by the schema, always from the current build.

Notebooks call :func:`load` and never read CSVs themselves, so column types, partial
dates and list columns are handled once.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ..data import paths
from ..data.errors import DataError
from ..data.files import sha256_folder
from ..data.readers import frame_from_rows, read_rows
from ..data.schema import CLEAN_TABLES


#: Every table loaded in this process, and the tables loaded inside each open :func:`recording_reads` block.
_READ_IN_PROCESS: set[str] = set()
_RECORDERS: list[set[str]] = []
#: Tables already parsed in this process, by file and the file's size and modification time (so never a stale one).
_PARSED: dict[tuple, pd.DataFrame] = {}


@contextmanager
def recording_reads():
    """Collect the names of the tables loaded inside the block: what a chart or page depends on."""
    read: set[str] = set()
    _RECORDERS.append(read)
    try:
        yield read
    finally:
        _RECORDERS.remove(read)


def count_as_read(tables) -> None:
    """Count tables as loaded: by :func:`load`, and for a saved chart drawn from them (its image, its alt text) that
    reached this process, so that the page showing it depends on them as if it had drawn the chart itself."""
    _READ_IN_PROCESS.update(tables)
    for recorder in _RECORDERS:
        recorder.update(tables)


def tables_read() -> list[str]:
    """Every table this process has loaded so far (an executed page reports it to the book build)."""
    return sorted(_READ_IN_PROCESS)


def load(table: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """One clean table as a typed DataFrame (run ``make data`` first).

    A chapter and its charts ask for the same tables many times; each file is parsed once a process and every
    caller gets its own copy, parsed again only if the file changed since.
    """
    count_as_read([table])
    if table not in CLEAN_TABLES:
        raise KeyError(f"unknown table {table!r}; choose from {', '.join(CLEAN_TABLES)}")
    path = Path(data_dir or paths.CLEAN_DIR) / f"{table}.csv"
    if not path.is_file():
        raise DataError(str(path), "not built yet: run `make data` (python -m hundred_models build-data)")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _PARSED:
        header, rows = read_rows(path)
        _PARSED[key] = frame_from_rows(str(path), CLEAN_TABLES[table], header, rows)
    return _PARSED[key].copy(deep=True)


def data_checksum(data_dir: Path | str | None = None) -> str:
    """SHA-256 over every clean file, to show in a notebook which data it was run on."""
    return sha256_folder(data_dir or paths.CLEAN_DIR)


def chosen_fact(facts: pd.DataFrame, subject: str, attribute: str) -> pd.Series:
    """The value the report uses for one fact (where sources disagree, the row marked chosen); a clear error if none."""
    rows = facts[(facts["subject"] == subject) & (facts["attribute"] == attribute) & facts["chosen"]]
    if rows.empty:
        raise LookupError(f"no chosen fact for {subject}.{attribute} in facts.csv")
    return rows.iloc[0]
