"""Chapter 3 charts: what industry models are claimed to do, and where the articles say errors are tolerable."""
from __future__ import annotations

import pandas as pd

from .. import style
from .chart import Chart
from ..load import load
from ..params import Params
from .common import names, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: Vendor claims about their own models: projected gains (Unisound) and benchmark results (SenseTime).
CLAIM_GROUPS = {
    "shanhai-medical": ("Projected by Unisound for Shanhai (medical records and consultations)",
                        "云知声对“山海”的预计（病历与问诊）"),
    "intern": ("Reported by SenseTime for INTERN against CLIP, with part of the training data",
               "商汤对“书生”的报告（对比CLIP，使用部分训练数据）"),
}
CLAIM_LABELS = {
    "emr_entry_efficiency_gain": ("Record-entry efficiency", "电子病历录入效率"),
    "consultation_time_saved": ("Time saved per consultation", "单个患者问诊时间节约"),
    "outpatient_efficiency_gain": ("Outpatient efficiency", "门诊效率"),
    "error_reduction_classification": ("Error reduction: classification", "错误率降低：分类"),
    "error_reduction_detection": ("Error reduction: object detection", "错误率降低：目标检测"),
    "error_reduction_segmentation": ("Error reduction: segmentation", "错误率降低：语义分割"),
    "error_reduction_depth": ("Error reduction: depth estimation", "错误率降低：深度估计"),
}


def claims_data(p: Params) -> pd.DataFrame:
    c = load("claims", p.data_dir)
    c = c[c["subject"].isin(CLAIM_GROUPS) & c["attribute"].isin(CLAIM_LABELS) & (c["unit"] == "percent")]
    out = c[["claim_id", "source_id", "subject", "attribute", "anchor", "value", "qualifier", "status"]].copy()
    out = out.rename(columns={"source_id": "source_ids"})
    out["status"] = out["status"].fillna("vendor_report")
    return out.sort_values(["subject", "claim_id"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def draw_claims(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.3)
    ax.grid(axis="y", visible=False)
    y, ticks, labels = 0.3, [], []
    for subject in CLAIM_GROUPS:
        rows = data[data["subject"] == subject]
        if rows.empty:
            continue
        ax.text(0.005, y - 0.42, CLAIM_GROUPS[subject][1 if lang == "zh" else 0], transform=ax.get_yaxis_transform(),
                ha="left", va="bottom", fontsize=layout.base_size * 0.85, color=style.COLOURS["muted"])
        for r in rows.to_dict("records"):
            projected = r["status"] == "vendor_projection"
            colour = style.COLOURS["orange"] if projected else style.COLOURS["sky"]
            ax.barh(y, r["value"], color=colour, hatch="//" if projected else None, edgecolor="white", height=0.62)
            more = r["qualifier"] in ("more_than", "at_least")
            shown = f"{r['value']:g}%"
            if more:
                shown = tr(lang, f"more than {shown} →", f"超过{shown} →")
            ax.text(r["value"] + 4, y, shown, va="center", fontsize=layout.base_size * 0.85)
            ticks.append(y)
            labels.append(CLAIM_LABELS[r["attribute"]][1 if lang == "zh" else 0])
            y += 1
        y += 1.1
    ax.set_yticks(ticks)
    ax.set_yticklabels(labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(data["value"].max() * 1.2, 10))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    ax.set_xlabel(tr(lang, "Claimed improvement (percent)", "声称的提升（百分比）"))
    ax.bar([0], [0], color=style.COLOURS["orange"], hatch="//", edgecolor="white",
           label=tr(lang, "Vendor projection, not a measurement", "厂商预计，并非实测"))
    ax.bar([0], [0], color=style.COLOURS["sky"], label=tr(lang, "Vendor's own benchmark report", "厂商自报的测试结果"))
    ax.legend(loc="lower right")
    subtitle = tr(lang, "What makers say their models do; no independent measurement is cited. → marks 'more than'",
                  "厂商对自家模型效果的说法；文章未引用独立测量。→ 表示“超过”")
    return fig, subtitle


#: Columns of the error-tolerance matrix: the evidence the articles give about each industry.
EVIDENCE = [
    ("high_error_cost", "Errors are costly (004)", "出错代价高（004）"),
    ("vertical_models_landing", "Vertical models arriving (004)", "垂直大模型落地（004）"),
    ("covers_industry", "In Tencent's MaaS offer (004)", "腾讯MaaS覆盖（004）"),
    ("named_offer", "Named industry model or offer", "文章点名的行业模型"),
]
INDUSTRY_OF_OFFER = {"medicine": "industry-medicine", "government": "industry-government", "finance": "industry-finance"}


def tolerance_data(p: Params) -> pd.DataFrame:
    c = load("claims", p.data_dir)
    ent = load("entities", p.data_dir)
    industries = ent[ent["kind"] == "industry"]["entity_id"].tolist()
    rows = []
    for ind in industries:
        for key, _, _ in EVIDENCE:
            if key == "covers_industry":
                hit = c[(c["attribute"] == key) & (c["object"] == ind)]
            elif key == "named_offer":
                v = load("verticals", p.data_dir)
                offers = v[v["industry"].map(INDUSTRY_OF_OFFER) == ind]
                hit = c[c["subject"].isin(set(offers["entity_id"]) | set(offers["model"].dropna()))]
            else:
                hit = c[(c["attribute"] == key) & (c["subject"] == ind)]
            rows.append({"industry": ind, "evidence": key, "present": not hit.empty,
                         "claim_ids": "|".join(sorted(hit["claim_id"])) or None,
                         "source_ids": "|".join(sorted(set(hit["source_id"]))) or None})
    return pd.DataFrame(rows)


def draw_tolerance(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    label = names(p)
    order = (data[data["present"]].groupby("industry").size().reindex(data["industry"].unique(), fill_value=0)
             .sort_values(ascending=False, kind="mergesort").index.tolist())
    fig, ax = style.new_figure(layout)
    fig.subplots_adjust(left=0.2, top=0.74)
    ax.grid(False)
    for i, ind in enumerate(order):
        for j, (key, _, _) in enumerate(EVIDENCE):
            present = bool(data[(data["industry"] == ind) & (data["evidence"] == key)]["present"].iloc[0])
            colour = style.COLOURS["China"] if key == "high_error_cost" else style.COLOURS["Outside China"]
            ax.scatter([j], [i], s=layout.base_size * 28, marker="o", facecolor=colour if present else "white",
                       edgecolor=colour if present else "#CCCCCC", lw=1.2)
    ax.set_xticks(range(len(EVIDENCE)))
    ax.set_xticklabels([e[2] if lang == "zh" else e[1] for e in EVIDENCE], fontsize=layout.base_size * 0.85)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([label[i][1 if lang == "zh" else 0] for i in order])
    ax.set_xlim(-0.6, len(EVIDENCE) - 0.4)
    ax.set_ylim(len(order) - 0.5, -0.6)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    subtitle = tr(lang, "Where errors are costly, general models fall short; vertical models are arriving where data and "
                        "stakes allow", "出错代价高的行业通用模型难以胜任；垂直模型正在数据与风险允许的行业落地")
    return fig, subtitle


CHARTS.append(Chart(
    name="vertical-claims", notebook="03_vertical_models",
    title={"en": "What makers claim for their models", "zh": "厂商对自家模型的说法"},
    caption="Improvements that makers claim for their own models: Unisound's projections for its Shanhai medical model "
            "(hatched) and SenseTime's reported error reductions for INTERN. None is an independent measurement.",
    alt="Horizontal bar chart in two groups. Unisound's projected gains for its Shanhai medical model, hatched to mark "
        "them as projections, by far the largest in record-entry efficiency; and SenseTime's reported error "
        "reductions for INTERN on four vision tasks, largest for object detection and smallest for depth estimation.",
    data=claims_data, draw=draw_claims))

CHARTS.append(Chart(
    name="vertical-error-tolerance", notebook="03_vertical_models",
    title={"en": "Which industries tolerate a model's mistakes", "zh": "哪些行业容得下模型犯错"},
    caption="Industries the articles discuss, and what they say about each: where one error is costly, where vertical "
            "models are arriving, which industries Tencent's model-as-a-service offer covers, and where a specific "
            "industry model is named.",
    alt="Dot matrix with industries as rows and four kinds of evidence as columns. Medicine is marked in three columns: "
        "errors are costly, vertical models are arriving and a named model exists. Heavy industry and aerospace are "
        "marked only as costly. Government is marked as arriving, covered by Tencent and named. Finance is covered and "
        "named; public security arriving; education and culture and tourism only covered by Tencent.",
    data=tolerance_data, draw=draw_tolerance))
