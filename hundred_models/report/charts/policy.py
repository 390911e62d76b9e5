"""Chapter 5 chart: every rule and plan the articles name, from draft to taking effect."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from .. import style
from .chart import Chart
from ..load import load
from ..params import Params
from .common import names, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

STAGES = [("draft_date", "Draft for comment", "征求意见稿"), ("adopted_date", "Adopted", "审议通过"),
          ("published_date", "Published", "公布"), ("effective_date", "Takes effect", "施行")]
MARKERS = {"draft_date": "o", "adopted_date": "s", "published_date": "D", "effective_date": "*"}
LEVELS = {"national": ("National", "全国"), "local": ("Local", "地方"), "international": ("International", "国际")}


def timeline_data(p: Params) -> pd.DataFrame:
    """One row per policy and stage with its date, where it comes from, and the articles' date if different."""
    pol = load("policies", p.data_dir)
    events = load("events", p.data_dir)
    rows = []
    for rec in pol.to_dict("records"):
        for stage, _, _ in STAGES:
            date = rec[stage]
            if not isinstance(date, str):
                continue
            ev = events[(events["subject"] == rec["entity_id"]) & (events["event"] == stage)]
            e = ev.iloc[0] if len(ev) else None
            rows.append({"policy": rec["entity_id"], "level": rec["level"], "stage": stage, "date": date,
                         "origin": e["origin"] if e is not None else None,
                         "article_date": e["article_date"] if e is not None else None,
                         "citation": e["citation"] if e is not None else None,
                         "source_ids": e["source_ids"] if e is not None else None})
    out = pd.DataFrame(rows)
    out = out[out["date"].str[:4].astype(int).between(p.start_year, p.end_year)]
    first = out.groupby("policy")["date"].min()
    out["first_date"] = out["policy"].map(first)
    return out.sort_values(["first_date", "policy", "date"], kind="mergesort").drop(columns="first_date").reset_index(drop=True)


def _when(date: str) -> pd.Timestamp:
    return pd.Timestamp(date + ("-07-01" if len(date) == 4 else "-15" if len(date) == 7 else ""))


def draw_timeline(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    label = names(p)
    order = list(dict.fromkeys(data["policy"]))
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.27)
    ax.grid(axis="y", visible=False)
    for i, pol in enumerate(order):
        rows = data[data["policy"] == pol]
        dates = rows["date"].map(_when)
        if len(rows) > 1:
            ax.plot([dates.min(), dates.max()], [i, i], color="#BBBBBB", lw=5, solid_capstyle="butt", zorder=1)
        for r, when in zip(rows.to_dict("records"), dates):
            colour = style.COLOURS[r["stage"]]
            hollow = len(r["date"]) < 10
            ax.scatter([when], [i], marker=MARKERS[r["stage"]], s=layout.base_size * (9 if r["stage"] == "effective_date" else 5),
                       facecolor="white" if hollow else colour, edgecolor=colour, lw=1.4, zorder=3)
            art = r["article_date"]
            if isinstance(art, str) and art and art[: len(r["date"])] != r["date"][: len(art)]:
                ax.scatter([_when(art)], [i], marker="x", color=style.COLOURS["text"], s=layout.base_size * 4, zorder=3)
                ax.annotate("", xy=(when, i), xytext=(_when(art), i),
                            arrowprops={"arrowstyle": "->", "color": style.COLOURS["muted"], "lw": 0.8})
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([f"{label[o][1 if lang == 'zh' else 0]}" for o in order], fontsize=layout.base_size * 0.88)
    ax.invert_yaxis()
    years = range(p.start_year, p.end_year + 1)
    lo, hi = data["date"].map(_when).min(), data["date"].map(_when).max()
    ax.set_xlim(max(lo - pd.Timedelta(days=120), pd.Timestamp(f"{p.start_year}-01-01")),
                min(hi + pd.Timedelta(days=120), pd.Timestamp(f"{p.end_year}-12-31")))
    years = [y for y in years if ax.get_xlim()[0] <= mdates.date2num(pd.Timestamp(f"{y}-01-01")) <= ax.get_xlim()[1]]
    ax.set_xticks([pd.Timestamp(f"{y}-01-01") for y in years])
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    for stage, en, zh in STAGES:
        ax.scatter([], [], marker=MARKERS[stage], color=style.COLOURS[stage], s=layout.base_size * 5, label=tr(lang, en, zh))
    ax.scatter([], [], marker="o", facecolor="white", edgecolor=style.COLOURS["muted"], s=layout.base_size * 5,
               label=tr(lang, "Month or year only", "仅有年月"))
    ax.scatter([], [], marker="x", color=style.COLOURS["text"], s=layout.base_size * 4,
               label=tr(lang, "Article's date, where it differs", "文章给出的不同日期"))
    ax.legend(loc="center left", ncols=1, fontsize=layout.base_size * 0.8)
    subtitle = tr(lang, "Dates from the articles, or from the official text where the articles lack or misstate them",
                  "日期取自文章；文章缺失或有误时取自官方文本")
    return fig, subtitle


CHARTS.append(Chart(
    name="policy-timeline", notebook="05_policy",
    title={"en": "From draft to force: the rules around large models", "zh": "从征求意见到施行：大模型相关规则"},
    caption="Each rule, plan and letter the articles name, with its draft, adoption, publication and effective dates. "
            "Filled markers are exact days; hollow ones a month or year. A cross marks an article's date where the "
            "official one differs.",
    alt="Gantt-style timeline from 2017 to 2025 with one row per policy. The algorithmic-recommendation and "
        "deep-synthesis provisions each run from a draft to taking effect; the generative AI measures run from a draft "
        "in April 2023 to taking effect in August 2023; the open letter shows the article's later date beside the "
        "letter's own.",
    data=timeline_data, draw=draw_timeline))
