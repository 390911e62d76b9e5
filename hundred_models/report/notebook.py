"""What every theme notebook does the same way: check parameters, glue numbers, end with key figures.

Outputs are kept deterministic (no absolute paths, no timings, rounded floats), because the
committed outputs are what nbval compares in CI.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ..data import paths
from .gluekeys import KEYS
from .load import data_checksum
from .params import Params, notebook_params

#: Significant digits kept in glued floats, so a last-bit difference cannot fail nbval.
GLUE_DIGITS = 6


def setup(**values) -> Params:
    """Validate the parameters cell's values and say, in one line, what the notebook runs on."""
    p = notebook_params(**values)
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.width", 160)
    where = "default" if p.data_dir == paths.CLEAN_DIR else p.data_dir.name
    print(f"lang={p.lang}, years {p.start_year}-{p.end_year}, data: {where} "
          f"(sha256 {data_checksum(p.data_dir)[:12]})")
    return p


def _rounded(value):
    if isinstance(value, float) and math.isfinite(value) and value != 0:
        return float(f"{value:.{GLUE_DIGITS}g}")
    return value


def glue(notebook: str, **values) -> None:
    """Glue numbers under their registered keys (see :mod:`gluekeys`), rounded for stable outputs."""
    from myst_nb import glue as myst_glue

    for key, value in values.items():
        if key not in KEYS:
            raise KeyError(f"glue key {key!r} is not registered in hundred_models/gluekeys.py")
        if KEYS[key][0] != notebook:
            raise KeyError(f"glue key {key!r} belongs to {KEYS[key][0]}, not {notebook}")
        if hasattr(value, "item"):
            value = value.item()
        myst_glue(key, _rounded(value), display=False)


#: Headers of the key-figures table, in each language.
KEY_FIGURE_HEADERS = {"en": ["Figure", "Value", "Unit", "Basis"], "zh": ["数字", "数值", "单位", "依据"]}


def _words(text, lang: str) -> str:
    """A label given as 'English' or as ('English', '中文'), in the chapter's language."""
    if isinstance(text, tuple):
        return text[1] if lang == "zh" else text[0]
    return str(text)


def key_figures(rows: list[tuple], lang: str = "en") -> "Table":
    """The closing table of a chapter: figure, value (formatted for the language), unit, where it comes from.

    Labels, units and bases are 'English' or ('English', '中文'); numbers of ten thousand and more read with
    万 and 亿 in Chinese.
    """
    from .style import short_number

    def fmt(v):
        if isinstance(v, bool):
            return _words(("yes", "是") if v else ("no", "否"), lang)
        if isinstance(v, (int, float)):
            if isinstance(v, float) and v != v:
                return _words(("no data", "无数据"), lang)
            if lang == "zh" and abs(v) >= 1e4:
                return short_number(float(v), "zh")
            if isinstance(v, int) or float(v).is_integer() and abs(v) >= 1000:
                return f"{v:,.0f}"
            return f"{v:,.2f}".rstrip("0").rstrip(".")
        return _words(v, lang)

    frame = pd.DataFrame([(_words(a, lang), fmt(b), _words(c, lang), _words(d, lang)) for a, b, c, d in rows],
                         columns=KEY_FIGURE_HEADERS["zh" if lang == "zh" else "en"])
    return Table(frame, "key-figures")


class Table:
    """A DataFrame shown without its index and with stable HTML.

    pandas' default HTML leaves the index header cell empty (an accessibility error) and a
    Styler's repr names its memory address and a random id; this shows neither, so the
    committed outputs are the same on every run and every machine.
    """

    def __init__(self, frame: pd.DataFrame, name: str):
        self.frame = frame.reset_index(drop=True)
        self.name = name

    def _repr_html_(self) -> str:
        styler = self.frame.style.hide(axis="index").set_uuid(self.name).format(na_rep="")
        return styler.to_html(exclude_styles=True)

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


def table(frame: pd.DataFrame, name: str) -> Table:
    return Table(frame, name)


def count_text(value) -> str:
    """A count with thousands separators for a table, or empty when missing."""
    return "" if value is None or pd.isna(value) else f"{float(value):,.0f}"


def human_date(iso: str, lang: str = "en") -> str:
    """'2023-07' -> 'July 2023' (or '2023年7月'), '2023-08-15' -> '15 August 2023': dates for prose, at their precision."""
    from .phrases import date_text

    return date_text(iso, lang)


@dataclass
class Chapter:
    """What a chapter computes: the tables it shows (by name), its glued values, its key-figures table."""

    notebook: str
    tables: dict[str, Table] = field(default_factory=dict)
    glue: dict[str, object] = field(default_factory=dict)
    key_figures: Table | None = None

    def glue_all(self) -> None:
        """Glue every value under its registered key (the notebook's one glue call)."""
        glue(self.notebook, **self.glue)
