"""Read one CSV strictly against its :mod:`schema` definition.

Why not plain ``pd.read_csv``: it guesses. A stray quote silently merges rows, a wrong
delimiter yields one wide column, Latin-1 bytes become mojibake. Here every such problem
becomes a :class:`DataError` naming the file, the row and the column.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .cndates import parse_iso
from .errors import DataError, NumeralError
from .paths import PROJECT_ROOT
from .schema import Table


def display_path(path: Path) -> str:
    """Path relative to the project root when inside it, so messages stay short."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def read_text_strict(path: Path) -> str:
    """Decode a file as UTF-8 or say exactly where it is not."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(display_path(path), f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); save it as UTF-8",
                        row=line - 1) from None


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a comma-separated file, rejecting malformed quoting."""
    name = display_path(path)
    text = read_text_strict(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        raise DataError(name, f"malformed CSV ({exc}); check for a stray quote", row=max(reader.line_num - 1, 0)) from None
    if not rows:
        raise DataError(name, "file is empty (no header row)")
    return rows[0], rows[1:]


def _coerce(value: str, field, name: str, row: int):
    if value == "":
        if field.required:
            raise DataError(name, "is empty but required", row=row, column=field.name)
        return None
    kind = field.type
    try:
        if kind == "integer":
            if not value.lstrip("-").isdigit():
                raise ValueError
            return int(value)
        if kind == "number":
            number = Decimal(value)
            if not number.is_finite():
                raise ValueError
            return float(number)
        if kind == "boolean":
            if value not in ("true", "false"):
                raise ValueError
            return value == "true"
        if kind == "date":
            parse_iso(value)
            return value
    except NumeralError as exc:  # before ValueError, its base: it says what exactly is wrong
        raise DataError(name, str(exc), row=row, column=field.name) from None
    except (ValueError, InvalidOperation):
        raise DataError(name, f"{value!r} is not a valid {kind}", row=row, column=field.name) from None
    return value


def pandera_schema(table: Table):
    """Checks on ranges, categories, patterns and uniqueness, built from the table definition.

    pandera is imported here, not at the top: loading the clean tables (every notebook does) needs no validation.
    """
    import pandera.pandas as pa

    columns = {}
    for f in table.fields:
        checks = []
        if f.enum and not f.list_sep:
            checks.append(pa.Check.isin(list(f.enum)))
        if f.pattern and not f.list_sep:
            checks.append(pa.Check.str_matches(f.pattern))
        if f.minimum is not None:
            checks.append(pa.Check.ge(f.minimum))
        if f.maximum is not None:
            checks.append(pa.Check.le(f.maximum))
        columns[f.name] = pa.Column(nullable=not f.required, unique=f.unique, checks=checks, coerce=False)
    return pa.DataFrameSchema(columns, strict=True, ordered=True)


def frame_from_rows(name: str, table: Table, header: list[str], rows: list[list[str]]) -> pd.DataFrame:
    """Typed DataFrame from raw rows, checking the header and each row's width."""
    expected = table.columns
    if header != expected:
        if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
            raise DataError(name, f"header has one column {header[0]!r}: the delimiter must be ','", row=0)
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        if missing:
            raise DataError(name, f"missing column (expected columns: {', '.join(expected)})", row=0, column=missing[0])
        if extra:
            raise DataError(name, f"unexpected column (expected columns: {', '.join(expected)})", row=0, column=extra[0])
        raise DataError(name, f"columns out of order; expected {', '.join(expected)}", row=0)
    records = []
    for i, row in enumerate(rows, start=1):
        if len(row) != len(expected):
            raise DataError(name, f"has {len(row)} fields, expected {len(expected)} (stray delimiter or quote?)", row=i)
        records.append({f.name: _coerce(v.strip(), f, name, i) for f, v in zip(table.fields, row)})
    frame = pd.DataFrame.from_records(records, columns=expected)
    for f in table.fields:
        if f.type == "integer":
            frame[f.name] = frame[f.name].astype("Int64")
        elif f.type == "number":
            frame[f.name] = frame[f.name].astype("Float64")
        elif f.type == "boolean":
            frame[f.name] = frame[f.name].astype("boolean")
        else:
            column = frame[f.name].astype("object")
            frame[f.name] = column.where(column.notna(), None)
    return frame


def validate_frame(name: str, table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Run the pandera checks; report the first failing row and column."""
    from pandera.errors import SchemaErrors

    try:
        pandera_schema(table).validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases.assign(_order=pd.to_numeric(cases["index"], errors="coerce").fillna(-1)).sort_values(["_order", "column"])
        first = cases.iloc[0]
        column = first["column"] if isinstance(first["column"], str) else None
        row = int(first["index"]) + 1 if pd.notna(first["index"]) else None
        check = str(first["check"])
        if check.startswith("field_uniqueness") or "unique" in check:
            # Name the repeat, not the original: that is the row someone just added.
            repeat = frame[column].duplicated(keep="first")
            row = int(repeat.to_numpy().nonzero()[0][0]) + 1
            message = f"duplicate value {frame[column].iloc[row - 1]!r} (must be unique; first used in row " \
                      f"{int((frame[column] == frame[column].iloc[row - 1]).to_numpy().nonzero()[0][0]) + 1})"
        elif check.startswith("not_nullable"):
            message = "is empty but required"
        else:
            message = f"value {first['failure_case']!r} fails check {check}"
        raise DataError(name, message, row=row, column=column) from None
    return frame


def read_table(path: Path, table: Table) -> pd.DataFrame:
    """Read and validate one curated CSV."""
    name = display_path(path)
    if not Path(path).is_file():
        raise DataError(name, "file not found")
    header, rows = read_rows(path)
    return validate_frame(name, table, frame_from_rows(name, table, header, rows))
