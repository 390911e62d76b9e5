"""Chapter 1 charts: how large models grew, as the articles tell it and as Epoch AI records it."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import analysis, style
from .chart import Chart
from ...data.compare import interval
from ...data.schema import COUNTED_UNIT
from ..load import load
from ..params import Params
from ..phrases import count, join, verb
from .common import label_column, names, nothing_to_draw, place_labels, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: The articles (000 line 24, 003 line 3) name three stages of model scale and give one range of parameter counts for
#: all three together, from the 亿级 class to the 百万亿级 class; they draw no line between the stages. The chart draws
#: the two ends of that range (claims on ``model-scale-stages``) and marks the models an article calls large-scale or
#: ultra-large (``scale_class`` claims); it draws no stage bands.
STAGE_SUBJECT = "model-scale-stages"
RANGE_ENDS = {"scale_range_low": ("Low end: hundred-million class", "下端：亿级"),
              "scale_range_high": ("High end: hundred-trillion class", "上端：百万亿级")}
SCALE_CLASSES = {"stage-ultra-large": ("Called ultra-large (超大规模) by an article", "文章称为“超大规模”"),
                 "stage-large-pretrained": ("Called large-scale (大规模) by an article", "文章称为“大规模”")}
#: The same, short, for a slide's key.
SCALE_CLASSES_SHORT = {"stage-ultra-large": ("Called ultra-large", "称为“超大规模”"),
                       "stage-large-pretrained": ("Called large-scale", "称为“大规模”")}
#: Marks a point that a curated finding says may be the same model as another (known_issues.csv, k103).
FLAG = "†"


def _range_ends(p: Params) -> pd.DataFrame:
    """The two ends of the articles' range, each as the band of values its printed class allows, with its claims."""
    facts = load("facts", p.data_dir)
    ends = facts[(facts["subject"] == STAGE_SUBJECT) & facts["attribute"].isin(RANGE_ENDS) & facts["chosen"]]
    rows = []
    for r in ends.sort_values("attribute", kind="mergesort").to_dict("records"):
        high = None if pd.isna(r["value_high"]) else float(r["value_high"])
        band = interval(float(r["value"]), high, r["qualifier"], r["anchor"])
        en, zh = RANGE_ENDS[r["attribute"]]
        rows.append({"row_kind": r["attribute"], "entity_id": STAGE_SUBJECT, "name_en": en, "name_zh": zh,
                     "counted": False, "dense_record": False,
                     "parameters": band.low, "parameters_high": band.high, "parameters_as_printed": r["anchor"],
                     "stage_claim_ids": r["claim_ids"], "source_ids": r["source_ids"]})
    return pd.DataFrame(rows)


def _scale_classes(p: Params) -> pd.DataFrame:
    """entity id -> the stage an article calls it (large-scale, ultra-large), with the claims that say so."""
    facts = load("facts", p.data_dir)
    called = facts[(facts["attribute"] == "scale_class") & facts["object"].isin(SCALE_CLASSES)]
    return called.groupby("subject").agg(scale_class=("object", "first"),
                                         scale_class_claims=("claim_ids", lambda c: "|".join(sorted(c))))


def scale_data(p: Params) -> pd.DataFrame:
    """Every entry the articles size (row_kind entry) and the two ends of their range of scale (row_kind scale_range_*).

    Only entries whose unit is model count as models (Methods: the counting rule) and enter the growth fit;
    families and architectures the articles size are drawn but not counted.
    """
    m = load("models", p.data_dir)
    m = m[m["parameters_precise"].notna() & m["release_date_precise"].notna()].copy()
    m = m[m["release_date_precise"].str[:4].astype(int).between(p.start_year, p.end_year)]
    counted = m["unit"] == COUNTED_UNIT
    frontier = set(analysis.dense_frontier(m[counted])["entity_id"])
    label = names(p)
    called = _scale_classes(p)
    out = pd.DataFrame({
        "row_kind": "entry",
        "entity_id": m["entity_id"], "name_en": m["entity_id"].map(lambda e: label[e][0]),
        "name_zh": m["entity_id"].map(lambda e: label[e][1]),
        "release_date": m["release_date_precise"], "year_decimal": m["release_date_precise"].map(analysis.year_fraction),
        "parameters": m["parameters_precise"].astype(float), "parameters_as_printed": m["parameters_anchor"],
        "parameters_basis": m["parameters_basis"], "architecture": m["architecture"], "unit": m["unit"],
        "counted": counted, "count_issues": m["count_issues"],
        "scale_class": m["entity_id"].map(called["scale_class"]),
        "stage_claim_ids": m["entity_id"].map(called["scale_class_claims"]),
        "group": np.where(m["country_group"].isin(["China", "Multinational"]), "China", "Outside China"),
        "dense_record": m["entity_id"].isin(frontier), "source_ids": m["parameters_sources"],
    })
    out = out.sort_values(["year_decimal", "entity_id"], kind="mergesort")
    return pd.concat([out, _range_ends(p)], ignore_index=True)


def entries(data: pd.DataFrame) -> pd.DataFrame:
    """The rows of the scale chart's data that are sized entries (not the range ends)."""
    return data[data["row_kind"] == "entry"].reset_index(drop=True)


def coincident_labels(rows: pd.DataFrame, column: str, years: float = 0.06) -> list[tuple[float, float, str]]:
    """One label per visible point: models drawn on top of each other (same size, within weeks) share a label."""
    out: list[tuple[float, float, str]] = []
    for rec in rows.sort_values(["parameters", "year_decimal", column], kind="mergesort").to_dict("records"):
        if out and out[-1][1] == rec["parameters"] and abs(out[-1][0] - rec["year_decimal"]) < years:
            x, y, label = out[-1]
            out[-1] = (x, y, f"{label} / {rec[column]}")
        else:
            out.append((rec["year_decimal"], rec["parameters"], rec[column]))
    return out


def fit_of(data: pd.DataFrame) -> analysis.DoublingFit | None:
    rec = data[(data["row_kind"] == "entry") & data["dense_record"]]
    return analysis.fit_doubling(rec["year_decimal"], rec["parameters"]) if len(rec) >= 3 else None


def _key(fig, ax, layout: style.Layout, handles, labels, report_columns: int = 2) -> None:
    """The chart's key: beside the plot on a wide slide, across the foot of the image in the report."""
    if layout.slide:
        ax.legend(handles, [style.wrap(fig, t, layout.legend_size, 3.3) for t in labels], loc="center left",
                  bbox_to_anchor=(1.02, 0.5), handlelength=1.6, labelspacing=0.7, borderaxespad=0)
    else:
        style.key_below(fig, handles, labels, ncol=report_columns)


def labelled(rows: pd.DataFrame, layout: style.Layout) -> pd.DataFrame:
    """The entries that get a name on the chart: all of them in the report; on a slide, those the story turns on
    (sparse totals, models an article places in a stage, entries not counted as models, entries that may be one model,
    and the first and last record-setting dense models)."""
    if not layout.slide:
        return rows
    records = rows[rows["dense_record"]]
    ends = records["year_decimal"].isin([records["year_decimal"].min(), records["year_decimal"].max()]) if len(records) else []
    key = ((rows["architecture"] == "moe") | rows["scale_class"].notna() | ~rows["counted"] | rows["count_issues"].notna()
           | rows["entity_id"].isin(records[ends]["entity_id"] if len(records) else []))
    return rows[key]


def draw_scale(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.lines import Line2D
    from matplotlib.ticker import LogLocator

    lang = p.lang
    if entries(data).empty:
        return nothing_to_draw(p, layout)
    fig, ax = style.new_figure(layout, report_height=5.6)
    ends = data[data["row_kind"] != "entry"]
    data = entries(data)
    band_labels = []
    for r in ends.to_dict("records"):
        ax.axhspan(r["parameters"], r["parameters_high"], color=style.COLOURS["band_alt"], zorder=0, lw=0)
        low_end = r["row_kind"] == "scale_range_low"  # bottom right, under the early points; the high end top left
        band_labels.append(ax.text(0.995 if low_end else 0.005,
                                   r["parameters"] * 1.15 if low_end else r["parameters_high"] * 0.8,
                                   r["name_zh" if lang == "zh" else "name_en"], transform=ax.get_yaxis_transform(),
                                   fontsize=layout.label_size, color=style.COLOURS["muted"],
                                   va="bottom" if low_end else "top", ha="right" if low_end else "left", zorder=1))
    size = min(layout.base_size * 0.8, 11.0) ** 2
    ring = size * 3.4
    handles, labels = [], []
    rings = []
    for stage, ls in (("stage-ultra-large", "-"), ("stage-large-pretrained", (0, (2, 1.5)))):
        rows = data[data["scale_class"] == stage]
        rings.append(ax.scatter(rows["year_decimal"], rows["parameters"], s=ring, facecolor="none",
                                edgecolor=style.COLOURS["text"], linewidth=1.1, linestyle=ls, zorder=2.4))
    texts, column = [], []
    name = "name_zh" if lang == "zh" else "name_en"
    data = data.assign(label=[f"{n}{FLAG}" if isinstance(k, str) and k else n
                              for n, k in zip(data[name], data["count_issues"])])
    # From the year with the most entries on, points crowd too closely for labels beside them.
    crowded_from = float(data["year_decimal"].astype(int).mode().min())
    for group in ("Outside China", "China"):
        colour = style.COLOURS[group]
        rows = data[data["group"] == group]
        model = rows["counted"]
        dense = rows[model & (rows["architecture"] != "moe")]
        sparse = rows[model & (rows["architecture"] == "moe")]
        other = rows[~model]
        ax.scatter(dense["year_decimal"], dense["parameters"], s=size, color=colour, zorder=3)
        ax.scatter(sparse["year_decimal"], sparse["parameters"], s=size * 1.5, marker="^", facecolor="white",
                   edgecolor=colour, linewidth=1.5, zorder=3)
        ax.scatter(other["year_decimal"], other["parameters"], s=size, marker="s", facecolor="white",
                   edgecolor=colour, linewidth=1.5, zorder=3)
        for x, y, label in coincident_labels(labelled(rows, layout), "label"):
            if x >= crowded_from:  # the crowded years: names in a column to the right, with leader lines
                column.append((x, y, label, style.COLOURS["text"]))
            else:
                texts.append(ax.text(x, y, label, fontsize=layout.label_size, color=style.COLOURS["text"], zorder=2.5,
                                     ha="left", va="bottom"))
    marker = {"ms": size ** 0.5, "ls": ""}
    handles += [Line2D([], [], marker="o", color=style.COLOURS["Outside China"], **marker),
                Line2D([], [], marker="o", color=style.COLOURS["China"], **marker),
                Line2D([], [], marker="^", markerfacecolor="white", markeredgecolor=style.COLOURS["muted"], mew=1.5,
                       **{**marker, "ms": (size * 1.5) ** 0.5}),
                Line2D([], [], marker="s", markerfacecolor="white", markeredgecolor=style.COLOURS["muted"], mew=1.5,
                       **marker)]
    labels += [tr(lang, "Outside China", "中国以外"), tr(lang, "China", "中国"),
               tr(lang, "Sparse mixture-of-experts total", "稀疏混合专家模型总参数"),
               tr(lang, "Family or architecture, not a model", "模型系列或架构，不计为模型")]
    fit = fit_of(data)
    avoid_x, avoid_y = list(data["year_decimal"]), list(data["parameters"])
    if fit is not None:
        xs = np.linspace(fit.first_year, fit.last_year, 50)
        avoid_x += list(xs)
        avoid_y += list(fit.predict(xs))
        ax.plot(xs, fit.predict(xs), ls="--", lw=1.4, color=style.COLOURS["text"], zorder=2)
        handles.append(Line2D([], [], ls="--", lw=1.4, color=style.COLOURS["text"]))
        labels.append(tr(lang, f"Largest dense models: doubling every {fit.months:.1f} months",
                         f"最大稠密模型：每{fit.months:.1f}个月翻一番"))
    for stage, drawn in zip(("stage-ultra-large", "stage-large-pretrained"), rings):
        handles.append(drawn)  # the rings themselves, so the key shows the dashed one dashed
        labels.append(tr(lang, *(SCALE_CLASSES_SHORT if layout.slide else SCALE_CLASSES)[stage]))
    ax.set_yscale("log")
    ax.set_ylim(1e7, 1e15)
    style.log_axis(ax.yaxis, lang)
    if layout.slide:  # every other power of ten: fewer secondary labels
        ax.yaxis.set_major_locator(LogLocator(base=100, numticks=10))
    last = float(data["year_decimal"].max())
    left, column_x = p.start_year - 0.1, last + 0.3
    widest = max([style.text_width(fig, t, layout.label_size) for _, _, t, _ in column] or [0]) + 0.1
    plot_width = layout.width * (0.6 if layout.slide else 0.86)  # about the axes' width once laid out
    right = (column_x - widest * left / plot_width) / (1 - widest / plot_width)
    ax.set_xlim(left, max(right, last + 0.6, p.start_year + 1))
    years = [y for y in range(p.start_year, int(last) + 2) if y <= column_x]  # none under the column of names
    years = years[::2] if layout.slide and len(years) > 4 else years
    ax.set_xticks(years)
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    ax.set_ylabel(tr(lang, "Parameters (log scale)", "参数量（对数刻度）"))
    _key(fig, ax, layout, handles, labels, report_columns=2)
    ringed = data[data["scale_class"].notna()]
    place_labels(ax, texts, avoid_x, avoid_y, objects=band_labels,
                 also_avoid=lambda: _ring_outline(ax, ringed["year_decimal"], ringed["parameters"], ring))
    low_label = [t for t, kind in zip(band_labels, ends["row_kind"]) if kind == "scale_range_low"]
    label_column(ax, column, column_x, layout.label_size, above=low_label)  # the column stays above the low end's name
    subtitle = tr(lang, "Sizes the articles print, by release date; shaded: the two ends of the one range of scale they give",
                  "文章给出的参数量与发布日期；阴影为文章所给参数规模范围的两端")
    flagged = data[data["count_issues"].notna()]
    pair = ""
    if len(flagged):
        pair = tr(lang, f" {FLAG} {join(list(flagged['name_en']))} may be one model.",
                  f"{FLAG}{join(list(flagged['name_zh']), 'zh')}可能是同一模型。")
    if layout.slide:  # the key says what the marks are; the note keeps what the key cannot
        return fig, subtitle, tr(lang, "The articles give no bounds between their stages of scale." + pair,
                                 "文章未给出各规模阶段之间的界限。" + pair)
    note = tr(lang, "Sparse totals count parameters most of which sit idle for each token: they are not comparable "
                    "with dense counts and stay out of the fit. The articles name stages of scale (pre-trained, "
                    "large-scale, ultra-large) but give no bounds between them." + pair,
              "稀疏总参数在处理每个词元时大多闲置，不能与稠密模型直接比较，也不计入拟合。文章列出预训练、大规模、"
              "超大规模等阶段，但未给出阶段之间的界限。" + pair)
    return fig, subtitle, note


def scale_alt(data: pd.DataFrame, lang: str) -> str:
    """What the scale chart shows, from its rows: span, bands, rings, sparse totals, the fit."""
    zh = lang == "zh"
    rows = entries(data)
    if rows.empty:
        return tr(lang, "No sized entries to draw.", "没有可绘制的条目。")
    name = "name_zh" if zh else "name_en"
    first, last = rows.iloc[0], rows.iloc[-1]
    ends = data[data["row_kind"] != "entry"]
    sparse = rows[(rows["architecture"] == "moe") & rows["counted"]].sort_values("parameters")
    ultra = list(rows.loc[rows["scale_class"] == "stage-ultra-large", name])
    large = list(rows.loc[rows["scale_class"] == "stage-large-pretrained", name])
    china = int((rows["group"] == "China").sum())
    fit = fit_of(data)
    band = join([r["name_zh" if zh else "name_en"] for r in ends.to_dict("records")], lang)
    large = large or ["—"]
    ultra = ultra or ["—"]
    if zh:
        return (f"散点图（对数刻度）：文章给出参数量的{len(rows)}个条目按发布日期排列，从{int(first['release_date'][:4])}年的"
                f"{first[name]}到{int(last['release_date'][:4])}年的{last[name]}，其中{china}个来自中国。灰色带为文章所给范围的两端"
                f"（{band}），中间不设阶段界限。圆环标出文章称为“大规模”的{'、'.join(large)}和称为“超大规模”的{'、'.join(ultra)}。"
                + (f"{len(sparse)}个稀疏模型以空心三角表示，最大的是{sparse.iloc[-1][name]}"
                   f"（{style.short_number(sparse.iloc[-1]['parameters'], 'zh')}）。" if len(sparse) else "")
                + (f"虚线为最大稠密模型的拟合增长，每{fit.months:.1f}个月翻一番。" if fit else ""))
    return (f"Scatter chart on a log scale of the {len(rows)} entries the articles size, by release date, from "
            f"{first[name]} in {first['release_date'][:4]} to {last[name]} in {last['release_date'][:4]}; {china:,} are "
            f"Chinese. Grey bands mark the two ends of the range the articles give ({band}), with no stage bounds "
            f"between them. Rings mark {join(large)}, called large-scale, and {join(ultra)}, called ultra-large. "
            + (f"{count(len(sparse), 'sparse total', capital=True)}, drawn as hollow triangles, "
               f"{verb(len(sparse), 'stands', 'stand')} above the rest, the largest {sparse.iloc[-1][name]} "
               f"({style.short_number(sparse.iloc[-1]['parameters'])})." if len(sparse) else "")
            + (f" A dashed line fitted to the largest dense models doubles every {fit.months:.1f} months." if fit else ""))


def _ring_outline(ax, xs, ys, area: float, n: int = 12) -> tuple[list[float], list[float]]:
    """Points around each ring (marker area in points squared), in data coordinates, for labels to keep clear of."""
    radius = np.sqrt(area) / 2 * ax.figure.dpi / 72
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    out_x: list[float] = []
    out_y: list[float] = []
    for x, y in zip(xs, ys):
        cx, cy = ax.transData.transform((x, y))
        ring = np.column_stack([cx + radius * np.cos(angles), cy + radius * np.sin(angles)])
        px, py = ax.transData.inverted().transform(ring).T
        out_x += list(px)
        out_y += list(py)
    return out_x, out_y


def crosscheck_data(p: Params) -> pd.DataFrame:
    """One row per model and printed figure: the figure and the range it allows, as multiples of Epoch AI's value."""
    cc = load("epoch_crosscheck", p.data_dir)
    cc = cc[(cc["attribute"] == "parameters") & cc["epoch_value"].notna()].copy()
    label = names(p)
    claims_by_id = load("claims", p.data_dir).set_index("claim_id")
    rows = []
    cc["qualifier"] = cc["claim_id"].map(claims_by_id["qualifier"]).fillna("")
    # One row per statement: 1750亿 and 1750亿个 say the same thing.
    for (model, _, _), group in cc.groupby(["model", "article_value", "qualifier"], sort=True):
        r = group.iloc[0]
        anchor = r["anchor"]
        epoch = float(r["epoch_value"])
        high = None if pd.isna(r["article_high"]) else float(r["article_high"])
        rows.append({"model": model, "name_en": label[model][0], "name_zh": label[model][1],
                     "anchor": anchor, "epoch_model": r["epoch_model"], "epoch_value": epoch,
                     "article_value": float(r["article_value"]),
                     "ratio": round(float(r["article_value"]) / epoch, 5),
                     "low_ratio": round(float(r["article_low"]) / epoch, 5),
                     "high_ratio": None if high is None else round(high / epoch, 5),
                     "verdict": r["verdict"], "claim_ids": "|".join(group["claim_id"]),
                     "qualifier": r["qualifier"] or None, "anchors": "|".join(sorted(set(group["anchor"]))),
                     "source_ids": "|".join(sorted(set(group["source_id"])))})
    out = pd.DataFrame(rows)
    return out.sort_values(["epoch_value", "anchor"], kind="mergesort").reset_index(drop=True)


#: Multiples of Epoch AI's value marked on the ratio axis, and how they read.
RATIO_TICKS = [(0.25, "×¼"), (0.5, "×½"), (1.0, "×1"), (2.0, "×2"), (4.0, "×4")]


def _printed(r: dict, lang: str) -> str:
    return style.printed_figure(r["article_value"], r["qualifier"], lang, r["anchor"], compact=True)


def draw_crosscheck(data: pd.DataFrame, p: Params, layout: style.Layout):
    """Each printed size as a multiple of Epoch AI's value on a log axis: ×½ and ×2 sit equally far from ×1.

    On a slide the rows are split into two columns, so each keeps a legible height.
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import NullLocator

    lang = p.lang
    rows = data.to_dict("records")
    columns = 2 if layout.slide and len(rows) > 8 else 1
    per = -(-len(rows) // columns)
    fig, axes = style.new_figure(layout, 1, columns, report_height=5.4, squeeze=False, sharex=True)
    low_edge, high_edge = 0.2, 6.0
    thick = 7 if not layout.slide else 10
    for k, ax in enumerate(axes[0, :]):
        chunk = rows[k * per:(k + 1) * per]
        ax.grid(axis="y", visible=False)
        for i, r in enumerate(chunk):
            colour = style.COLOURS["China"] if r["verdict"] == "differs" else style.COLOURS["Outside China"]
            open_above = r["high_ratio"] is None or pd.isna(r["high_ratio"])
            high = high_edge * 0.93 if open_above else r["high_ratio"]
            ax.plot([r["low_ratio"], high], [i, i], color=colour, lw=thick, alpha=0.4, solid_capstyle="butt", zorder=2)
            if open_above:  # no upper bound: the range runs off the axis
                ax.annotate("", xy=(high_edge, i), xytext=(high_edge * 0.8, i),
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.4, "alpha": 0.8})
            ax.scatter([r["ratio"]], [i], color=colour, s=min(layout.base_size * 0.75, 11) ** 2, zorder=3, lw=0)
            if r["verdict"] == "differs" and not layout.slide:  # a miss too narrow to see at this scale: say it
                ax.annotate(tr(lang, f"range ×{r['low_ratio']:.2f}–×{r['high_ratio']:.2f}: misses ×1",
                               f"范围×{r['low_ratio']:.2f}—×{r['high_ratio']:.2f}，不含×1"),
                            (1, i), xytext=(10, 0), textcoords="offset points", va="center", ha="left",
                            fontsize=layout.label_size, color=style.COLOURS["China"])
        ax.axvline(1, color=style.COLOURS["text"], lw=1.2, zorder=1)
        ax.set_xscale("log")
        ax.set_xlim(low_edge, high_edge)
        ticks = [(t, label) for t, label in RATIO_TICKS if not layout.slide or 0.5 <= t <= 2]
        ax.set_xticks([t for t, _ in ticks])
        ax.set_xticklabels([label for _, label in ticks])
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_ylim(per - 0.4, -0.6)
        ax.set_yticks(range(len(chunk)))
        ax.set_yticklabels([f"{r['name_zh' if lang == 'zh' else 'name_en']}  {_printed(r, lang)}" for r in chunk])
    xlabel = (tr(lang, "× Epoch AI's value", "×Epoch AI数值") if layout.slide else
              tr(lang, "Article's figure as a multiple of Epoch AI's value (log scale)", "文章数字相当于Epoch AI数值的倍数（对数刻度）"))
    for ax in axes[0, :]:
        ax.set_xlabel(xlabel)
    handles = [Line2D([], [], color=style.COLOURS["Outside China"], lw=thick, alpha=0.4),
               Line2D([], [], color=style.COLOURS["China"], lw=thick, alpha=0.4),
               Line2D([], [], marker="o", ls="", color=style.COLOURS["text"], ms=min(layout.base_size * 0.75, 11))]
    if layout.slide:
        labels = [tr(lang, "Allowed range includes Epoch AI's value", "允许范围包含Epoch AI数值"),
                  tr(lang, "Allowed range misses it", "允许范围不含该数值"), tr(lang, "As printed", "原文数字")]
    else:
        labels = [tr(lang, "Range the printed figure allows: includes Epoch AI's value", "文章数字允许的范围：包含Epoch AI数值"),
                  tr(lang, "Range the printed figure allows: misses it", "文章数字允许的范围：不含Epoch AI数值"),
                  tr(lang, "The figure as printed", "文章原文数字")]
    style.key_below(fig, handles, labels, ncol=3 if layout.slide else 2)
    n_diff = int((data["verdict"] == "differs").sum())
    n_models = data["model"].nunique()
    subtitle = tr(lang, f"{len(data)} sizes printed for {n_models} models that Epoch AI lists; {n_diff} cannot be "
                        "squared with Epoch AI's value",
                  f"Epoch AI收录的{n_models}个模型、{len(data)}个文章数值；{n_diff}个与Epoch AI数值不符")
    if layout.slide:  # the miss is too narrow to see on a slide: the note says it
        misses = [tr(lang, f"{r['name_en']}'s {_printed(r, lang)} allows ×{r['low_ratio']:.2f} to ×{r['high_ratio']:.2f} "
                           "of Epoch AI's value, so it misses ×1.",
                     f"{r['name_zh']}的{_printed(r, lang)}允许×{r['low_ratio']:.2f}至×{r['high_ratio']:.2f}，不含×1。")
                  for r in rows if r["verdict"] == "differs"]
        return fig, subtitle, tr(lang, "A range is what a printed figure allows given its rounding and hedge. ",
                                 "范围为原文数字在其舍入和限定词下允许的取值。") + "".join(misses)
    note = tr(lang, "A range is what the printed figure allows given its rounding and hedge ('more than', 'class'); "
                    "an arrow means it has no upper bound. ×1 is Epoch AI's value.",
              "范围为文章数字在其舍入和限定词（“超过”“级”等）下允许的取值；箭头表示没有上限。×1即Epoch AI数值。")
    return fig, subtitle, note


def crosscheck_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    differs = data[data["verdict"] == "differs"].to_dict("records")
    wide = data[data["high_ratio"].isna() | (data["high_ratio"] / data["low_ratio"] > 4)].to_dict("records")
    name = "name_zh" if zh else "name_en"
    miss = [f"{r[name]}（{_printed(r, lang)}，为Epoch AI数值的{r['ratio']:.2f}倍）" if zh
            else f"{r[name]} ({_printed(r, lang)}, {r['ratio']:.2f} times Epoch AI's value)" for r in differs]
    loose = [f"{r[name]}（{_printed(r, lang)}）" if zh else f"{r[name]} ({_printed(r, lang)})" for r in wide]
    if zh:
        return (f"范围图，每行一个文章数值，共{len(data)}行，横轴为文章数字相当于Epoch AI数值的倍数（对数刻度，×1居中）。"
                f"每行的浅色条是文章数字允许的范围，圆点是原文数字。与Epoch AI数值不符的有：{'、'.join(miss) or '无'}。"
                f"范围最宽的是按量级给出的数字：{'、'.join(loose)}。")
    return (f"Range chart with one row for each of the {len(data)} printed sizes, on a log scale of multiples of Epoch "
            f"AI's value, centred on ×1. Each row's pale bar is the range the printed figure allows and its dot the "
            f"figure as printed. {count(len(differs), 'range', capital=True)} {'misses' if len(differs) == 1 else 'miss'} "
            f"Epoch AI's value: {join(miss) or 'none'}. The widest ranges belong to figures printed as an order of "
            f"magnitude or a lower bound: {join(loose)}.")


#: Fewer models than this with a parameter count in a year and group: the year's largest says more about what Epoch
#: AI's table covers than about what was built.
FEW_MODELS = 5


def after_data(p: Params) -> pd.DataFrame:
    """The largest model each year in and outside China, how many models with a count the year holds, and what kind of
    count it is (epoch_notes.csv: a sparse total with its active parameters, or an estimate never published)."""
    e = load("epoch_models", p.data_dir)
    top = analysis.largest_per_year(e, p.years)
    known = e[e["parameters"].notna() & e["year"].between(p.start_year, p.end_year)]
    counts = known.assign(group=np.where(known["is_chinese"], "China", "Outside China")).groupby(["year", "group"]).size()
    top["models_with_count"] = [int(counts.get((y, g), 0)) for y, g in zip(top["year"], top["group"])]
    notes = load("epoch_notes", p.data_dir).set_index("epoch_model")
    top["architecture"] = top["model"].map(notes["architecture"])
    top["active_parameters"] = top["model"].map(notes["active_parameters"])
    top["parameters_basis"] = top["model"].map(notes["parameters_basis"]).fillna("published")
    top["note_citation"] = top["model"].map(notes["citation"])
    return top


def _label(model: str) -> str:
    """An Epoch AI model name for a label: its bracketed qualifier dropped (the full name is in the data file)."""
    import re

    short = re.sub(r"\s*\([^)]*\)\s*$", "", model).strip()
    return short or model


def draw_after(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.lines import Line2D

    lang = p.lang
    fig, ax = style.new_figure(layout, report_height=5.8)
    texts = []
    size = (layout.base_size * 0.8) ** 2
    few_years = []
    for group in ("Outside China", "China"):
        colour = style.COLOURS[group]
        rows = data[data["group"] == group].sort_values("year").to_dict("records")
        for a, b in zip(rows[:-1], rows[1:]):  # thin and dotted where a year holds few models with a count
            few = min(a["models_with_count"], b["models_with_count"]) < FEW_MODELS
            ax.plot([a["year"], b["year"]], [a["parameters"], b["parameters"]], color=colour,
                    lw=1.3 if few else 2.2, ls=(0, (1.5, 2)) if few else "-", zorder=2)
        for r in rows:
            sparse = r["architecture"] == "moe"
            estimate = r["parameters_basis"] == "estimate"
            if r["models_with_count"] < FEW_MODELS:
                few_years.append((group, r["year"], r["models_with_count"]))
            if sparse:
                ax.scatter([r["year"]], [r["parameters"]], s=size * 1.5, marker="^", facecolor="white", edgecolor=colour,
                           lw=1.5, zorder=4)
                if pd.notna(r["active_parameters"]):  # what runs for each token, below the total
                    ax.plot([r["year"], r["year"]], [r["active_parameters"], r["parameters"] * 0.8], color=colour,
                            lw=1, ls=":", zorder=3)
                    ax.scatter([r["year"]], [r["active_parameters"]], s=size * 0.6, color=colour, marker="_", lw=2.2,
                               zorder=4)
                    if not layout.slide:  # on a slide the tick and the key say it
                        texts.append(ax.text(r["year"] + 0.08, r["active_parameters"],
                                             tr(lang, f"{style.short_number(r['active_parameters'])} active",
                                                f"激活{style.short_number(r['active_parameters'], 'zh')}"),
                                             fontsize=layout.label_size, color=colour, va="center", ha="left"))
            elif estimate:
                ax.scatter([r["year"]], [r["parameters"]], s=size, facecolor="white", edgecolor=colour, lw=1.5,
                           linestyle=(0, (2, 1)), zorder=4)
            else:
                ax.scatter([r["year"]], [r["parameters"]], s=size, color=colour, zorder=4)
            if not layout.slide:
                texts.append(ax.text(r["year"], r["parameters"], _label(r["model"]),
                                     fontsize=layout.label_size, color=colour, ha="left", va="bottom"))
            elif r["year"] >= p.end_year - 1:  # a slide names only the latest years' models: the higher above, the lower below
                other = data[(data["year"] == r["year"]) & (data["group"] != group)]["parameters"]
                higher = other.empty or r["parameters"] >= other.max()
                ax.annotate(_label(r["model"]), (r["year"], r["parameters"]), xytext=(0, 9 if higher else -9),
                            textcoords="offset points", ha="center", va="bottom" if higher else "top",
                            fontsize=layout.label_size, color=colour, zorder=5)
    ax.set_yscale("log")
    ax.set_ylim(data[["parameters", "active_parameters"]].min().min() / 2.5, data["parameters"].max() * 5)  # room for labels
    style.log_axis(ax.yaxis, lang)
    years = list(p.years)[::2] if layout.slide and len(p.years) > 6 else list(p.years)
    ax.set_xticks(years)
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    ax.set_xlim(p.start_year - 0.4, p.end_year + 0.6)
    ax.set_ylabel(tr(lang, "Parameters (log scale)", "参数量（对数刻度）"))
    marker = {"ls": "", "ms": size ** 0.5}
    handles = [Line2D([], [], color=style.COLOURS["Outside China"], lw=2.2, marker="o", ms=size ** 0.5),
               Line2D([], [], color=style.COLOURS["China"], lw=2.2, marker="o", ms=size ** 0.5),
               Line2D([], [], marker="^", markerfacecolor="white", markeredgecolor=style.COLOURS["muted"], mew=1.5,
                      **{**marker, "ms": (size * 1.5) ** 0.5}),
               Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor=style.COLOURS["muted"], mew=1.5,
                      **marker),
               Line2D([], [], color=style.COLOURS["muted"], lw=1.3, ls=(0, (1.5, 2)))]
    labels = [tr(lang, "Largest outside China", "中国以外最大"), tr(lang, "Largest in China", "中国最大"),
              tr(lang, "Sparse mixture-of-experts total (line down: active per token)", "稀疏混合专家模型总参数（下方：每词元激活）"),
              tr(lang, "Epoch AI's estimate, not published", "Epoch AI估算值，未公布"),
              tr(lang, f"Fewer than {FEW_MODELS} models with a count that year", f"当年有参数量的模型少于{FEW_MODELS}个")]
    _key(fig, ax, layout, handles, labels, report_columns=2)
    line_x, line_y = _along_lines(data)
    place_labels(ax, texts, line_x, line_y)
    subtitle = tr(lang, "Each year's largest model with a parameter count in Epoch AI's table",
                  "Epoch AI表中每年有参数量的最大模型")
    note = _after_note(data, few_years, lang, brief=layout.slide)
    return fig, subtitle, note


def _along_lines(data: pd.DataFrame, steps: int = 24) -> tuple[list[float], list[float]]:
    """Points along each group's line (straight on the log axis), so labels keep off the lines, not only the points."""
    xs: list[float] = []
    ys: list[float] = []
    for _, rows in data.sort_values("year").groupby("group"):
        recs = rows.to_dict("records")
        for a, b in zip(recs[:-1], recs[1:]):
            for t in np.linspace(0, 1, steps):
                xs.append(a["year"] + t * (b["year"] - a["year"]))
                ys.append(10 ** (np.log10(a["parameters"]) * (1 - t) + np.log10(b["parameters"]) * t))
        for r in recs:
            if pd.notna(r["active_parameters"]):
                xs += [r["year"]] * steps
                ys += list(np.geomspace(r["active_parameters"], r["parameters"], steps))
    return xs, ys


def _after_note(data: pd.DataFrame, few_years, lang: str, brief: bool = False) -> str:
    """What the marks mean (not on a slide, where the key says it) and what the sparse early years can show."""
    zh = lang == "zh"
    parts = [] if brief else [tr(lang, "A sparse total counts parameters most of which sit idle for each token; an estimate is Epoch AI's, "
                      "for a count the developer never published.",
                "稀疏总参数在处理每个词元时大多闲置；估算值由Epoch AI给出，开发机构从未公布。")]
    china_few = sorted(y for g, y, _ in few_years if g == "China")
    if china_few:
        n = sum(c for g, _, c in few_years if g == "China")
        years = join([str(y) for y in china_few], lang)
        parts.append(f"{years}年，Epoch AI表中有参数量的中国模型合计仅{n}个：这些年份的线反映该表收录了什么，"
                     "不能说明中国当年建成的最大模型。" if zh
                     else f"In {years} Epoch AI's table holds only {n:,} Chinese models with a count: the line there "
                          "shows what the table covers, not the largest model built in China.")
    return ("" if zh else " ").join(parts)


def after_sources(data: pd.DataFrame, p: Params) -> str | None:
    """Marks of sparse totals and estimates rest on documents cited row by row in the chart's data."""
    if data["note_citation"].isna().all():
        return None
    return ("稀疏与估算标注：依据开发机构的论文与报道，逐条引用见图表数据文件" if p.lang == "zh"
            else "Sparse and estimate marks: the developers' papers and reports, each cited in the chart's data file")


def after_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    first, last = int(data["year"].min()), int(data["year"].max())

    def point(g: str) -> str:
        rows = data[data["group"] == g]
        if rows.empty:
            return "无" if zh else "none with a count"
        r = rows[rows["year"] == rows["year"].max()].iloc[0]
        kind = ""
        if r["architecture"] == "moe":
            kind = ("，稀疏总参数" if zh else ", a sparse total") + (
                (f"，激活{style.short_number(r['active_parameters'], 'zh')}" if zh
                 else f" with {style.short_number(r['active_parameters'])} active") if pd.notna(r["active_parameters"]) else "")
        elif r["parameters_basis"] == "estimate":
            kind = "，Epoch AI估算值" if zh else ", Epoch AI's estimate"
        return (f"{_label(r['model'])}（{style.short_number(r['parameters'], 'zh')}{kind}）" if zh
                else f"{_label(r['model'])} ({style.short_number(r['parameters'])}{kind})")
    few = data[(data["group"] == "China") & (data["models_with_count"] < FEW_MODELS)]["year"].tolist()
    if zh:
        return (f"折线图（对数刻度），{first}—{last}年每年有参数量的最大重要模型，两条线分别为中国和中国以外。"
                f"最近一年中国最大的是{point('China')}，中国以外最大的是{point('Outside China')}。"
                "三角形为稀疏混合专家模型的总参数，空心圆为Epoch AI的估算值。"
                + (f"{'、'.join(str(y) for y in few)}年Epoch AI表中有参数量的中国模型很少，中国的线在这些年份画为虚线。" if few else ""))
    return (f"Line chart on a log scale of the largest notable model with a parameter count each year from {first} to "
            f"{last}, one line for China and one for elsewhere. In the latest year the largest in China was "
            f"{point('China')} and outside China {point('Outside China')}. Triangles mark sparse mixture-of-experts totals and hollow circles "
            "Epoch AI's estimates."
            + (f" In {join([str(y) for y in few])} the table holds few Chinese models with a count, so the Chinese line "
               "is dotted there." if few else ""))


CHARTS.append(Chart(
    name="history-scale", notebook="01_history",
    title={"en": "From a hundred million to a hundred trillion parameters", "zh": "从亿级到百万亿级参数"},
    caption={"en": "Parameter counts the articles print for what they name, by release date, on a log scale. The "
                   "articles name stages of scale but give a single range for all of them, from the hundred-million "
                   "class to the hundred-trillion class, and no bounds between the stages: the shaded bands are the "
                   "ends of that range, and rings mark the models an article calls large-scale or ultra-large. "
                   "Hollow squares are families and architectures, drawn but not counted as models; hollow triangles "
                   "are sparse mixture-of-experts totals, which are not comparable with dense counts; a dagger marks "
                   "entries that may be the same model; the dashed line is the growth fitted to the record-setting "
                   "dense models.",
             "zh": "文章为其点名的对象印出的参数量，按发布日期排列，纵轴为对数刻度。文章列出了几个规模阶段，"
                   "却只为它们给出一个共同的范围，即从亿级到百万亿级，并没有给出阶段之间的界限："
                   "阴影带是这个范围的两端，圆环标出被文章称为“大规模”或“超大规模”的模型。"
                   "空心方块是模型系列和架构，画在图中但不计为模型；空心三角是稀疏混合专家模型的总参数量，"
                   "不能与稠密模型的参数量相比；剑号标出可能是同一模型的条目；"
                   "虚线是对创纪录稠密模型拟合出的增长趋势。"},
    alt=scale_alt,
    data=scale_data, draw=draw_scale, uses_epoch=True))

CHARTS.append(Chart(
    name="history-articles-vs-epoch", notebook="01_history",
    title={"en": "The articles' model sizes against Epoch AI", "zh": "文章中的模型参数量与Epoch AI对照"},
    caption={"en": "For each model Epoch AI lists, the article's printed size and the range of sizes it allows (its "
                   "rounding and hedge), as multiples of Epoch AI's value on a log scale, where half and double sit "
                   "equally far from agreement. A bar that does not cross the centre line is a disagreement.",
             "zh": "对于Epoch AI收录的每个模型，图中给出文章印出的规模及其允许的范围（按舍入方式和限定词），"
                   "以Epoch AI数值的倍数表示，纵轴为对数刻度，因此一半和两倍与“一致”的距离相等。"
                   "不与中线相交的横条即表示两者存在分歧。"},
    alt=crosscheck_alt,
    data=crosscheck_data, draw=draw_crosscheck, uses_epoch=True))

CHARTS.append(Chart(
    name="history-after-2023", notebook="01_history",
    title={"en": "The largest notable models each year, China and elsewhere", "zh": "每年最大的重要模型：中国与中国以外"},
    caption={"en": "Parameter count of the largest notable model published each year by organisations in China and "
                   "elsewhere, among the models whose size Epoch AI records. Sparse mixture-of-experts totals "
                   "(triangles, with the parameters active per token where published) and Epoch AI's estimates of "
                   "counts never published (hollow circles) are marked, each resting on a cited source in the data; "
                   "years with few models in the table are dotted, because there the line shows what the table "
                   "covers rather than what was built.",
             "zh": "在Epoch AI记录了规模的模型中，中国和中国以外的机构每年发布的最大重要模型的参数量。"
                   "稀疏混合专家模型的总参数量（三角形；公布了每个词元激活参数量的一并注出）"
                   "和Epoch AI对从未公布的参数量所作的估算（空心圆）都已标出，每一处标注都有数据中的出处；"
                   "表中模型很少的年份用虚点表示，因为那里的折线反映的是表的覆盖范围，而不是实际建成的模型。"},
    alt=after_alt,
    data=after_data, draw=draw_after, uses_epoch=True, article_sources=False, extra_sources=after_sources))
