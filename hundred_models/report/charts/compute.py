"""Chapter 4 charts: GPU fleets, how fast compute grows, and what Chinese models were trained on."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .. import analysis, style
from .chart import Chart
from ..load import chosen_fact, load
from ..params import Params
from .. import phrases
from ..phrases import count, join
from .common import human_date, names, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

STATUS_LABELS = {"ordered": ("Ordered", "已订购"), "delivered": ("Delivered", "已交付"), "reported": ("In use (reported)", "已投用（报道）"),
                 "planned": ("Planned", "计划中"),
                 "ceiling": ("Largest configuration offered", "可提供的最大配置")}


def fleets_data(p: Params) -> pd.DataFrame:
    c = load("compute", p.data_dir)
    c = c[c["gpu_count"].notna()].copy()
    label = names(p)
    c["name_en"] = c["entity_id"].map(lambda e: label[e][0])
    c["name_zh"] = c["entity_id"].map(lambda e: label[e][1])
    return c[["entity_id", "name_en", "name_zh", "buyer", "buyer_name", "buyer_name_zh", "chip_names", "status", "gpu_count", "gpu_count_anchor",
              "gpu_count_qualifier", "gpu_count_status", "gpu_count_low", "gpu_count_high", "cost", "cost_unit",
              "cost_anchor", "date", "source_ids"]].sort_values(["gpu_count", "entity_id"], kind="mergesort").reset_index(drop=True)


def _fleet_figure(r: dict, lang: str) -> str:
    """The printed figure with its hedge, as a reader should take it ('100,000 (estimate)', 'up to 2.6万块')."""
    figure = style.printed_figure(r["gpu_count"], r["gpu_count_qualifier"], lang, r["gpu_count_anchor"])
    if r["gpu_count_status"] == "estimate":
        figure += " (estimate)" if lang == "en" else "（估算）"
    if r["status"] == "ceiling":
        figure = f"up to {figure}" if lang == "en" else f"{figure}（上限）"
    return figure


def _chips(r: dict) -> str:
    return r["chip_names"].replace("NVIDIA ", "").replace("|", " + ")


def draw_fleets(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout, report_height=5.0)
    ax.grid(axis="y", visible=False)
    cap = 150_000
    bar = 0.34 if layout.slide else 0.5  # a slide's larger type needs more of each row above the bar
    for i, r in enumerate(data.to_dict("records")):
        colour = style.COLOURS[r["status"]]
        estimate = r["gpu_count_status"] == "estimate"
        if r["status"] == "ceiling":  # an outline: the figure is a product's maximum, not GPUs anyone owns
            ax.barh(i, r["gpu_count"], facecolor="none", edgecolor=colour, height=bar, lw=1.4, ls="--")
        else:
            ax.barh(i, r["gpu_count"], color=colour, height=bar, hatch="//" if estimate else None, edgecolor="white")
        high = r["gpu_count_high"] if pd.notna(r["gpu_count_high"]) else None
        if r["gpu_count_qualifier"] in ("more_than", "at_least", "several") or high and high != r["gpu_count"]:
            end = min(high, cap) if high else cap
            ax.plot([r["gpu_count_low"], end], [i, i], color=style.COLOURS["text"], lw=1.3, solid_capstyle="butt")
            if high is None:
                ax.annotate("", xy=(cap * 1.05, i), xytext=(cap * 0.9, i),
                            arrowprops={"arrowstyle": "-|>", "color": style.COLOURS["text"], "lw": 1.3})
            elif high:
                ax.plot([high, high], [i - bar * 0.28, i + bar * 0.28], color=style.COLOURS["text"], lw=1.3)
        date = human_date(r["date"], lang) if isinstance(r["date"], str) and not layout.slide else ""
        text = f"{_fleet_figure(r, lang)} · {_chips(r)}" + (f" · {date}" if date else "")
        ax.text(800, i + bar / 2 + 0.05, text, va="bottom", fontsize=layout.label_size, color=style.COLOURS["text"])
    ax.set_yticks(range(len(data)))
    width = layout.width * (0.3 if layout.slide else 0.33)
    ax.set_yticklabels([style.wrap(fig, n, layout.tick_size, width) for n in data["name_zh" if lang == "zh" else "name_en"]])
    ax.set_ylim(-0.5, len(data) - 0.15)
    ax.set_xlim(0, cap * 1.08)
    style.count_axis(ax.xaxis, lang, ticks=4)
    ax.set_xlabel(tr(lang, "GPUs", "GPU数量"))
    for status in ("ordered", "delivered", "reported"):
        if status in set(data["status"]):
            ax.barh([0], [0], color=style.COLOURS[status], label=tr(lang, *STATUS_LABELS[status]))
    if "ceiling" in set(data["status"]):
        ax.barh([0], [0], facecolor="none", edgecolor=style.COLOURS["ceiling"], ls="--",
                label=tr(lang, *STATUS_LABELS["ceiling"]))
    if (data["gpu_count_status"] == "estimate").any():
        ax.barh([0], [0], color="#BBBBBB", hatch="//", edgecolor="white", label=tr(lang, "Estimate", "估算"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, handlelength=1.6, columnspacing=1.2)
    subtitle = tr(lang, "GPU fleets and orders reported in the articles, with their hedges ('tens of thousands', "
                        "'more than') and estimates", "文章报道的GPU集群与订单，保留“数万”“超过”等限定词，并标出估算")
    note = tr(lang, "A black line shows the range a hedged figure allows; an arrow, that it has no upper bound. The outlined "
                    "bar is the largest configuration Google offered, not GPUs anyone owned.",
              "黑线为带限定词的数字允许的范围；箭头表示没有上限。虚线框为谷歌可提供的最大配置，并非已有的GPU。")
    return fig, subtitle, note


def fleets_alt(data: pd.DataFrame, lang: str) -> str:
    """Every bar, largest first, with its hedge and status."""
    status = {"ordered": ("ordered", "已订购"), "delivered": ("delivered", "已交付"), "reported": ("reported in use", "报道称已投用"),
              "planned": ("planned", "计划中"), "ceiling": ("the largest configuration offered, not an installed count",
                                                        "可提供的最大配置，并非实装数量")}
    rows = data.iloc[::-1].to_dict("records")
    zh = lang == "zh"
    items = []
    for r in rows:
        what = status[r["status"]][1 if zh else 0]
        items.append(f"{r['name_zh']}：{_fleet_figure(r, lang)}（{_chips(r)}），{what}" if zh
                     else f"{r['name_en']}, {_fleet_figure(r, lang)} ({_chips(r)}), {what}")
    if zh:
        return f"横向条形图，列出文章报道的{count(len(rows), '', lang='zh', zh_unit='个')}GPU集群与订单，由大到小：" + "；".join(items) + "。"
    return (f"Horizontal bar chart of the {count(len(rows), 'GPU fleet or order', 'GPU fleets and orders')} the articles "
            f"report, largest first: " + "; ".join(items) + ". Lines show the range each hedged figure allows.")


#: The two reference rates the chart draws: (fact subject, English name, Chinese name).
REFERENCES = (("new-moores-law", "Article's 'new Moore's law'", "文章所称“新版摩尔定律”"),
              ("moores-law", "Moore's law", "摩尔定律"))


def doubling_data(p: Params) -> pd.DataFrame:
    """The notable models with a training compute (row_kind model), and the reference rates drawn beside their fit.

    Each reference row holds its doubling time, where its line starts (the fitted line's first point: the common start
    makes the slopes comparable) and what it rests on: the article's claim, or the cited source of an external fact.
    """
    frame, fit = analysis.compute_trend(load("epoch_models", p.data_dir), p.years)
    frame = frame[["model", "organization", "publication_date", "year_decimal", "training_compute_flop", "is_chinese"]].copy()
    frame["fitted_flop"] = fit.predict(frame["year_decimal"])
    frame.insert(0, "row_kind", "model")
    facts = load("facts", p.data_dir)
    start = float(fit.predict([fit.first_year])[0])
    refs = []
    for subject, en, zh in REFERENCES:
        fact = chosen_fact(facts, subject, "doubling_months")
        refs.append({"row_kind": "reference", "model": en, "model_zh": zh, "reference": subject,
                     "doubling_months": float(fact["value"]), "year_decimal": fit.first_year,
                     "fitted_flop": start, "claim_ids": fact["claim_ids"] or None,
                     "source_ids": fact["source_ids"] or None, "citation": fact["citation"] or None})
    return pd.concat([frame, pd.DataFrame(refs)], ignore_index=True)


def models_of(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["row_kind"] == "model"].reset_index(drop=True)


def _reference(data: pd.DataFrame, subject: str) -> dict:
    return data[(data["row_kind"] == "reference") & (data["reference"] == subject)].iloc[0].to_dict()


def _year_of(citation: str) -> str:
    found = re.search(r"\b(19|20)\d\d\b", citation)
    return found.group(0) if found else ""


def doubling_sources(data: pd.DataFrame, p: Params) -> str | None:
    """Moore's law as its cited source gives it (the article's rate is credited through its source ids)."""
    moore = _reference(data, "moores-law")
    if not isinstance(moore["citation"], str):
        return None
    venue = re.search(r"\(([A-Z]{3,})\)", moore["citation"])
    where = f"{venue.group(1)} " if venue else ""
    if p.lang == "zh":
        return f"摩尔定律：Moore，{where}{_year_of(moore['citation'])}"
    return f"Moore's law: {moore['citation'].split(',')[0]}, {where}{_year_of(moore['citation'])}"


def draw_doubling(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    models = models_of(data)
    fit = analysis.fit_doubling(models["year_decimal"], models["training_compute_flop"])
    fig, ax = style.new_figure(layout, report_height=5.4)
    outside = models[~models["is_chinese"].astype(bool)]
    china = models[models["is_chinese"].astype(bool)]
    dot = 14 if layout.slide else 9
    ax.scatter(outside["year_decimal"], outside["training_compute_flop"], s=dot, color=style.COLOURS["Outside China"],
               alpha=0.45, lw=0, label=tr(lang, "Notable model outside China", "中国以外的重要模型"))
    ax.scatter(china["year_decimal"], china["training_compute_flop"], s=dot * 1.4, color=style.COLOURS["China"],
               alpha=0.85, lw=0, label=tr(lang, "Notable model from China", "中国的重要模型"))
    xs = np.linspace(fit.first_year, fit.last_year, 50)
    start = float(fit.predict([fit.first_year])[0])
    ax.plot(xs, fit.predict(xs), color=style.COLOURS["text"], lw=2.2,
            label=tr(lang, f"Fitted: doubling every {fit.months:.1f} months", f"拟合：每{fit.months:.1f}个月翻一番"))
    colours = {"new-moores-law": style.COLOURS["orange"], "moores-law": style.COLOURS["green"]}
    for subject, en, zh in REFERENCES:
        months = _reference(data, subject)["doubling_months"]
        ax.plot(xs, start * 2 ** ((xs - fit.first_year) * 12 / months), ls="--", lw=1.8, color=colours[subject],
                label=tr(lang, f"{en}: every {months:.0f} months", f"{zh}：每{months:.0f}个月"))
    ax.scatter([fit.first_year], [start], s=dot * 5, facecolor="white", edgecolor=style.COLOURS["text"], lw=1.4, zorder=4)
    ax.set_yscale("log")
    style.power_axis(ax.yaxis, step=2)
    ax.tick_params(axis="y", labelsize=layout.base_size * 1.1)  # superscripts are small: the powers get a larger size
    ax.set_ylabel(tr(lang, "Training compute (FLOP)", "训练算力（FLOP）"))
    years = list(p.years)[::2] if layout.slide and len(p.years) > 6 else list(p.years)
    ax.set_xticks(years)
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    if layout.slide:  # a slide is wide: the key goes beside the plot, which keeps its height
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, [style.wrap(fig, t, layout.legend_size, 3.4) for t in labels], loc="center left",
                  bbox_to_anchor=(1.01, 0.5), handlelength=2.2, markerscale=1.6, labelspacing=0.8)
    else:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, handlelength=2.2, markerscale=1.6,
                  columnspacing=1.5)
    interval = phrases.interval(fit.months_low, fit.months_high, lang)
    subtitle = tr(lang, f"{fit.n:,} notable models, {p.start_year}-{p.end_year}: training compute doubled every "
                        f"{fit.months:.1f} months (95% interval {interval}); the claims are far slower",
                  f"{p.start_year}—{p.end_year}年{fit.n:,}个重要模型：训练算力每{fit.months:.1f}个月翻一番"
                  f"（95%区间{interval}个月），远快于文章的说法和摩尔定律")
    first = _decimal_date(fit.first_year, lang)
    note = tr(lang, f"The dashed lines start where the fitted line starts (circle, {first}), so the slopes compare. "
                    "The article credits its rate to Sam Altman, whose post spoke of 'intelligence', not compute.",
              f"虚线与拟合线起点相同（圆圈，{first}），斜率可直接比较。文章称该速度出自萨姆·奥尔特曼，"
              "但他的帖子说的是“智能”，不是算力。")
    return fig, subtitle, note


def _decimal_date(year: float, lang: str) -> str:
    """2017.06 -> 'Jan 2017' / '2017年1月': where a fitted line starts."""
    whole = int(year)
    month = min(12, int((year - whole) * 12) + 1)
    return f"{whole}年{month}月" if lang == "zh" else f"{pd.Timestamp(whole, month, 1):%b} {whole}"


def doubling_alt(data: pd.DataFrame, lang: str) -> str:
    models = models_of(data)
    fit = analysis.fit_doubling(models["year_decimal"], models["training_compute_flop"])
    low, high = models["training_compute_flop"].min(), models["training_compute_flop"].max()
    first, last = int(models["year_decimal"].min()), int(models["year_decimal"].max())
    n_china = int(models["is_chinese"].astype(bool).sum())
    altman = _reference(data, "new-moores-law")["doubling_months"]
    moore = _reference(data, "moores-law")["doubling_months"]
    if lang == "zh":
        return (f"散点图：{first}—{last}年{len(models):,}个重要模型的训练算力（对数刻度，约{style.power_of_ten(low)}至"
                f"{style.power_of_ten(high)} FLOP），其中{n_china:,}个来自中国。拟合线每{fit.months:.1f}个月翻一番；"
                f"两条从同一起点出发的虚线分别为文章转述的奥尔特曼“新版摩尔定律”（每{altman:.0f}个月）和摩尔定律"
                f"（每{moore:.0f}个月），都远低于拟合线。")
    return (f"Scatter chart of the training compute of {len(models):,} notable models, {first} to {last}, on a log "
            f"scale from about {style.power_of_ten(low)} to {style.power_of_ten(high)} FLOP; {n_china:,} are from China. "
            f"The fitted line doubles every {fit.months:.1f} months. Two dashed lines from the same starting point, the "
            f"article's restatement of Altman's 'new Moore's law' (every {altman:.0f} months) and Moore's law (every "
            f"{moore:.0f} months), climb far more slowly.")


def hardware_data(p: Params) -> pd.DataFrame:
    """Chip families of Chinese notable models (Epoch AI), with the maker's name in both languages."""
    frame = analysis.hardware_of_chinese_models(load("epoch_models", p.data_dir), p.years)
    orgs = load("organisations", p.data_dir)
    maker_zh = dict(zip(orgs["name_en"], orgs["name_zh"]))
    frame["chip"] = [family.removeprefix(maker + " ") for family, maker in zip(frame["family"], frame["maker"])]
    frame["maker_zh"] = frame["maker"].map(lambda m: maker_zh.get(m) or m)
    return frame


def _chip_label(r: dict, lang: str) -> str:
    return f"{r['chip']}（{r['maker_zh']}）" if lang == "zh" else f"{r['chip']} ({r['maker']})"


def draw_hardware(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.ticker import MaxNLocator

    lang = p.lang
    fig, ax = style.new_figure(layout)
    ax.grid(axis="y", visible=False)
    rows = data.to_dict("records")
    other = []
    if layout.slide:  # a slide keeps the chips that matter and folds single imported chips into one row
        other = [r for r in rows if not r["domestic"] and r["models"] == 1]
        rows = [r for r in rows if r not in other]
    labels = [_chip_label(r, lang) for r in rows]
    values = [r["models"] for r in rows]
    colours = [style.COLOURS["China"] if r["domestic"] else style.COLOURS["Outside China"] for r in rows]
    if other:
        labels.append(tr(lang, f"Other imported chips ({len(other)}), one model each",
                         f"其他进口芯片（{len(other)}种），各一个模型"))
        values.append(len(other))
        colours.append("#9DB9D3")
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=colours, height=0.65)
    for yy, v in zip(y, values):
        ax.text(v + max(values) * 0.01, yy, f"{v}", va="center", fontsize=layout.label_size)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.set_ylim(-0.6, len(labels) - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
    ax.set_xlabel(tr(lang, "Chinese notable models trained on it", "使用该芯片训练的中国重要模型数"))
    ax.barh([0], [0], color=style.COLOURS["China"], label=tr(lang, "Chinese-made accelerator", "国产加速芯片"))
    ax.barh([0], [0], color=style.COLOURS["Outside China"], label=tr(lang, "Imported accelerator", "进口加速芯片"))
    ax.legend(loc="lower right")
    total = int(data["models"].sum())
    domestic = int(data.loc[data["domestic"], "models"].sum())
    subtitle = tr(lang, f"Where Epoch AI records the hardware: {domestic} of {total} model-chip pairs use a Chinese-made chip",
                  f"Epoch AI记录了硬件的模型中，{total}个模型—芯片组合里有{domestic}个使用国产芯片")
    note = tr(lang, "A model trained on two kinds of chip counts once for each.", "使用两种芯片训练的模型在两种芯片下各计一次。")
    return fig, subtitle, note


def hardware_alt(data: pd.DataFrame, lang: str) -> str:
    rows = data.to_dict("records")
    top = rows[:2]
    domestic = [r for r in rows if r["domestic"]]
    if lang == "zh":
        lead = "、".join(f"{_chip_label(r, 'zh')}{r['models']}个" for r in top)
        home = "、".join(f"{_chip_label(r, 'zh')}{r['models']}个" for r in domestic) or "无"
        return (f"横向条形图：Epoch AI记录的中国重要模型所用的{len(rows)}种训练芯片，按使用该芯片的模型数排列。"
                f"最多的是{lead}；国产芯片为{home}。")
    lead = join([f"{_chip_label(r, 'en')} with {count(r['models'], 'model')}" for r in top])
    home = join([f"{_chip_label(r, 'en')} ({count(r['models'], 'model')})" for r in domestic]) or "none"
    return (f"Horizontal bar chart of the {len(rows)} training chips Epoch AI records for Chinese notable models, by "
            f"the number of models trained on each. {lead} lead; the Chinese-made chips are {home}.")


CHARTS.append(Chart(
    name="compute-gpu-fleets", notebook="04_compute",
    title={"en": "The GPU fleets and orders in the articles", "zh": "文章中的GPU集群与订单"},
    caption={"en": "GPU counts the articles report, as printed (bars), with the range each hedged figure allows "
                   "(lines) and whether the GPUs were ordered, delivered or reported in use. The ByteDance figure is "
                   "an estimate; Google's A3 figure is the largest configuration Google offered, not an installed "
                   "fleet (outlined bar).",
             "zh": "文章报道的GPU数量：横条为原文数字，横线为每个带限定词的数字所允许的范围，"
                   "颜色表示GPU是已订购、已交付还是据报道已投用。字节跳动的数字是估算值；"
                   "谷歌A3的数字是谷歌可提供的最大配置，而不是已经装好的集群（只画轮廓的横条）。"},
    alt=fleets_alt,
    data=fleets_data, draw=draw_fleets))

CHARTS.append(Chart(
    name="compute-doubling", notebook="04_compute",
    title={"en": "How fast training compute grows: claims and measurement", "zh": "训练算力增长有多快：说法与测量"},
    caption={"en": "Training compute of notable models from Epoch AI on a log scale, with the fitted exponential "
                   "trend, against the reference rates, each started from the fitted line's first point (the "
                   "subtitle and legend give their doubling times): Moore's law, and the rate the Lingyi Zhiku "
                   "article gives as Sam Altman's 'new Moore's law' for AI compute. That rate is the article's "
                   "restatement: Altman's post was about 'intelligence' doubling, with no measure, and OpenAI's own "
                   "earlier measurement of compute was far faster.",
             "zh": "Epoch AI收录的重要模型的训练算力（对数刻度）及拟合的指数趋势，并与几条参照速度相比较，"
                   "每条都从拟合线的起点出发（副标题和图例给出各自的翻倍时间）：一条是摩尔定律，"
                   "另一条是零壹智库文章当作萨姆·奥尔特曼关于AI算力的“新版摩尔定律”给出的速度。"
                   "后者是文章的转述：奥尔特曼的帖子说的是“智能”翻倍，没有给出任何衡量标准，"
                   "而OpenAI自己早先对算力的测量结果要快得多。"},
    alt=doubling_alt,
    data=doubling_data, draw=draw_doubling, uses_epoch=True, extra_sources=doubling_sources))

CHARTS.append(Chart(
    name="compute-chinese-hardware", notebook="04_compute",
    title={"en": "What Chinese notable models were trained on", "zh": "中国重要模型用什么芯片训练"},
    caption={"en": "Training hardware of notable models by Chinese organisations, as Epoch AI records it, counted by "
                   "chip family. Chinese-made accelerators are highlighted.",
             "zh": "Epoch AI所记录的中国机构重要模型的训练硬件，按芯片系列计数。国产加速芯片以突出颜色标出。"},
    alt=hardware_alt,
    data=hardware_data, draw=draw_hardware, uses_epoch=True, article_sources=False))
