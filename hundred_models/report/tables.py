"""Tables a reader sees: human headers with units, numbers formatted for reading, names instead of ids, sources as links.

A chapter describes each table it shows as a list of :class:`Col` (which column, its header in
English and Chinese, how to format it) and calls :func:`present`. The result is a
:class:`~hundred_models.report.notebook.Table`: deterministic HTML (pandas' Styler without ids or
styles), so nbval can keep comparing it, and the same in both editions but for the words.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from .notebook import Table
from .phrases import date_text

def _missing(value) -> bool:
    if isinstance(value, str):
        return not value
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def parameters_text(value, lang: str = "en") -> str:
    """175 B / 1750亿: a parameter count as readers say it."""
    from .style import short_number

    return "" if _missing(value) else short_number(float(value), lang)


def count_text(value, lang: str = "en") -> str:
    return "" if _missing(value) else f"{float(value):,.0f}"


def percent_text(value, lang: str = "en") -> str:
    """20.5% with one decimal where it matters, 21% where it does not."""
    if _missing(value):
        return ""
    value = float(value)
    return f"{value:.0f}%" if abs(value) >= 10 or value == int(value) else f"{value:.1f}%"


def usd_text(value, lang: str = "en") -> str:
    """12 million US dollars / 1200万美元."""
    if _missing(value):
        return ""
    value = float(value)
    if lang == "zh":
        from .style import short_number

        return f"{short_number(value, 'zh')}美元"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3g} {word} US dollars"
    return f"{value:,.0f} US dollars"


def months_text(value, lang: str = "en") -> str:
    if _missing(value):
        return ""
    value = float(value)
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{shown}个月" if lang == "zh" else f"{shown} months"


def yes_no(value, lang: str = "en") -> str:
    if _missing(value):
        return ""
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def source_text(value, lang: str = "en") -> str:
    """'000, 003' for source ids, '004-028' kept as is for claim ids: short, and defined in Methods."""
    if _missing(value):
        return ""
    ids = [s for s in str(value).split("|") if s]
    return ", ".join(s[:3] if "_" in s else s for s in ids)


FORMATS: dict[str, Callable] = {
    "text": lambda v, lang: "" if _missing(v) else str(v),
    "date": date_text, "parameters": parameters_text, "count": count_text, "percent": percent_text,
    "usd": usd_text, "months": months_text, "bool": yes_no, "sources": source_text,
}


@dataclass(frozen=True)
class Col:
    """One column as a reader sees it: the data column, its header in each language, how its values read."""

    key: str
    en: str
    zh: str
    kind: str = "text"
    #: For kind "name": entity id -> (English name, Chinese name); built by the chapter from the entities table.
    #: For kind "label": code -> (English words, Chinese words); see the vocabularies below.
    names: dict | None = None

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def render(self, value, lang: str) -> str:
        if self.kind == "label":
            if _missing(value):
                return ""
            en, zh = self.names.get(str(value), (str(value), str(value)))
            return zh if lang == "zh" else en
        if self.kind == "name":
            ids = [] if _missing(value) else [v for v in str(value).split("|") if v]
            return "、".join(self.names.get(i, (i, i))[1] or i for i in ids) if lang == "zh" else \
                ", ".join(self.names.get(i, (i, i))[0] or i for i in ids)
        return FORMATS[self.kind](value, lang)


def present(frame: pd.DataFrame, columns: list[Col], name: str, lang: str = "en") -> Table:
    """The table a reader sees: only the listed columns, with their headers and formatting."""
    missing = [c.key for c in columns if c.key not in frame.columns]
    if missing:
        raise KeyError(f"table {name!r}: no column {missing[0]!r} in the data")
    out = pd.DataFrame({c.header(lang): [c.render(v, lang) for v in frame[c.key]] for c in columns})
    return Table(out, name)


def entity_names(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """entity id -> (English name, Chinese name or the English one), for columns of kind 'name'."""
    return {r["entity_id"]: (r["name_en"], r["name_zh"] if isinstance(r["name_zh"], str) and r["name_zh"]
                             else r["name_en"]) for r in entities.to_dict("records")}


#: Words for the codes the clean tables use, in both languages (kind "label").
UNITS = {"model": ("model", "模型"), "family": ("family", "模型系列"), "product": ("product", "产品"),
         "architecture": ("architecture", "架构")}
GROUPS = {"China": ("China", "中国"), "Outside China": ("Outside China", "中国以外"),
          "Multinational": ("Multinational", "跨国")}
VERDICTS = {"agrees": ("agrees", "一致"), "differs": ("differs", "不一致"), "no_reference": ("no reference", "无对照")}
ARCHITECTURES = {"dense": ("dense", "稠密"), "moe": ("sparse mixture-of-experts", "稀疏混合专家"),
                 "unknown": ("unknown", "未知")}
BASES = {"articles": ("the articles", "文章"), "epoch": ("Epoch AI", "Epoch AI"),
         "articles+epoch": ("the articles, exact value from Epoch AI", "文章（精确值取自Epoch AI）")}
ATTRIBUTES = {"parameters": ("parameters", "参数量"), "release_date": ("release date", "发布日期")}
