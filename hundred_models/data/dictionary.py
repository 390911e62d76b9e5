"""The data dictionary, generated from :mod:`schema` for the book's Data page, in English or Chinese."""
from __future__ import annotations

import pandas as pd

from .schema import CLEAN_TABLES, RAW_TABLES

#: The dictionary's words in Chinese: headers, column types, units, rules.
HEADERS_ZH = {"table": "数据表", "column": "列", "type": "类型", "unit": "单位", "meaning": "含义", "rules": "规则"}
TYPES_ZH = {"string": "文本", "integer": "整数", "number": "数值", "boolean": "布尔值", "date": "日期"}
UNITS_ZH = {"parameters": "参数", "GPU": "GPU", "chips": "芯片", "days": "天", "FLOP": "FLOP", "2023 USD": "2023年美元",
            "models, services or applications (see definition_id)": "模型、服务或应用（见definition_id）"}


def _rules(f, lang: str) -> str:
    zh = lang == "zh"
    rules = []
    if f.required:
        rules.append("必填" if zh else "required")
    if f.unique:
        rules.append("唯一" if zh else "unique")
    if f.enum:
        rules.append(("取值之一：" + "、".join(f.enum)) if zh else "one of: " + ", ".join(f.enum))
    if f.minimum is not None:
        rules.append(f">= {f.minimum:g}")
    if f.list_sep:
        rules.append(f"以“{f.list_sep}”分隔的列表" if zh else f"list separated by '{f.list_sep}'")
    if f.references:
        rules.append(f"引用{f.references}" if zh else f"refers to {f.references}")
    return ("；" if zh else "; ").join(rules)


def data_dictionary(which: str = "clean", lang: str = "en") -> pd.DataFrame:
    """One row per column of every table: type, unit, meaning, constraints; in ``lang`` (the schema's Chinese docs
    for ``"zh"``)."""
    tables = CLEAN_TABLES if which == "clean" else RAW_TABLES
    zh = lang == "zh"
    rows = []
    for table in tables.values():
        for f in table.fields:
            unit = UNITS_ZH.get(f.unit, f.unit) if zh else f.unit
            rows.append({"table": f"{table.name}.csv", "column": f.name, "type": TYPES_ZH[f.type] if zh else f.type,
                         "unit": unit or "", "meaning": f.doc(lang), "rules": _rules(f, lang)})
    frame = pd.DataFrame(rows)
    return frame.rename(columns=HEADERS_ZH) if zh else frame
