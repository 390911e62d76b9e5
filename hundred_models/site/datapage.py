"""The Data page's searchable tables: claims, models, facts and disagreements, for readers.

Each table is shown with human headers, names instead of ids and numbers written for reading,
and becomes searchable, sortable and filterable in the browser with DataTables (the core
library only, vendored under ``book/static/vendor/datatables``; no request leaves the site).
The rows travel as JSON in the page, with a display value and a sort value for each cell, so
"175 billion" sorts after "13 billion". Long text (notes, citations) is not a column: each row's
"More" button opens it in a details row, and the search still finds it. itables' offline bundle was measured and not used: its
DataTables build with every extension weighs 725 kB (965 kB once inlined), which alone would
put the Data page over its 1.5 MB budget; DataTables' core and stylesheet weigh 153 kB.

:func:`searchable` returns an object that Jupyter and myst-nb render as HTML; the Sphinx
extension loads the script only on pages that contain such a table. Every table (and :func:`downloads`)
takes the edition's language: the Chinese edition gets Chinese headers, captions, names, dates, numbers
(万, 亿) and interface words; the data's free-text notes exist only in English and say so in their header.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import pandas as pd

from ..data.labels import attribute_words
from ..data.schema import CLEAN_TABLES
from ..report.load import data_checksum, load
from ..report.notebook import human_date
from ..report.style import short_number
from ..report.tables import ARCHITECTURES, BUILD_KINDS, DETECTED_BY, DISCREPANCY_KINDS, QUALIFIERS, reader_names, yes_no

#: Marker class the Sphinx extension looks for to load DataTables on a page.
MARKER = "hmw-datatable"
#: Columns whose values are few enough to offer as a drop-down filter.
MAX_CHOICES = 30

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: Units of claims.csv value in Chinese, as a figure reads with them (1750亿参数, 10亿美元, 68人).
UNITS_ZH = {"USD": "美元", "CNY": "元", "percent": "%", "parameters": "参数", "GPU": "块GPU", "people": "人",
            "months": "个月", "years": "年", "companies": "家公司", "models": "个模型", "users": "个用户",
            "industries": "个行业", "datasets": "个数据集", "tasks": "项任务", "genes": "个基因", "kinds": "类",
            "levels": "层", "modalities": "种模态", "principles": "项原则", "sequences": "条序列", "signals": "种信号",
            "solutions": "个解决方案", "stages": "个阶段", "boolean (1 = yes)": "（1表示是）",
            "boolean (0 = did not sign)": "（0表示未签名）"}
#: Words for the codes the four tables show, in Chinese (the English tables show the codes' own words).
KINDS_ZH = {"number": "数字", "date": "日期", "named": "名称"}
THEMES_ZH = {"history": "历史", "players": "参与者", "vertical": "垂直模型", "compute": "算力", "policy": "政策",
             "market": "市场"}
COUNTRIES_ZH = {"China": "中国", "United States": "美国", "Rest of world": "其他国家和地区", "Multinational": "跨国",
                "Unknown": "未知"}
SIZE_BASES_ZH = {"articles": "文章", "external": "有出处的文件", "epoch": "Epoch AI"}
#: The tables' own words (captions, headers, the note shown without JavaScript) by language.
CAPTIONS = {
    "claims": ("Every figure, date and name taken from the five articles, as printed and as read.",
               "从五篇文章中取出的每个数字、日期和名称：原文如何印，我们如何读。"),
    "models": ("The models the articles name, with the size and date the charts use and Epoch AI's.",
               "文章提到的模型，附图表采用的参数量和日期，以及Epoch AI的数值。"),
    "facts": ("Claims merged across articles: one row per distinct value, with every article that gives it.",
              "跨文章合并的说法：每个不同数值一行，附给出该数值的每篇文章。"),
    "disagreements": ("Where the articles disagree with each other, with Epoch AI or with the record.",
                      "文章之间、文章与Epoch AI之间、文章与公开记录之间的分歧。"),
}
#: DataTables' and the page script's interface words in Chinese (the English ones are the script's defaults).
INTERFACE_ZH = {
    "language": {"search": "搜索此表：", "lengthMenu": "每页 _MENU_ 行", "info": "第 _START_—_END_ 行，共 _TOTAL_ 行",
                 "infoEmpty": "共 0 行", "infoFiltered": "（从 _MAX_ 行中筛选）", "zeroRecords": "没有匹配的行",
                 "emptyTable": "表中没有数据", "lengthLabels": {"-1": "全部"},
                 "aria": {"orderable": "：点击排序", "orderableReverse": "：点击倒序排列", "orderableRemove": "：点击取消排序",
                          "paginate": {"first": "第一页", "last": "最后一页", "next": "下一页", "previous": "上一页"}}},
    "ui": {"all": "全部", "blank": "（空）", "more": "详情", "allRows": "全部"},
}


def readable_number(value, unit: str | None = None, lang: str = "en") -> str:
    """175000000000 -> '175 billion' / '1750亿', 0.35 -> '0.35', 12000000 USD -> '12 million US dollars' / '1200万美元'."""
    if value is None or value is pd.NA or value == "" or pd.isna(value):
        return ""
    value = float(value)
    if lang == "zh":
        text = short_number(value, "zh") if abs(value) >= 1e4 else (f"{value:,.0f}" if value == int(value) else f"{value:,.3g}")
        return f"{text}{UNITS_ZH.get(unit or '', unit or '')}"
    text = None
    for size, word in _SCALES:
        if abs(value) >= size:
            text = f"{value / size:,.3g} {word}" if value / size < 1000 else f"{value / size:,.0f} {word}"
            break
    if text is None:
        text = f"{value:,.0f}" if value == int(value) else f"{value:,.3g}"
    unit = {"USD": "US dollars", "percent": "%", "parameters": "parameters"}.get(unit or "", unit or "")
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip()


def _date(value, lang: str = "en") -> str:
    return "" if value is None or pd.isna(value) or value == "" else human_date(str(value), lang)


def _words(identifier) -> str:
    """'release_date' -> 'release date', 'more_than' -> 'more than'."""
    return "" if identifier is None or pd.isna(identifier) else str(identifier).replace("_", " ")


def _label(value, words: dict, lang: str) -> str:
    """A code in the reader's words: its own words in English ('more_than': 'more than'), ``words`` in Chinese."""
    if value is None or pd.isna(value) or value == "":
        return ""
    if lang != "zh":
        return _words(value)
    word = words.get(str(value), str(value))
    return word[1] if isinstance(word, tuple) else word


@dataclass
class Column:
    title: str
    display: list[str]
    sort: list | None = None
    filter: bool = False
    wide: bool = False


@dataclass
class Searchable:
    """A table for the Data page: columns of display (and sort) values, rendered for DataTables."""

    name: str
    caption: str
    columns: list[Column] = field(default_factory=list)
    lang: str = "en"

    @property
    def rows(self) -> int:
        return len(self.columns[0].display) if self.columns else 0

    def payload(self) -> dict:
        """{"columns": [{title, filter, wide, sort?}], "data": rows of display strings}; ``sort``, where
        given, holds the column's sort keys (numbers, ISO dates), row by row. A Chinese table also carries the
        interface's words ("language" for DataTables, "ui" for the page script)."""
        data = [[str(col.display[i]) for col in self.columns] for i in range(self.rows)]
        columns = []
        for c in self.columns:
            spec = {"title": c.title, "filter": bool(c.filter and len(set(c.display)) <= MAX_CHOICES), "wide": c.wide}
            if c.sort is not None:
                spec["sort"] = [None if k is None or k is pd.NA or pd.isna(k) else
                                (float(k) if isinstance(k, (int, float)) and not isinstance(k, bool) else str(k))
                                for k in c.sort]
            columns.append(spec)
        payload = {"columns": columns, "data": data}
        if self.lang == "zh":
            payload.update(INTERFACE_ZH)
        return payload

    def _repr_html_(self) -> str:
        payload = json.dumps(self.payload(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        head = "".join(f"<th scope=\"col\">{html.escape(c.title)}</th>" for c in self.columns)
        note = (f"共{self.rows:,}行：此表需要JavaScript才能显示；同样的数据见上方的CSV下载。" if self.lang == "zh" else
                f"{self.rows:,} rows: this table needs JavaScript to show; the same data is in the CSV download above.")
        return (f'<div class="{MARKER}" id="table-{self.name}">'
                f'<script type="application/json" class="hmw-datatable-data">{payload}</script>'
                f'<table class="display compact"><caption>{html.escape(self.caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody></tbody></table>"
                f"<noscript><p>{note}</p></noscript></div>")

    def __repr__(self) -> str:
        return f"<searchable table {self.name}: {self.rows} rows, {len(self.columns)} columns>"


def _names(lang: str = "en") -> dict[str, str]:
    entities = load("entities")
    if lang == "zh":  # a Chinese name, else the Chinese short form (商汤视觉模型), else the English name
        return {e: zh for e, (_, zh) in reader_names(entities).items()}
    return dict(zip(entities["entity_id"], entities["name_en"].fillna(entities["entity_id"])))


def _articles(lang: str = "en") -> dict[str, str]:
    sources = load("sources")
    return dict(zip(sources["source_id"], sources["outlet_short_zh" if lang == "zh" else "outlet_short_en"]))


def _many(ids, mapping: dict[str, str], lang: str = "en") -> str:
    if ids is None or pd.isna(ids) or ids == "":
        return ""
    return ("、" if lang == "zh" else "; ").join(mapping.get(i, i) for i in str(ids).split("|"))


def _t(en: str, zh: str, lang: str) -> str:
    return zh if lang == "zh" else en


def _values(frame, names, lang: str) -> list[str]:
    """The value a claim or fact gives, read: a number with its unit, a date, or the entity it names."""
    return [readable_number(v, u, lang) if k == "number" else (_date(d, lang) if k == "date" else names.get(o, o or ""))
            for k, v, u, d, o in zip(frame["kind"], frame["value"], frame["unit"], frame["date"],
                                     frame["object"].fillna(""))]


def claims_table(lang: str = "en") -> Searchable:
    claims, names, articles = load("claims"), _names(lang), _articles(lang)
    return Searchable("claims", CAPTIONS["claims"][lang == "zh"], [
        Column(_t("Claim", "说法", lang), list(claims["claim_id"])),
        Column(_t("Article", "文章", lang), [articles.get(s, s) for s in claims["source_id"]], filter=True),
        Column(_t("Line", "行", lang), [str(int(x)) for x in claims["line"]], sort=[int(x) for x in claims["line"]]),
        Column(_t("As printed", "原文数字", lang), list(claims["anchor"].fillna(""))),
        Column(_t("Kind", "种类", lang), [_label(k, KINDS_ZH, lang) if lang == "zh" else k for k in claims["kind"]],
               filter=True),
        Column(_t("Theme", "主题", lang), [_label(t, THEMES_ZH, lang) if lang == "zh" else t for t in claims["theme"]],
               filter=True),
        Column(_t("About", "对象", lang), [names.get(s, s) for s in claims["subject"]]),
        Column(_t("What", "属性", lang), [attribute_words(a, lang) for a in claims["attribute"]]),
        Column(_t("Value read", "读出的数值", lang), _values(claims, names, lang),
               sort=[v if k == "number" and pd.notna(v) else None for k, v in zip(claims["kind"], claims["value"])]),
        Column(_t("Hedge", "限定词", lang), [_label(q, QUALIFIERS, lang) for q in claims["qualifier"]], filter=True),
        Column(_t("Note", "备注（英文）", lang), list(claims["note"].fillna("")), wide=True),
    ], lang)


def models_table(lang: str = "en") -> Searchable:
    models, names = load("models"), _names(lang)
    released = models["release_date_precise"].fillna(models["release_date"])
    return Searchable("models", CAPTIONS["models"][lang == "zh"], [
        Column(_t("Model", "模型", lang), list(models["name_en"])),
        Column(_t("Chinese name", "中文名称", lang), list(models["name_zh"].fillna(""))),
        Column(_t("Developers", "开发机构", lang), [_many(d, names, lang) for d in models["developers"]]),
        Column(_t("Country", "国家", lang), [COUNTRIES_ZH.get(c, c) if lang == "zh" else c
                                             for c in models["country_group"].fillna("")], filter=True),
        Column(_t("Architecture", "架构", lang), [ARCHITECTURES.get(a, (a, a))[1] if lang == "zh" and a else a
                                                   for a in models["architecture"].fillna("")], filter=True),
        Column(_t("Parameters (used)", "参数量（采用）", lang),
               [readable_number(v, None, lang) for v in models["parameters_precise"]], sort=list(models["parameters_precise"])),
        Column(_t("As printed", "原文数字", lang), list(models["parameters_anchor"].fillna(""))),
        Column(_t("Size from", "参数量来源", lang), [_label(b, SIZE_BASES_ZH, lang) for b in models["parameters_basis"]],
               filter=True),
        Column(_t("Released", "发布日期", lang), [_date(d, lang) for d in released],
               sort=[str(d) if pd.notna(d) else None for d in released]),
        Column(_t("Epoch AI parameters", "Epoch AI参数量", lang),
               [readable_number(v, None, lang) for v in models["epoch_parameters"]], sort=list(models["epoch_parameters"])),
        Column(_t("Note", "备注（英文）", lang), list(models["note"].fillna("")), wide=True),
    ], lang)


def facts_table(lang: str = "en") -> Searchable:
    facts, names, articles = load("facts"), _names(lang), _articles(lang)
    return Searchable("facts", CAPTIONS["facts"][lang == "zh"], [
        Column(_t("Fact", "事实", lang), list(facts["fact_id"])),
        Column(_t("About", "对象", lang), [names.get(s, s) for s in facts["subject"]]),
        Column(_t("What", "属性", lang), [attribute_words(a, lang) for a in facts["attribute"]]),
        Column(_t("Value", "数值", lang), _values(facts, names, lang),
               sort=[v if k == "number" and pd.notna(v) else None for k, v in zip(facts["kind"], facts["value"])]),
        Column(_t("As printed", "原文数字", lang), list(facts["anchor"].fillna(""))),
        Column(_t("From", "来源", lang), [(_t("articles", "文章", lang) if o == "articles" else
                                           _t("outside source", "外部来源", lang)) for o in facts["origin"]], filter=True),
        Column(_t("Articles", "文章", lang), [_many(s, articles, lang) for s in facts["source_ids"]]),
        Column(_t("Independent articles", "独立文章数", lang), [str(int(n)) for n in facts["n_independent"]],
               sort=[int(n) for n in facts["n_independent"]], filter=True),
        Column(_t("Conflicts", "冲突", lang), [yes_no(bool(c), lang) for c in facts["conflict"]], filter=True),
        Column(_t("Citation", "出处", lang), list(facts["citation"].fillna("")), wide=True),
    ], lang)


def disagreements_table(lang: str = "en") -> Searchable:
    disc, names, articles = load("discrepancies"), _names(lang), _articles(lang)
    kinds = {**DISCREPANCY_KINDS, **BUILD_KINDS}
    return Searchable("disagreements", CAPTIONS["disagreements"][lang == "zh"], [
        Column(_t("Id", "编号", lang), list(disc["discrepancy_id"])),
        Column(_t("Kind", "类别", lang), [_label(k, kinds, lang) for k in disc["kind"]], filter=True),
        Column(_t("About", "对象", lang), [names.get(s, s) for s in disc["subject"]]),
        Column(_t("What", "属性", lang), [attribute_words(a, lang) for a in disc["attribute"]]),
        Column(_t("Figures printed", "所印数值", lang), list(disc["values"].fillna(""))),
        Column(_t("Articles", "文章", lang), [_many(s, articles, lang) for s in disc["source_ids"]]),
        Column(_t("What we did", "处理方式（英文）", lang), list(disc["resolution"].fillna("")), wide=True),
        Column(_t("Note", "备注（英文）", lang), list(disc["note"].fillna("")), wide=True),
        Column(_t("Found by", "发现者", lang), [_label(d, DETECTED_BY, lang) if lang == "zh" else d
                                                 for d in disc["detected_by"].fillna("")], filter=True),
    ], lang)


def searchable(name: str, lang: str = "en") -> Searchable:
    """One of the Data page's tables by name: claims, models, facts or disagreements, in ``lang``."""
    return {"claims": claims_table, "models": models_table, "facts": facts_table,
            "disagreements": disagreements_table}[name](lang)


#: The downloads table's words by language.
DOWNLOAD_WORDS = {"en": ("| Table | Rows | What it holds | Licence |", "The schema of every table",
                         "Checksum of this build (SHA-256 over all files): `{}`."),
                  "zh": ("| 数据表 | 行数 | 内容 | 许可 |", "所有数据表的结构说明",
                         "本次构建的校验和（所有文件的SHA-256）：`{}`。")}


def downloads(lang: str = "en") -> str:
    """The Data page's downloads: every clean table with its rows, what it holds and its licence, as MyST Markdown."""
    header, schema_words, checksum = DOWNLOAD_WORDS[lang]
    epoch = "CC BY 4.0（Epoch AI）" if lang == "zh" else "CC BY 4.0 (Epoch AI)"
    lines = [header, "| --- | --- | --- | --- |"]
    for name, table in CLEAN_TABLES.items():
        licence = epoch if name.startswith("epoch_models") else "CC BY 4.0"
        lines.append(f"| {{download}}`{name}.csv </data/clean/{name}.csv>` | {len(load(name)):,} | {table.doc(lang)} | "
                     f"{licence} |")
    lines.append(f"| {{download}}`datapackage.json </data/clean/datapackage.json>` | | {schema_words} | CC BY 4.0 |")
    lines.append("")
    lines.append(checksum.format(data_checksum()[:16]))
    return "\n".join(lines)
