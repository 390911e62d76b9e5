"""Chapter 3 charts: what industry models are claimed to do, and where the articles say errors are tolerable."""
from __future__ import annotations

import pandas as pd

from .. import style
from .chart import Chart
from ..load import load
from ..params import Params
from ..phrases import count, join, verb
from .common import tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: Vendor claims about their own models: projected gains (Unisound) and benchmark results (SenseTime).
CLAIM_GROUPS = {
    "shanhai-medical": ("Unisound's projection for its Shanhai medical model", "云知声对“山海”医疗模型的预计"),
    "intern": ("SenseTime's report for INTERN, against CLIP with part of the training data",
               "商汤对“书生”的报告，对比CLIP、使用部分训练数据"),
}
#: The same, short, for a slide.
CLAIM_GROUPS_SHORT = {"shanhai-medical": ("Unisound's projection (Shanhai)", "云知声的预计（山海）"),
                      "intern": ("SenseTime's report (INTERN)", "商汤的报告（书生）")}
#: What each claimed figure measures; figures of different kinds are never drawn on one axis.
CLAIM_LABELS = {
    "emr_entry_efficiency_gain": ("efficiency_gain", "Entering medical records", "电子病历录入"),
    "outpatient_efficiency_gain": ("efficiency_gain", "Outpatient work", "门诊"),
    "consultation_time_saved": ("time_saved", "Per patient consultation", "单个患者问诊"),
    "error_reduction_classification": ("error_reduction", "Classification", "分类"),
    "error_reduction_detection": ("error_reduction", "Object detection", "目标检测"),
    "error_reduction_segmentation": ("error_reduction", "Segmentation", "语义分割"),
    "error_reduction_depth": ("error_reduction", "Depth estimation", "深度估计"),
}
#: The kinds of measure, in drawing order: (what the panel shows, whether the measure is a share capped at 100%).
MEASURES = {
    "efficiency_gain": (("Efficiency gain, as an increase", "效率提升幅度"), False),
    "time_saved": (("Time saved, as a share of the consultation", "节约的时间占问诊时间的比例"), True),
    "error_reduction": (("Errors removed, as a share of CLIP's errors", "较CLIP减少的错误所占比例"), True),
}
#: The same, short, for a slide's panel headings.
MEASURES_SHORT = {"efficiency_gain": ("Efficiency gain", "效率提升"), "time_saved": ("Share of time saved", "节约时间比例"),
                  "error_reduction": ("Share of CLIP's errors removed", "较CLIP减少的错误比例")}


def claims_data(p: Params) -> pd.DataFrame:
    c = load("claims", p.data_dir)
    c = c[c["subject"].isin(CLAIM_GROUPS) & c["attribute"].isin(CLAIM_LABELS) & (c["unit"] == "percent")]
    out = c[["claim_id", "source_id", "subject", "attribute", "anchor", "value", "qualifier", "status"]].copy()
    out = out.rename(columns={"source_id": "source_ids"})
    out["status"] = out["status"].fillna("vendor_report")
    out["measure"] = out["attribute"].map(lambda a: CLAIM_LABELS[a][0])
    out["label_en"] = out["attribute"].map(lambda a: CLAIM_LABELS[a][1])
    out["label_zh"] = out["attribute"].map(lambda a: CLAIM_LABELS[a][2])
    order = {m: i for i, m in enumerate(MEASURES)}
    out["_order"] = out["measure"].map(order)
    out = out.sort_values(["_order", "claim_id"], kind="mergesort").drop(columns="_order")
    return out.reset_index(drop=True)


def _shown(r: dict, lang: str) -> str:
    value = f"{r['value']:g}%"
    if r["qualifier"] in ("more_than", "at_least"):
        return tr(lang, f"more than {value}", f"超过{value}")
    return value


def draw_claims(data: pd.DataFrame, p: Params, layout: style.Layout):
    """One panel per kind of measure, each with its own scale: a gain over 100% and a share of time are not comparable."""
    from matplotlib.patches import Patch

    lang = p.lang
    zh = lang == "zh"
    measures = [m for m in MEASURES if (data["measure"] == m).any()]
    bars = [int((data["measure"] == m).sum()) for m in measures]
    fig, axes = style.new_figure(layout, len(measures), 1, report_height=5.4, squeeze=False,
                                 gridspec_kw={"height_ratios": [n + (0.2 if layout.slide else 0.5) for n in bars]})
    panels = list(axes[:, 0])
    for ax, measure in zip(panels, measures):
        rows = data[data["measure"] == measure].to_dict("records")
        (title, share) = MEASURES[measure]
        if layout.slide:
            who = ("；" if zh else "; ").join(CLAIM_GROUPS_SHORT[w][1 if zh else 0] for w in dict.fromkeys(r["subject"] for r in rows))
            heading = f"{MEASURES_SHORT[measure][1 if zh else 0]} · {who}"
        else:
            who = ("；" if zh else "; ").join(CLAIM_GROUPS[w][1 if zh else 0] for w in dict.fromkeys(r["subject"] for r in rows))
            heading = f"{title[1]}（{who}）" if zh else f"{title[0]} ({who})"
        ax.set_title(style.wrap(fig, heading, layout.base_size, layout.width * (0.7 if layout.slide else 0.66)), loc="left",
                     fontsize=layout.base_size, color=style.COLOURS["text"], pad=3)
        ax.grid(axis="y", visible=False)
        top = 100 if share else max(r["value"] for r in rows) * 1.3
        for i, r in enumerate(rows):
            projected = r["status"] == "vendor_projection"
            colour = style.COLOURS["orange"] if projected else style.COLOURS["sky"]
            ax.barh(i, r["value"], color=colour, hatch="//" if projected else None, edgecolor="white", height=0.66)
            ax.text(r["value"] + top * 0.015, i, _shown(r, lang), va="center", fontsize=layout.label_size)
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([r["label_zh" if zh else "label_en"] for r in rows])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(0, top * (1.2 if share else 1.0))
        ax.set_xticks([0, 50, 100] if share else [t for t in (0, 100, 200, 300, 400, 500) if t <= top])
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    handles = [Patch(facecolor=style.COLOURS["orange"], hatch="//", edgecolor="white"), Patch(facecolor=style.COLOURS["sky"])]
    labels = [tr(lang, "Vendor projection, not a measurement", "厂商预计，并非实测"),
              tr(lang, "Vendor's own benchmark result", "厂商自报的测试结果")]
    if layout.slide:  # no key or note on a slide: each heading says whose figure and what kind it is
        subtitle = tr(lang, "No independent measurement is cited; a gain can exceed 100%, a share cannot",
                      "文章未引用任何独立测量；提升幅度可超过100%，比例则不能")
        return fig, subtitle
    style.legend_below(panels[-1], layout, handles, labels)
    subtitle = tr(lang, "What makers say their models do, by kind of measure; no independent measurement is cited",
                  "厂商对自家模型效果的说法，按衡量方式分列；文章未引用任何独立测量")
    note = tr(lang, "A gain in efficiency can exceed 100%; a share of time or of errors cannot, so each kind has its own scale.",
              "效率提升可以超过100%，时间或错误的比例则不能，因此每种衡量方式各用一条刻度。")
    return fig, subtitle, note


def claims_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    parts = []
    for measure in MEASURES:
        rows = data[data["measure"] == measure].to_dict("records")
        if not rows:
            continue
        title = MEASURES[measure][0][1 if zh else 0]
        if zh:
            parts.append(f"{title}：" + "，".join(f"{r['label_zh']}{_shown(r, lang)}" for r in rows))
        else:
            parts.append(f"{title}: " + ", ".join(f"{r['label_en'].lower()} {_shown(r, lang)}" for r in rows))
    projected = data[data["status"] == "vendor_projection"]
    if zh:
        return (f"横向条形图，分{len(parts)}个面板，每种衡量方式一条刻度。" + "；".join(parts) + "。"
                f"其中{len(projected)}项是厂商预计（斜线填充），其余为厂商自报的测试结果。")
    return (f"Horizontal bar chart in {count(len(parts), 'panel')}, one per kind of measure, each with its own scale. "
            + "; ".join(parts) + f". {count(len(projected), 'figure', capital=True)} {verb(len(projected), 'is a', 'are')} "
            f"vendor {'projection' if len(projected) == 1 else 'projections'} (hatched); the rest are the vendor's own benchmark results.")


#: Columns of the error-tolerance matrix: what the articles say about each industry, and whether it is a risk or uptake.
EVIDENCE = [
    ("high_error_cost", "Errors are costly", "出错代价高", "risk"),
    ("vertical_models_landing", "Vertical models arriving", "垂直模型落地", "uptake"),
    ("covers_industry", "In Tencent's model-as-a-service offer", "腾讯模型即服务（MaaS）方案覆盖", "uptake"),
    ("named_offer", "A named industry model or offer", "点名的行业模型或方案", "uptake"),
]
#: Column headings for a slide, short enough for a column at slide size.
EVIDENCE_SHORT = {"high_error_cost": "Errors costly", "vertical_models_landing": "Vertical models arriving",
                  "covers_industry": "In Tencent's offer", "named_offer": "Named industry model"}
INDUSTRY_OF_OFFER = {"medicine": "industry-medicine", "government": "industry-government", "finance": "industry-finance"}


def tolerance_data(p: Params) -> pd.DataFrame:
    c = load("claims", p.data_dir)
    ent = load("entities", p.data_dir)
    industries = ent[ent["kind"] == "industry"]
    rows = []
    for ind, name_en, name_zh in zip(industries["entity_id"], industries["short_en"], industries["short_zh"]):
        for key, _, _, _ in EVIDENCE:
            if key == "covers_industry":
                hit = c[(c["attribute"] == key) & (c["object"] == ind)]
            elif key == "named_offer":
                v = load("verticals", p.data_dir)
                offers = v[v["industry"].map(INDUSTRY_OF_OFFER) == ind]
                hit = c[c["subject"].isin(set(offers["entity_id"]) | set(offers["model"].dropna()))]
            else:
                hit = c[(c["attribute"] == key) & (c["subject"] == ind)]
            rows.append({"industry": ind, "name_en": name_en, "name_zh": name_zh, "evidence": key, "present": not hit.empty,
                         "claim_ids": "|".join(sorted(hit["claim_id"])) or None,
                         "source_ids": "|".join(sorted(set(hit["source_id"]))) or None})
    return pd.DataFrame(rows)


def _industry_order(data: pd.DataFrame) -> list[str]:
    return (data[data["present"]].groupby("industry").size().reindex(data["industry"].unique(), fill_value=0)
            .sort_values(ascending=False, kind="mergesort").index.tolist())


def draw_tolerance(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.lines import Line2D

    lang = p.lang
    zh = lang == "zh"
    order = _industry_order(data)
    name = dict(zip(data["industry"], data["name_zh" if zh else "name_en"]))
    fig, ax = style.new_figure(layout, report_height=5.0)
    ax.grid(False)
    colour = {"risk": style.COLOURS["China"], "uptake": style.COLOURS["Outside China"]}
    dot = (layout.base_size * 1.45) ** 2
    for i, ind in enumerate(order):
        for j, (key, _, _, kind) in enumerate(EVIDENCE):
            present = bool(data[(data["industry"] == ind) & (data["evidence"] == key)]["present"].iloc[0])
            if present:
                ax.scatter([j], [i], s=dot, marker="o", color=colour[kind], lw=0, zorder=3)
            else:  # not mentioned: a short grey dash, not an empty circle that reads as "no"
                ax.plot([j - 0.07, j + 0.07], [i, i], color="#B0B0B0", lw=1.6, solid_capstyle="round", zorder=2)
    ax.set_xticks(range(len(EVIDENCE)))
    ax.set_xticklabels([style.wrap(fig, e[2] if zh else (EVIDENCE_SHORT[e[0]] if layout.slide else e[1]), layout.tick_size,
                                   layout.width * (0.58 if layout.slide else 0.76) / len(EVIDENCE))
                        for e in EVIDENCE], fontsize=layout.tick_size)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([name[i] for i in order])
    ax.set_xlim(-0.55, len(EVIDENCE) - 0.45)
    ax.set_ylim(len(order) - 0.5, -0.5)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    handles = [Line2D([], [], ls="", marker="o", ms=dot ** 0.5 * 0.75, color=colour["risk"]),
               Line2D([], [], ls="", marker="o", ms=dot ** 0.5 * 0.75, color=colour["uptake"]),
               Line2D([], [], color="#B0B0B0", lw=1.6, solid_capstyle="round")]
    labels = [tr(lang, "The article says errors are costly here", "文章称此行业出错代价高"),
              tr(lang, "An article says so", "文章如此说"), tr(lang, "Not mentioned (not a 'no')", "未提及（并非“否”）")]
    style.key_below(fig, handles, labels, ncol=3, handlelength=1.2, columnspacing=1.2)
    subtitle = tr(lang, "What the articles say about each industry they name: one article's argument, not a survey",
                  "文章对所提各行业的说法：这是一篇文章的论点，而非调查结果")
    return fig, subtitle


def tolerance_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    order = _industry_order(data)
    name = dict(zip(data["industry"], data["name_zh" if zh else "name_en"]))
    parts = []
    for ind in order:
        said = [e[2] if zh else e[1].lower() for e in EVIDENCE
                if bool(data[(data["industry"] == ind) & (data["evidence"] == e[0])]["present"].iloc[0])]
        parts.append(f"{name[ind]}：{'、'.join(said) or '均未提及'}" if zh
                     else f"{name[ind]}: {join(said) if said else 'none'}")
    if zh:
        return (f"点阵图：行为{len(order)}个行业，列为文章对其的{len(EVIDENCE)}种说法；实心圆表示文章有此说法，灰色短线表示未提及。"
                + "；".join(parts) + "。")
    return (f"Dot matrix of {count(len(order), 'industry', 'industries')} against {count(len(EVIDENCE), 'kind')} of "
            "statement the articles make; a filled dot means an article says so, a grey dash that it is not mentioned. "
            + "; ".join(parts) + ".")


CHARTS.append(Chart(
    name="vertical-claims", notebook="03_vertical_models",
    title={"en": "What makers claim for their own models", "zh": "厂商对自家模型的说法"},
    caption={"en": "Improvements that makers claim for their own models, in separate panels by what they measure: "
                   "Unisound's projected efficiency gains and time savings for its Shanhai medical model (hatched), "
                   "and SenseTime's reported error reductions for INTERN against CLIP. A gain can exceed the whole, "
                   "a share cannot, so each panel has its own scale. None is an independent measurement.",
             "zh": "厂商为自家模型宣称的提升，按所衡量的对象分面板呈现："
                   "云知声对其山海医疗模型预计的效率提升和时间节约（斜线填充），"
                   "以及商汤科技报告的书生模型相对CLIP的错误率降幅。提升幅度可以超过整体，占比则不能，"
                   "因此每个面板使用各自的刻度。其中没有一项是独立测量。"},
    alt=claims_alt,
    data=claims_data, draw=draw_claims))

CHARTS.append(Chart(
    name="vertical-error-tolerance", notebook="03_vertical_models",
    title={"en": "Where an error is costly, general models fall short, the article argues",
           "zh": "文章认为：出错代价高的行业，通用模型难以胜任"},
    caption={"en": "The Lingyi Zhiku article's argument laid out by industry: where an error is costly, where "
                   "vertical models are arriving, which industries Tencent's model-as-a-service offer covers, and "
                   "where the articles name an industry model. A grey dash means the industry is not mentioned for "
                   "that point, which is not the same as a no.",
             "zh": "按行业展开零壹智库文章的论点：哪些行业一次出错代价高昂，垂直模型正在哪些行业落地，"
                   "腾讯的模型即服务（MaaS）方案覆盖哪些行业，以及文章在哪些行业点名了具体的行业模型。"
                   "灰色短横表示文章在这一点上没有提到该行业，这与“否”不是一回事。"},
    alt=tolerance_alt,
    data=tolerance_data, draw=draw_tolerance))
