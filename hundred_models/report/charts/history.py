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
from .common import names, place_labels, shorten, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: The articles (000 line 24, 003 line 3) name three stages of model scale and give one range of parameter counts for
#: all three together, from the 亿级 class to the 百万亿级 class; they draw no line between the stages. The chart draws
#: the two ends of that range (claims on ``model-scale-stages``) and marks the models an article calls large-scale or
#: ultra-large (``scale_class`` claims); it draws no stage bands.
STAGE_SUBJECT = "model-scale-stages"
RANGE_ENDS = {"scale_range_low": ("Low end of the articles' range: hundred-million class", "文章所给范围的下端：亿级"),
              "scale_range_high": ("High end: hundred-trillion class", "上端：百万亿级")}
SCALE_CLASSES = {"stage-ultra-large": ("Called ultra-large (超大规模) by an article", "文章称为“超大规模”"),
                 "stage-large-pretrained": ("Called large-scale (大规模) by an article", "文章称为“大规模”")}
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


def draw_scale(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    ends = data[data["row_kind"] != "entry"]
    data = entries(data)
    for r in ends.to_dict("records"):
        ax.axhspan(r["parameters"], r["parameters_high"], color=style.COLOURS["band_alt"], zorder=0, lw=0)
        low_end = r["row_kind"] == "scale_range_low"  # the low end's label goes right, clear of the early points
        ax.text(0.995 if low_end else 0.005, r["parameters_high"] * 0.8, r["name_zh" if lang == "zh" else "name_en"],
                transform=ax.get_yaxis_transform(), fontsize=layout.base_size * 0.8, color=style.COLOURS["muted"],
                va="top", ha="right" if low_end else "left", zorder=1)
    ax.text(0.005, 0.72, tr(lang, "The articles name three stages (pre-trained, large-scale,\nultra-large) but give "
                                  "no bounds between them", "文章列出三个阶段（预训练、大规模、超大规模），\n但未给出阶段之间的界限"),
            transform=ax.transAxes, fontsize=layout.base_size * 0.8, color=style.COLOURS["muted"], va="top", ha="left")
    size = layout.base_size * 5
    for stage, style_kw in (("stage-ultra-large", {"ls": "-"}), ("stage-large-pretrained", {"ls": (0, (2, 1.5))})):
        rows = data[data["scale_class"] == stage]
        ax.scatter(rows["year_decimal"], rows["parameters"], s=size * 3.2, facecolor="none",
                   edgecolor=style.COLOURS["text"], linewidth=1.1, linestyle=style_kw["ls"], zorder=2.4,
                   label=tr(lang, *SCALE_CLASSES[stage]))
    texts = []
    column = "name_zh" if lang == "zh" else "name_en"
    data = data.assign(label=[f"{n}{FLAG}" if isinstance(k, str) and k else n
                              for n, k in zip(data[column], data["count_issues"])])
    for group in ("Outside China", "China"):
        colour = style.COLOURS[group]
        rows = data[data["group"] == group]
        model = rows["counted"]
        dense = rows[model & (rows["architecture"] != "moe")]
        sparse = rows[model & (rows["architecture"] == "moe")]
        other = rows[~model]
        ax.scatter(dense["year_decimal"], dense["parameters"], s=size, color=colour, zorder=3,
                   label=tr(lang, "China" if group == "China" else "Outside China", "中国" if group == "China" else "中国以外"))
        ax.scatter(sparse["year_decimal"], sparse["parameters"], s=layout.base_size * 7, marker="^", facecolor="white",
                   edgecolor=colour, linewidth=1.4, zorder=3)
        ax.scatter(other["year_decimal"], other["parameters"], s=size * 0.9, marker="s", facecolor="white",
                   edgecolor=colour, linewidth=1.4, zorder=3)
        for x, y, label in coincident_labels(rows, "label"):
            # under the markers: a label's white box never hides the point it names
            texts.append(ax.text(x + 0.04, y * 1.15, label, fontsize=layout.base_size * 0.78, color=style.COLOURS["text"],
                                 zorder=2.5))
    ax.scatter([], [], s=layout.base_size * 7, marker="^", facecolor="white", edgecolor=style.COLOURS["muted"],
               linewidth=1.4, label=tr(lang, "Sparse mixture-of-experts total", "稀疏混合专家模型总参数"))
    ax.scatter([], [], s=size * 0.9, marker="s", facecolor="white", edgecolor=style.COLOURS["muted"], linewidth=1.4,
               label=tr(lang, "Family or architecture (not counted as a model)", "模型系列或架构（不计为模型）"))
    fit = fit_of(data)
    avoid_x, avoid_y = list(data["year_decimal"]), list(data["parameters"])
    if fit is not None:
        xs = np.linspace(fit.first_year, fit.last_year, 50)
        avoid_x += list(xs)
        avoid_y += list(fit.predict(xs))
        ax.plot(xs, fit.predict(xs), ls="--", lw=1.3, color=style.COLOURS["text"], zorder=2,
                label=tr(lang, f"Largest dense models: doubling every {fit.months:.1f} months",
                         f"最大稠密模型：每{fit.months:.1f}个月翻一番"))
    if data["count_issues"].notna().any():
        flagged = data[data["count_issues"].notna()]
        pair = "、".join(flagged["name_zh"]) if lang == "zh" else " and ".join(flagged["name_en"])
        ax.plot([], [], " ", label=tr(lang, f"{FLAG} {pair} may be one model", f"{FLAG} {pair}可能是同一模型"))
    subtitle = tr(lang, "Sizes the articles print, by release date; shaded: the two ends of the one range of scale they give",
                  "文章给出的参数量与发布时间；阴影为文章所给参数规模范围的两端")
    ax.set_yscale("log")
    ax.set_ylim(1e7, 1e15)
    style.log_axis(ax.yaxis, lang)
    ax.set_xlim(p.start_year - 0.1, max(data["year_decimal"].max() + 0.6, p.start_year + 1))
    ax.set_xticks(range(p.start_year, int(ax.get_xlim()[1]) + 1))
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in range(p.start_year, int(ax.get_xlim()[1]) + 1)])
    ax.set_ylabel(tr(lang, "Parameters (log scale)", "参数量（对数刻度）"))
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: i < 2)  # the two stage rings after the markers they surround
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper center", bbox_to_anchor=(0.5, -0.1),
              ncol=3, fontsize=layout.base_size * 0.8)
    ringed = data[data["scale_class"].notna()]
    ring_x, ring_y = _ring_outline(ax, ringed["year_decimal"], ringed["parameters"], size * 3.2)
    place_labels(ax, texts, avoid_x + ring_x, avoid_y + ring_y)
    return fig, subtitle


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
    """One row per model and printed figure: the range it allows, as a deviation from Epoch AI's value."""
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
                     "deviation_pct": round(100 * (float(r["article_value"]) / epoch - 1), 3),
                     "low_pct": round(100 * (float(r["article_low"]) / epoch - 1), 3),
                     "high_pct": None if high is None else round(100 * (high / epoch - 1), 3),
                     "verdict": r["verdict"], "claim_ids": "|".join(group["claim_id"]),
                     "qualifier": r["qualifier"] or None, "anchors": "|".join(sorted(set(group["anchor"]))),
                     "source_ids": "|".join(sorted(set(group["source_id"])))})
    out = pd.DataFrame(rows)
    return out.sort_values(["epoch_value", "anchor"], kind="mergesort").reset_index(drop=True)


def draw_crosscheck(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.27)
    ax.grid(axis="y", visible=False)
    cap = 1000.0
    for i, r in enumerate(data.to_dict("records")):
        colour = style.COLOURS["China"] if r["verdict"] == "differs" else style.COLOURS["Outside China"]
        high = cap if r["high_pct"] is None or pd.isna(r["high_pct"]) else min(r["high_pct"], cap)
        ax.plot([r["low_pct"], high], [i, i], color=colour, lw=6, alpha=0.35, solid_capstyle="butt", zorder=2)
        if r["high_pct"] is None or pd.isna(r["high_pct"]) or r["high_pct"] > cap:
            ax.annotate("", xy=(cap * 1.6, i), xytext=(cap * 0.8, i),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2, "alpha": 0.7})
        ax.scatter([r["deviation_pct"]], [i], color=colour, s=layout.base_size * 4, zorder=3)
    ax.axvline(0, color=style.COLOURS["text"], lw=1.2, zorder=1)
    ax.set_xscale("symlog", linthresh=1, linscale=0.6)
    ax.set_xlim(-100, cap * 2)
    ticks = [-100, -10, -1, 0, 1, 10, 100, 1000]
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{t:+,d}%" if t else tr(lang, "Epoch AI", "Epoch AI数值") for t in ticks])
    ax.set_ylim(-0.7, len(data) - 0.1)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels([f"{r['name_zh' if lang == 'zh' else 'name_en']}  "
                        f"{style.printed_figure(r['article_value'], r['qualifier'], lang, r['anchor'], compact=True)}"
                        for r in data.to_dict("records")])
    ax.set_xlabel(tr(lang, "Article figure against Epoch AI's value (symmetric log scale)",
                     "文章数字相对Epoch AI数值的偏差（对称对数刻度）"))
    ax.plot([], [], color=style.COLOURS["Outside China"], lw=6, alpha=0.35,
            label=tr(lang, "Range the printed figure allows: includes Epoch AI", "文章数字允许的范围：包含Epoch AI数值"))
    ax.plot([], [], color=style.COLOURS["China"], lw=6, alpha=0.35,
            label=tr(lang, "Range the printed figure allows: misses Epoch AI", "文章数字允许的范围：不含Epoch AI数值"))
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, fontsize=layout.base_size * 0.8)
    n_diff = int((data["verdict"] == "differs").sum())
    subtitle = tr(lang, f"{len(data)} sizes printed for {data['model'].nunique()} models that Epoch AI lists; "
                        f"{n_diff} cannot be squared with Epoch AI's value",
                  f"Epoch AI收录的{data['model'].nunique()}个模型、{len(data)}个文章数值；{n_diff}个与Epoch AI数值不符")
    return fig, subtitle


def after_data(p: Params) -> pd.DataFrame:
    e = load("epoch_models", p.data_dir)
    return analysis.largest_per_year(e, p.years)


def draw_after(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    texts = []
    for group in ("Outside China", "China"):
        rows = data[data["group"] == group]
        ax.plot(rows["year"], rows["parameters"], marker="o", color=style.COLOURS[group], lw=2,
                label=tr(lang, "Largest outside China", "中国以外最大") if group != "China" else tr(lang, "Largest in China", "中国最大"))
        for r in rows.to_dict("records"):
            texts.append(ax.text(r["year"], r["parameters"], shorten(r["model"]), fontsize=layout.base_size * 0.72,
                                 color=style.COLOURS[group]))
    ax.set_yscale("log")
    style.log_axis(ax.yaxis, lang)
    ax.set_xticks(list(p.years))
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in p.years])
    ax.set_ylabel(tr(lang, "Parameters of the year's largest model (log scale)", "当年最大模型的参数量（对数刻度）"))
    ax.legend(loc="lower right")
    place_labels(ax, texts, data["year"], data["parameters"])
    subtitle = tr(lang, "Notable models with a published parameter count; totals for mixture-of-experts models, as Epoch AI gives them",
                  "已公布参数量的重要模型；混合专家模型按Epoch AI的总参数计")
    return fig, subtitle


CHARTS.append(Chart(
    name="history-scale", notebook="01_history",
    title={"en": "From a hundred million to a hundred trillion parameters", "zh": "从亿级到百万亿级参数"},
    caption="Parameter counts the articles print for what they name, by release date, on a log scale. The articles "
            "name three stages of scale but give a single range for all three, from the hundred-million class to the "
            "hundred-trillion class, and no bounds between the stages: the shaded bands are the two ends of that "
            "range, and rings mark the models an article calls large-scale or ultra-large. Hollow squares are a "
            "family and an architecture, drawn but not counted as models; hollow triangles are sparse "
            "mixture-of-experts totals, which are not comparable with dense counts; a dagger marks two entries that "
            "may be one model; the dashed line is the growth fitted to the record-setting dense models.",
    alt="Scatter chart of parameter counts on a logarithmic scale against release date, from the Transformer in 2017 "
        "to models of hundreds of billions of parameters in 2021 and 2022. Two grey bands mark the hundred-million "
        "class at the bottom and the hundred-trillion class at the top, the two ends of the range the articles give; "
        "there are no bands in between. Rings surround BERT, called large-scale, and GPT-3, the two PanGu models and "
        "Inspur's Yuan, called ultra-large. Three sparse models, drawn as hollow triangles, stand far above the rest, the largest "
        "in the hundred-trillion class. Chinese models are in vermillion, others in blue, and a dashed fitted line "
        "runs through the largest dense models.",
    data=scale_data, draw=draw_scale, uses_epoch=True))

CHARTS.append(Chart(
    name="history-articles-vs-epoch", notebook="01_history",
    title={"en": "The articles' model sizes against Epoch AI", "zh": "文章中的模型参数量与Epoch AI对照"},
    caption="For each model Epoch AI lists, the range of sizes the article's printed figure allows (its rounding and "
            "hedge), as a deviation from Epoch AI's value. A bar that does not cross the centre line is a disagreement.",
    alt="Horizontal range chart, one row per printed model size, on a symmetric log scale centred on Epoch AI's value. "
        "Each row's shaded bar is the range the article's figure allows and its dot the figure itself. Every bar "
        "crosses the centre line except PaLM's, whose printed size falls just short of Epoch AI's.",
    data=crosscheck_data, draw=draw_crosscheck, uses_epoch=True))

CHARTS.append(Chart(
    name="history-after-2023", notebook="01_history",
    title={"en": "The largest notable models each year, China and elsewhere", "zh": "每年最大的重要模型：中国与中国以外"},
    caption="Parameter count of the largest notable model published each year by organisations in China and elsewhere, "
            "among the models whose size Epoch AI records. Some counts are Epoch AI's estimates (for example GPT-4's) "
            "and some are sparse mixture-of-experts totals (for example DeepSeek-V3's).",
    alt="Line chart on a log scale with two lines, one for the largest model outside China each year and one for the "
        "largest Chinese model, from 2017 to 2025, each point labelled with the model's name.",
    data=after_data, draw=draw_after, uses_epoch=True, article_sources=False))
