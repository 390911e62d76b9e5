"""Chapter 4 charts: GPU fleets, how fast compute grows, and what Chinese models were trained on."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import analysis, style
from .chart import Chart
from ..load import chosen_fact, load
from ..params import Params
from .common import names, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

STATUS_LABELS = {"ordered": ("Ordered", "已订购"), "delivered": ("Delivered", "已交付"), "reported": ("In use (reported)", "已投用（报道）"),
                 "planned": ("Planned", "计划中"),
                 "ceiling": ("Maximum configuration offered, not an installed count", "可扩展的最大配置（非实装数量）")}


def fleets_data(p: Params) -> pd.DataFrame:
    c = load("compute", p.data_dir)
    c = c[c["gpu_count"].notna()].copy()
    return c[["entity_id", "buyer", "buyer_name", "buyer_name_zh", "chip_names", "status", "gpu_count", "gpu_count_anchor",
              "gpu_count_qualifier", "gpu_count_status", "gpu_count_low", "gpu_count_high", "cost", "cost_unit",
              "cost_anchor", "date", "source_ids"]].sort_values(["gpu_count", "entity_id"], kind="mergesort").reset_index(drop=True)


def draw_fleets(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    label = names(p)
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.3)
    ax.grid(axis="y", visible=False)
    cap = 150_000
    for i, r in enumerate(data.to_dict("records")):
        colour = style.COLOURS[r["status"]]
        estimate = r["gpu_count_status"] == "estimate"
        if r["status"] == "ceiling":  # an outline: the figure is a product's maximum, not GPUs anyone owns
            ax.barh(i, r["gpu_count"], facecolor="none", edgecolor=colour, height=0.6, lw=1.2, ls="--")
        else:
            ax.barh(i, r["gpu_count"], color=colour, height=0.6, hatch="//" if estimate else None, edgecolor="white")
        high = r["gpu_count_high"] if pd.notna(r["gpu_count_high"]) else None
        if r["gpu_count_qualifier"] in ("more_than", "at_least", "several") or high and high != r["gpu_count"]:
            end = min(high, cap) if high else cap
            ax.plot([r["gpu_count_low"], end], [i, i], color=style.COLOURS["text"], lw=1.2)
            if high is None:
                ax.annotate("", xy=(cap * 1.04, i), xytext=(cap * 0.9, i),
                            arrowprops={"arrowstyle": "-|>", "color": style.COLOURS["text"], "lw": 1.2})
            elif high:
                ax.plot([high, high], [i - 0.15, i + 0.15], color=style.COLOURS["text"], lw=1.2)
        chips = r["chip_names"].replace("NVIDIA ", "").replace("|", " + ")
        date = r["date"] if isinstance(r["date"], str) else ""
        figure = style.printed_figure(r["gpu_count"], r["gpu_count_qualifier"], lang, r["gpu_count_anchor"])
        if estimate and lang == "en":
            figure += " (expected)"
        if r["status"] == "ceiling":
            figure = f"up to {figure}" if lang == "en" else f"{figure}（上限）"
        ax.text(r["gpu_count"] * 0.02 + 800, i + 0.36, f"{figure} · {chips}" + (f" · {date}" if date else ""),
                va="bottom", fontsize=layout.base_size * 0.8, color=style.COLOURS["text"])
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels([label.get(e, (e, e))[1 if lang == "zh" else 0] for e in data["entity_id"]])
    ax.set_ylim(-0.6, len(data) - 0.2)
    ax.set_xlim(0, cap * 1.08)
    style.count_axis(ax.xaxis, lang)
    ax.set_xlabel(tr(lang, "GPUs (line: range the printed figure allows; arrow: no upper bound)",
                     "GPU数量（横线：文章数字允许的范围；箭头：无上限）"))
    for status in ("ordered", "delivered", "reported"):
        if status in set(data["status"]):
            ax.barh([0], [0], color=style.COLOURS[status], label=tr(lang, *STATUS_LABELS[status]))
    if "ceiling" in set(data["status"]):
        ax.barh([0], [0], facecolor="none", edgecolor=style.COLOURS["ceiling"], ls="--",
                label=tr(lang, *STATUS_LABELS["ceiling"]))
    ax.barh([0], [0], color="#BBBBBB", hatch="//", edgecolor="white", label=tr(lang, "Estimate", "预计"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)
    subtitle = tr(lang, "GPU fleets and orders reported in the articles, with their hedges: 'tens of thousands', "
                        "'more than', 'expected'", "文章报道的GPU集群与订单，保留“数万”“超过”“预计”等限定")
    return fig, subtitle


def doubling_data(p: Params) -> pd.DataFrame:
    frame, fit = analysis.compute_trend(load("epoch_models", p.data_dir), p.years)
    frame = frame[["model", "organization", "publication_date", "year_decimal", "training_compute_flop", "is_chinese"]].copy()
    frame["fitted_flop"] = fit.predict(frame["year_decimal"])
    return frame


def _moore_months(p: Params) -> float:
    return float(chosen_fact(load("facts", p.data_dir), "moores-law", "doubling_months")["value"])


def _altman_months(p: Params) -> float:
    return float(chosen_fact(load("facts", p.data_dir), "new-moores-law", "doubling_months")["value"])


def draw_doubling(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fit = analysis.fit_doubling(data["year_decimal"], data["training_compute_flop"])
    fig, ax = style.new_figure(layout)
    outside = data[~data["is_chinese"]]
    china = data[data["is_chinese"]]
    ax.scatter(outside["year_decimal"], outside["training_compute_flop"], s=10, color=style.COLOURS["Outside China"],
               alpha=0.5, lw=0, label=tr(lang, "Notable model outside China", "中国以外的重要模型"))
    ax.scatter(china["year_decimal"], china["training_compute_flop"], s=14, color=style.COLOURS["China"], alpha=0.8, lw=0,
               label=tr(lang, "Notable model from China", "中国的重要模型"))
    xs = np.linspace(fit.first_year, fit.last_year, 50)
    start = float(fit.predict([fit.first_year])[0])
    ax.plot(xs, fit.predict(xs), color=style.COLOURS["text"], lw=2,
            label=tr(lang, f"Fitted: doubling every {fit.months:.1f} months", f"拟合：每{fit.months:.1f}个月翻一番"))
    altman, moore = _altman_months(p), _moore_months(p)
    for months, colour, en, zh in ((altman, style.COLOURS["orange"],
                                    f"Article's restatement of Altman ('new Moore's law'): every {altman:.0f} months",
                                    f"文章对奥尔特曼的转述（“新版摩尔定律”）：每{altman:.0f}个月"),
                                   (moore, style.COLOURS["green"], f"Moore's law: every {moore:.0f} months",
                                    f"摩尔定律：每{moore:.0f}个月")):
        ax.plot(xs, start * 2 ** ((xs - fit.first_year) * 12 / months), ls="--", lw=1.6, color=colour, label=tr(lang, en, zh))
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(lambda v, _: f"1e{np.log10(v):.0f}" if v > 0 else "")
    ax.set_ylabel(tr(lang, "Training compute (FLOP, log scale)", "训练算力（FLOP，对数刻度）"))
    ax.set_xticks(list(p.years))
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in p.years])
    ax.legend(loc="upper left")
    subtitle = tr(lang, f"Training compute of {fit.n} notable models, {p.start_year}-{p.end_year}: doubling every "
                        f"{fit.months:.1f} months (95% interval {fit.months_low:.1f}-{fit.months_high:.1f})",
                  f"{p.start_year}—{p.end_year}年{fit.n}个重要模型的训练算力：每{fit.months:.1f}个月翻一番"
                  f"（95%区间 {fit.months_low:.1f}—{fit.months_high:.1f}）")
    return fig, subtitle


def hardware_data(p: Params) -> pd.DataFrame:
    return analysis.hardware_of_chinese_models(load("epoch_models", p.data_dir), p.years)


def draw_hardware(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.22)
    ax.grid(axis="y", visible=False)
    data = data.iloc[::-1].reset_index(drop=True)
    colours = [style.COLOURS["China"] if d else style.COLOURS["Outside China"] for d in data["domestic"]]
    ax.barh(range(len(data)), data["models"], color=colours, height=0.65)
    for i, r in enumerate(data.to_dict("records")):
        ax.text(r["models"] + 0.2, i, f"{r['models']}", va="center", fontsize=layout.base_size * 0.85)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels([f"{r['family']} ({r['maker']})" for r in data.to_dict("records")], fontsize=layout.base_size * 0.85)
    ax.set_xlabel(tr(lang, "Chinese notable models trained on it", "使用该硬件训练的中国重要模型数"))
    ax.barh([0], [0], color=style.COLOURS["China"], label=tr(lang, "Chinese-made accelerator", "国产加速芯片"))
    ax.barh([0], [0], color=style.COLOURS["Outside China"], label=tr(lang, "Imported accelerator", "进口加速芯片"))
    ax.legend(loc="lower right")
    total = int(data["models"].sum())
    domestic = int(data.loc[data["domestic"], "models"].sum())
    subtitle = tr(lang, f"Where Epoch AI records the hardware: {domestic} of {total} model-chip pairs use a Chinese-made chip",
                  f"Epoch AI记录了硬件的模型中：{total}个模型—芯片组合里有{domestic}个使用国产芯片")
    return fig, subtitle


CHARTS.append(Chart(
    name="compute-gpu-fleets", notebook="04_compute",
    title={"en": "The GPU fleets and orders in the articles", "zh": "文章中的GPU集群与订单"},
    caption="GPU counts the articles report, as printed (bars), with the range each hedged figure allows (lines) and "
            "whether the GPUs were ordered, delivered or reported in use. The ByteDance figure is an estimate; Google's "
            "A3 figure is the largest configuration Google offered, not an installed fleet (outlined bar).",
    alt="Horizontal bar chart of five GPU counts: the GPT-3 training cluster and Tencent Cloud's service (each more "
        "than ten thousand, with no upper bound), Microsoft's centre for OpenAI (tens of thousands), Google's A3 "
        "product (an outlined bar: its maximum configuration, not an installed count), and ByteDance's 2023 orders, "
        "the largest and an estimate.",
    data=fleets_data, draw=draw_fleets))

CHARTS.append(Chart(
    name="compute-doubling", notebook="04_compute",
    title={"en": "How fast training compute grows: claims and measurement", "zh": "训练算力增长有多快：说法与测量"},
    caption="Training compute of notable models from Epoch AI on a log scale, with the fitted exponential trend, "
            "against two reference rates, both started from the fitted line's first point (the subtitle and legend "
            "give their doubling times): Moore's law, and the rate the Lingyi Zhiku article gives as Sam Altman's "
            "'new Moore's law' for AI compute. That rate is the article's restatement: Altman's post was about "
            "'intelligence' doubling, with no measure, and OpenAI's own earlier measurement of compute was far faster.",
    alt="Scatter chart of training compute on a log scale from 2017 to 2025, rising by several orders of magnitude. "
        "A solid fitted line climbs far more steeply than two dashed reference lines, one for the article's "
        "restatement of Altman's 'new Moore's law' and one for Moore's law.",
    data=doubling_data, draw=draw_doubling, uses_epoch=True, article_sources=False,
    extra_sources={"en": "18 months: Lingyi Zhiku (004), restating Sam Altman; 24 months: Moore (1975)",
                   "zh": "18个月：零壹智库 (004)，转述萨姆·奥尔特曼；24个月：Moore (1975)"}))

CHARTS.append(Chart(
    name="compute-chinese-hardware", notebook="04_compute",
    title={"en": "What Chinese notable models were trained on", "zh": "中国重要模型用什么芯片训练"},
    caption="Training hardware of notable models by Chinese organisations, as Epoch AI records it, counted by chip "
            "family. Chinese-made accelerators are highlighted.",
    alt="Horizontal bar chart: NVIDIA's A100 and V100 lead by far, followed by other NVIDIA chips; Huawei's Ascend "
        "chips, the only Chinese-made accelerators in the records, account for a handful of models.",
    data=hardware_data, draw=draw_hardware, uses_epoch=True, article_sources=False))
