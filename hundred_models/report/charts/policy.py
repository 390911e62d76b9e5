"""Chapter 5 chart: every rule and plan the articles name, from draft to taking effect."""
from __future__ import annotations

import pandas as pd

from .. import style
from .chart import Chart
from ..load import load
from ..params import Params
from .common import human_date, names, tr

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
    label = names(p)
    out.insert(1, "name_en", out["policy"].map(lambda e: label[e][0]))
    out.insert(2, "name_zh", out["policy"].map(lambda e: label[e][1]))
    first = out.groupby("policy")["date"].min()
    out["first_date"] = out["policy"].map(first)
    return out.sort_values(["first_date", "policy", "date"], kind="mergesort").drop(columns="first_date").reset_index(drop=True)


def _when(date: str) -> pd.Timestamp:
    return pd.Timestamp(date + ("-07-01" if len(date) == 4 else "-15" if len(date) == 7 else ""))


#: A stretch of more than this with no date is cut out of the axis (with a break mark) rather than drawn empty.
GAP = pd.Timedelta(days=365)
#: Room around each stretch of dates.
PAD = pd.Timedelta(days=75)


def segments(dates) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Stretches of time that hold dates, split wherever more than GAP passes without one."""
    ordered = sorted(dates)
    out = [[ordered[0], ordered[0]]]
    for when in ordered[1:]:
        if when - out[-1][1] > GAP:
            out.append([when, when])
        else:
            out[-1][1] = when
    return [(a, b) for a, b in out]


def _order(data: pd.DataFrame) -> list[str]:
    """Chinese rules and plans first (by their first date), then anything from abroad, set apart."""
    first = data.groupby("policy")["date"].min()
    level = data.groupby("policy")["level"].first()
    return sorted(first.index, key=lambda pol: (level[pol] == "international", first[pol], pol))


def _differs(r: dict) -> bool:
    """The article gives a date that the official one contradicts (not merely a less precise one)."""
    art = r["article_date"]
    return isinstance(art, str) and bool(art) and art[: len(r["date"])] != r["date"][: len(art)]


def _offsets(dates: list[pd.Timestamp], days: float) -> list[float]:
    """Vertical offsets so that markers closer than ``days`` sit above and below each other instead of on top."""
    out = [0.0] * len(dates)
    order = sorted(range(len(dates)), key=lambda k: dates[k])
    k = 0
    while k < len(order):
        cluster = [order[k]]
        while k + 1 < len(order) and (dates[order[k + 1]] - dates[cluster[-1]]).days < days:
            k += 1
            cluster.append(order[k])
        if len(cluster) > 1:
            for n, idx in enumerate(cluster):
                out[idx] = (n - (len(cluster) - 1) / 2) * 0.3
        k += 1
    return out


def _ticks(ax, start: pd.Timestamp, end: pd.Timestamp, lang: str) -> None:
    years = [y for y in range(start.year, end.year + 2) if start <= pd.Timestamp(f"{y}-01-01") <= end]
    if years and end - start > pd.Timedelta(days=400):
        ax.set_xticks([pd.Timestamp(f"{y}-01-01") for y in years])
        ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    else:  # a short stretch inside one year: one tick, at its middle month
        middle = start + (end - start) / 2
        ax.set_xticks([pd.Timestamp(middle.year, middle.month, 1)])
        ax.set_xticklabels([human_date(f"{middle.year}-{middle.month:02d}", lang)])


def draw_timeline(data: pd.DataFrame, p: Params, layout: style.Layout):
    import matplotlib.pyplot as plt

    lang = p.lang
    zh = lang == "zh"
    order = _order(data)
    name = dict(zip(data["policy"], data["name_zh" if zh else "name_en"]))
    when_all = list(data["date"].map(_when)) + [_when(r["article_date"]) for r in data.to_dict("records") if _differs(r)]
    spans = [(a - PAD, b + PAD) for a, b in segments(when_all)]
    widths = [max((b - a).days, 200) for a, b in spans]
    fig, axes = style.new_figure(layout, 1, len(spans), sharey=True, squeeze=False, report_height=5.4,
                                 gridspec_kw={"width_ratios": widths})
    axes = list(axes[0, :])
    size = min(layout.base_size * 0.85, 14.0) ** 2
    days_per_inch = sum(widths) / (layout.width * 0.55)
    close = (size ** 0.5 / 72) * days_per_inch * 1.2
    abroad = [i for i, pol in enumerate(order) if (data.loc[data["policy"] == pol, "level"] == "international").any()]
    for ax, (a, b) in zip(axes, spans):
        ax.grid(axis="y", visible=False)
        if abroad:  # a foreign letter among Chinese rules: shaded and labelled apart
            ax.axhspan(min(abroad) - 0.5, max(abroad) + 0.5, color=style.COLOURS["band"], zorder=0, lw=0)
            ax.axhline(min(abroad) - 0.5, color="#BBBBBB", lw=0.8, zorder=1)
        for i, pol in enumerate(order):
            rows = data[data["policy"] == pol].to_dict("records")
            dates = [_when(r["date"]) for r in rows]
            if len(rows) > 1:
                ax.plot([min(dates), max(dates)], [i, i], color="#C8C8C8", lw=4, solid_capstyle="butt", zorder=1)
            shift = _offsets(dates, close)
            for r, when, dy in zip(rows, dates, shift):
                colour = style.COLOURS[r["stage"]]
                hollow = len(r["date"]) < 10
                ax.scatter([when], [i + dy], marker=MARKERS[r["stage"]],
                           s=size * (1.9 if r["stage"] == "effective_date" else 1.0),
                           facecolor="white" if hollow else colour, edgecolor=colour, lw=1.4, zorder=3)
                art = r["article_date"]
                if _differs(r):
                    # just above the row, so it never covers the marker of the official date
                    ax.scatter([_when(art)], [i + dy - 0.32], marker="x", color=style.COLOURS["text"], s=size * 0.6,
                               lw=1.4, zorder=4)
        ax.set_xlim(a, b)
        _ticks(ax, a, b, lang)
    for left, right in zip(axes[:-1], axes[1:]):  # the cut in the time axis, drawn as a break
        left.spines["right"].set_visible(False)
        right.spines["left"].set_visible(False)
        right.tick_params(axis="y", length=0)
        for ax, x in ((left, 1), (right, 0)):
            ax.plot([x - 0.012, x + 0.012], [-0.02, 0.02], transform=ax.transAxes, color="#444444", lw=1,
                    clip_on=False)
    axes[0].set_yticks(range(len(order)))
    width = layout.width * 0.3
    shown = [name[pol] + (tr(lang, " (abroad)", "（国外）") if i in abroad else "") for i, pol in enumerate(order)]
    axes[0].set_yticklabels([t if layout.slide else style.wrap(fig, t, layout.tick_size, width) for t in shown])
    axes[0].set_ylim(len(order) - 0.4, -0.7)
    handles = [plt.Line2D([], [], ls="", marker=MARKERS[stage], color=style.COLOURS[stage],
                          markersize=size ** 0.5 * (1.35 if stage == "effective_date" else 1.0)) for stage, _, _ in STAGES]
    labels = [tr(lang, en, zh_) for _, en, zh_ in STAGES]
    handles += [plt.Line2D([], [], ls="", marker="o", markerfacecolor="white", markeredgecolor=style.COLOURS["muted"],
                           markersize=size ** 0.5),
                plt.Line2D([], [], ls="", marker="x", color=style.COLOURS["text"], markersize=size ** 0.5 * 0.9)]
    labels += [tr(lang, "Month only", "仅有年月"), tr(lang, "Article's date, where it differs", "文章给出的不同日期")]
    style.key_below(fig, handles, labels, ncol=3, handletextpad=0.3)
    subtitle = tr(lang, "Dates from the articles, or from the official text where the articles lack or misstate them",
                  "日期取自文章；文章缺失或有误时取自官方文本")
    note = _gap_note(segments(when_all), lang)
    return fig, subtitle, note


def _month(when: pd.Timestamp, lang: str) -> str:
    return human_date(f"{when.year}-{when.month:02d}", lang)


def _gap_note(stretches, lang: str) -> str | None:
    gaps = list(zip([b for _, b in stretches[:-1]], [a for a, _ in stretches[1:]]))
    if not gaps:
        return None
    if lang == "zh":
        text = "；".join(f"{_month(x, lang)}至{_month(y, lang)}" for x, y in gaps)
        return f"时间轴在{text}之间截断：文章所提规则在此期间没有日期。"
    text = "; ".join(f"{_month(x, lang)} and {_month(y, lang)}" for x, y in gaps)
    return f"The time axis is cut between {text}: no rule the articles name has a date in between."


def timeline_sources(data: pd.DataFrame, p: Params) -> str | None:
    """The official texts behind the dates the articles lack or misstate (cited row by row in the data)."""
    n = int((data["origin"] == "external").sum())
    if not n:
        return None
    return (f"{n}个日期取自官方文本，逐条引用见图表数据文件" if p.lang == "zh"
            else f"{n} dates from the official texts, each cited in the chart's data file")


def timeline_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    stage_name = {s: (zh_ if zh else en.lower()) for s, en, zh_ in STAGES}
    items = []
    for pol in _order(data):
        rows = data[data["policy"] == pol].to_dict("records")
        first = rows[0]
        dates = "，".join(f"{stage_name[r['stage']]}{human_date(r['date'], 'zh')}" for r in rows) if zh else \
            ", ".join(f"{stage_name[r['stage']]} {human_date(r['date'], 'en')}" for r in rows)
        abroad = first["level"] == "international"
        differs = [r for r in rows if _differs(r)]
        extra = ""
        if differs:
            r = differs[0]
            extra = (f"（文章给出{human_date(r['article_date'], 'zh')}）" if zh
                     else f" (the article gives {human_date(r['article_date'], 'en')})")
        where = ("国外，" if zh else "abroad, ") if abroad else ""
        items.append(f"{first['name_zh']}（{where}{dates}）{extra}" if zh else f"{first['name_en']} ({where}{dates}){extra}")
    years = data["date"].str[:4].astype(int)
    spans = segments(list(data["date"].map(_when)))
    cut = ""
    if len(spans) > 1:
        cut = (f"时间轴在{spans[0][1].year}年与{spans[1][0].year}年之间截断。" if zh
               else f" The axis is cut between {spans[0][1].year} and {spans[1][0].year}, when none has a date.")
    if zh:
        return (f"时间线，{years.min()}—{years.max()}年，每行一项规则、计划或公开信，标出征求意见、审议通过、公布和施行的日期。"
                + cut + "；".join(items) + "。")
    return (f"Timeline from {years.min()} to {years.max()}, one row per rule, plan or letter, marking when each was "
            f"drafted, adopted, published and took effect.{cut} " + "; ".join(items) + ".")


CHARTS.append(Chart(
    name="policy-timeline", notebook="05_policy",
    title={"en": "From draft to force: the rules around large models", "zh": "从征求意见到施行：大模型相关规则"},
    caption={"en": "Each rule, plan and letter the articles name, with its draft, adoption, publication and "
                   "effective dates. Filled markers are exact days, hollow markers a month or year; a cross marks an "
                   "article's date where the official date differs, and markers that fall on the same days sit above "
                   "and below each other rather than on top. The open letter from abroad is set apart below the "
                   "Chinese rules, and the time axis is cut where years pass with no date at all.",
             "zh": "文章提到的每项规则、规划和公开信，及其征求意见稿、审议通过、公布和施行的日期。"
                   "实心标记表示具体到日，空心标记表示只精确到月或年；叉号标出与官方日期不同的文章日期；"
                   "日期相同的标记上下错开，而不是相互重叠。来自国外的公开信单独列在中国规则的下方；"
                   "时间轴在全无日期的年份处截断。"},
    alt=timeline_alt,
    data=timeline_data, draw=draw_timeline, extra_sources=timeline_sources))
