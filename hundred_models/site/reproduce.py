"""The Reproduce page's tables (book/reproduce.ipynb): the notebooks' parameters and every glue key, by language."""
from __future__ import annotations

import pandas as pd

from ..report import params
from ..report.gluekeys import KEYS, meaning
from ..report.notebook import Table, table


def parameters_table(lang: str = "en") -> Table:
    """Each notebook parameter: its default, what it accepts and what it sets."""
    first, last = params.EARLIEST_YEAR, params.LATEST_YEAR
    if lang == "zh":
        rows = [("lang", params.DEFAULTS["lang"], " 或 ".join(params.LANGS), "图表的语言（标题、标签、图例、来源说明）"),
                ("start_year", params.DEFAULTS["start_year"], f"{first}至{last}之间的整数", "显示和拟合的第一年"),
                ("end_year", params.DEFAULTS["end_year"], f"start_year至{last}之间的整数", "显示和拟合的最后一年"),
                ("data_dir", "data/clean", "由build-data写出的文件夹", "所用的清洗后数据"),
                ("fig_dir", "book/figures", "任意文件夹", "PNG和SVG导出文件的存放位置")]
        columns = ["参数", "默认值", "可取值", "含义"]
    else:
        rows = [("lang", params.DEFAULTS["lang"], " or ".join(params.LANGS),
                 "language of the charts (titles, labels, legends, source lines)"),
                ("start_year", params.DEFAULTS["start_year"], f"an integer from {first} to {last}", "first year shown and fitted"),
                ("end_year", params.DEFAULTS["end_year"], f"an integer from start_year to {last}", "last year shown and fitted"),
                ("data_dir", "data/clean", "a folder written by build-data", "the cleaned data to use"),
                ("fig_dir", "book/figures", "any folder", "where PNG and SVG exports go")]
        columns = ["parameter", "default", "accepts", "meaning"]
    return table(pd.DataFrame([dict(zip(columns, row)) for row in rows]), "reproduce-params")


def glue_keys_table(lang: str = "en") -> Table:
    """Every number the prose quotes: its glue key, the notebook that computes it and what it means."""
    columns = ["键", "笔记本", "含义"] if lang == "zh" else ["key", "notebook", "meaning"]
    return table(pd.DataFrame([dict(zip(columns, (k, nb, meaning(k, lang)))) for k, (nb, _) in KEYS.items()]),
                 "glue-keys")
