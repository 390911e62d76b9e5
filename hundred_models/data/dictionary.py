"""The data dictionary, generated from :mod:`schema` for the book's Data page."""
from __future__ import annotations

import pandas as pd

from .schema import CLEAN_TABLES, RAW_TABLES


def data_dictionary(which: str = "clean") -> pd.DataFrame:
    """One row per column of every table: type, unit, meaning, constraints."""
    tables = CLEAN_TABLES if which == "clean" else RAW_TABLES
    rows = []
    for table in tables.values():
        for f in table.fields:
            rules = []
            if f.required:
                rules.append("required")
            if f.unique:
                rules.append("unique")
            if f.enum:
                rules.append("one of: " + ", ".join(f.enum))
            if f.minimum is not None:
                rules.append(f">= {f.minimum:g}")
            if f.list_sep:
                rules.append(f"list separated by '{f.list_sep}'")
            if f.references:
                rules.append(f"refers to {f.references}")
            rows.append({"table": f"{table.name}.csv", "column": f.name, "type": f.type, "unit": f.unit or "",
                         "meaning": f.description, "rules": "; ".join(rules)})
    return pd.DataFrame(rows)
