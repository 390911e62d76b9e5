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
extension loads the script only on pages that contain such a table.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field

import pandas as pd

from ..report.load import load
from ..report.notebook import human_date

#: Marker class the Sphinx extension looks for to load DataTables on a page.
MARKER = "hmw-datatable"
#: Columns whose values are few enough to offer as a drop-down filter.
MAX_CHOICES = 30

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def readable_number(value, unit: str | None = None) -> str:
    """175000000000 -> '175 billion', 0.35 -> '0.35', 12000000 USD -> '12 million US dollars'."""
    if value is None or value is pd.NA or value == "" or pd.isna(value):
        return ""
    value = float(value)
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


def _date(value) -> str:
    return "" if value is None or pd.isna(value) or value == "" else human_date(str(value))


def _words(identifier) -> str:
    """'release_date' -> 'release date', 'more_than' -> 'more than'."""
    return "" if identifier is None or pd.isna(identifier) else str(identifier).replace("_", " ")


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

    @property
    def rows(self) -> int:
        return len(self.columns[0].display) if self.columns else 0

    def payload(self) -> dict:
        """{"columns": [{title, filter, wide, sort?}], "data": rows of display strings}; ``sort``, where
        given, holds the column's sort keys (numbers, ISO dates), row by row."""
        data = [[str(col.display[i]) for col in self.columns] for i in range(self.rows)]
        columns = []
        for c in self.columns:
            spec = {"title": c.title, "filter": bool(c.filter and len(set(c.display)) <= MAX_CHOICES), "wide": c.wide}
            if c.sort is not None:
                spec["sort"] = [None if k is None or k is pd.NA or pd.isna(k) else
                                (float(k) if isinstance(k, (int, float)) and not isinstance(k, bool) else str(k))
                                for k in c.sort]
            columns.append(spec)
        return {"columns": columns, "data": data}

    def _repr_html_(self) -> str:
        payload = json.dumps(self.payload(), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        head = "".join(f"<th scope=\"col\">{html.escape(c.title)}</th>" for c in self.columns)
        return (f'<div class="{MARKER}" id="table-{self.name}">'
                f'<script type="application/json" class="hmw-datatable-data">{payload}</script>'
                f'<table class="display compact"><caption>{html.escape(self.caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody></tbody></table>"
                f"<noscript><p>{self.rows:,} rows: this table needs JavaScript to show; the same data is in "
                f"the CSV download above.</p></noscript></div>")

    def __repr__(self) -> str:
        return f"<searchable table {self.name}: {self.rows} rows, {len(self.columns)} columns>"


def _names() -> dict[str, str]:
    entities = load("entities")
    return dict(zip(entities["entity_id"], entities["name_en"].fillna(entities["entity_id"])))


def _articles() -> dict[str, str]:
    sources = load("sources")
    return dict(zip(sources["source_id"], sources["outlet_short_en"]))


def _many(ids, mapping: dict[str, str]) -> str:
    if ids is None or pd.isna(ids) or ids == "":
        return ""
    return "; ".join(mapping.get(i, i) for i in str(ids).split("|"))


def claims_table() -> Searchable:
    claims, names, articles = load("claims"), _names(), _articles()
    values = [readable_number(v, u) if k == "number" else (_date(d) if k == "date" else names.get(o, o or ""))
              for k, v, u, d, o in zip(claims["kind"], claims["value"], claims["unit"], claims["date"],
                                       claims["object"].fillna(""))]
    return Searchable("claims", "Every figure, date and name taken from the five articles, as printed and as read.", [
        Column("Claim", list(claims["claim_id"])),
        Column("Article", [articles.get(s, s) for s in claims["source_id"]], filter=True),
        Column("Line", [str(int(x)) for x in claims["line"]], sort=[int(x) for x in claims["line"]]),
        Column("As printed", list(claims["anchor"].fillna(""))),
        Column("Kind", list(claims["kind"]), filter=True),
        Column("Theme", list(claims["theme"]), filter=True),
        Column("About", [names.get(s, s) for s in claims["subject"]]),
        Column("What", [_words(a) for a in claims["attribute"]]),
        Column("Value read", values, sort=[v if k == "number" and pd.notna(v) else None
                                           for k, v in zip(claims["kind"], claims["value"])]),
        Column("Hedge", [_words(q) for q in claims["qualifier"]], filter=True),
        Column("Note", list(claims["note"].fillna("")), wide=True),
    ])


def models_table() -> Searchable:
    models, names = load("models"), _names()
    return Searchable("models", "The models the articles name, with the size and date the charts use and Epoch AI's.", [
        Column("Model", list(models["name_en"])),
        Column("Chinese name", list(models["name_zh"].fillna(""))),
        Column("Developers", [_many(d, names) for d in models["developers"]]),
        Column("Country", list(models["country_group"].fillna("")), filter=True),
        Column("Architecture", list(models["architecture"].fillna("")), filter=True),
        Column("Parameters (used)", [readable_number(v) for v in models["parameters_precise"]],
               sort=list(models["parameters_precise"])),
        Column("As printed", list(models["parameters_anchor"].fillna(""))),
        Column("Size from", [_words(b) for b in models["parameters_basis"]], filter=True),
        Column("Released", [_date(d) for d in models["release_date_precise"].fillna(models["release_date"])],
               sort=[str(d) if pd.notna(d) else None for d in models["release_date_precise"].fillna(models["release_date"])]),
        Column("Epoch AI parameters", [readable_number(v) for v in models["epoch_parameters"]],
               sort=list(models["epoch_parameters"])),
        Column("Note", list(models["note"].fillna("")), wide=True),
    ])


def facts_table() -> Searchable:
    facts, names, articles = load("facts"), _names(), _articles()
    values = [readable_number(v, u) if k == "number" else (_date(d) if k == "date" else names.get(o, o or ""))
              for k, v, u, d, o in zip(facts["kind"], facts["value"], facts["unit"], facts["date"],
                                       facts["object"].fillna(""))]
    return Searchable("facts", "Claims merged across articles: one row per distinct value, with every article that gives it.", [
        Column("Fact", list(facts["fact_id"])),
        Column("About", [names.get(s, s) for s in facts["subject"]]),
        Column("What", [_words(a) for a in facts["attribute"]]),
        Column("Value", values, sort=[v if k == "number" and pd.notna(v) else None
                                      for k, v in zip(facts["kind"], facts["value"])]),
        Column("As printed", list(facts["anchor"].fillna(""))),
        Column("From", ["articles" if o == "articles" else "outside source" for o in facts["origin"]], filter=True),
        Column("Articles", [_many(s, articles) for s in facts["source_ids"]]),
        Column("Independent articles", [str(int(n)) for n in facts["n_independent"]],
               sort=[int(n) for n in facts["n_independent"]], filter=True),
        Column("Conflicts", ["yes" if c else "no" for c in facts["conflict"]], filter=True),
        Column("Citation", list(facts["citation"].fillna("")), wide=True),
    ])


def disagreements_table() -> Searchable:
    disc, names, articles = load("discrepancies"), _names(), _articles()
    return Searchable("disagreements", "Where the articles disagree with each other, with Epoch AI or with the record.", [
        Column("Id", list(disc["discrepancy_id"])),
        Column("Kind", [_words(k) for k in disc["kind"]], filter=True),
        Column("About", [names.get(s, s) for s in disc["subject"]]),
        Column("What", [_words(a) for a in disc["attribute"]]),
        Column("Figures printed", list(disc["values"].fillna(""))),
        Column("Articles", [_many(s, articles) for s in disc["source_ids"]]),
        Column("What we did", list(disc["resolution"].fillna("")), wide=True),
        Column("Note", list(disc["note"].fillna("")), wide=True),
        Column("Found by", list(disc["detected_by"].fillna("")), filter=True),
    ])


def searchable(name: str) -> Searchable:
    """One of the Data page's tables by name: claims, models, facts or disagreements."""
    return {"claims": claims_table, "models": models_table, "facts": facts_table,
            "disagreements": disagreements_table}[name]()
