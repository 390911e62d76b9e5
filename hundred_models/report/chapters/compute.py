"""Chapter 4, compute: GPU fleets and orders, GPT-3's cost, the claimed and measured growth of training compute, chips."""
from __future__ import annotations

import pandas as pd

from .. import analysis
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, human_date, key_figures
from ..params import ParameterError, Params, require
from ..phrases import interval
from ..style import printed_figure, short_number
from ..tables import CHIP_CLAIMS, CHIP_MAKERS, DEPLOYMENT_STATUS, Col, entity_names, present, usd_text

NOTEBOOK = "04_compute"
MAKER_SUBJECTS = ["kunlun", "zixiao", "canghai"]
#: Hedges as a money figure reads with them, in each language.
HEDGES = {"more_than": ("more than {}", "超过{}"), "at_least": ("at least {}", "至少{}"), "about": ("about {}", "约{}")}


def _tr(lang: str, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def gpus_text(value, lang: str = "en") -> str:
    """10,000 / 1万: a GPU count as prose writes it in each language."""
    return short_number(float(value), "zh") if lang == "zh" else f"{float(value):,.0f}"


def usd_phrase(value, lang: str = "en", qualifier: str | None = None) -> str:
    """'12 million US dollars' / '1200万美元', to three significant digits, with the printed hedge if any."""
    value = float(f"{float(value):.3g}")
    text = f"{short_number(value, 'zh')}美元" if lang == "zh" else usd_text(value, "en")
    hedge = HEDGES.get(qualifier) if isinstance(qualifier, str) else None
    return (hedge[1] if lang == "zh" else hedge[0]).format(text) if hedge else text


def gpu_range(low, high, estimate: bool, lang: str = "en") -> str:
    """The GPUs a hedged figure allows: '10,000 to 100,000', '10,000 or more', 'up to 26,000' (and in Chinese)."""
    has_low = pd.notna(low) and float(low) > 0
    has_high = pd.notna(high)
    if has_low and has_high:
        text = _tr(lang, f"{gpus_text(low)} to {gpus_text(high)}", f"{gpus_text(low, 'zh')}至{gpus_text(high, 'zh')}")
    elif has_low:
        text = _tr(lang, f"{gpus_text(low)} or more", f"{gpus_text(low, 'zh')}及以上")
    elif has_high:
        text = _tr(lang, f"up to {gpus_text(high)}", f"至多{gpus_text(high, 'zh')}")
    else:
        text = ""
    return text + (_tr(lang, " (estimate)", "（估算）") if estimate and text else "")


def _number(value: float, digits: int = 1) -> str:
    """4.6, 18, 11.6: a rate without float noise."""
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _fleets(fleets: pd.DataFrame, compute: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's rows, largest first, with the range each figure allows and the cost, as readers say them."""
    rows = fleets.iloc[::-1]
    qualifiers = compute["cost_qualifier"].reindex(rows["entity_id"]).tolist()
    return rows.assign(
        chip=compute["chip"].reindex(rows["entity_id"]).tolist(),
        allows=[gpu_range(lo, hi, st == "estimate", lang)
                for lo, hi, st in zip(rows["gpu_count_low"], rows["gpu_count_high"], rows["gpu_count_status"])],
        cost_text=[usd_phrase(c, lang, q) if pd.notna(c) else "" for c, q in zip(rows["cost"], qualifiers)])


def _domestic_makers(p: Params) -> pd.DataFrame:
    """Chinese chips and chip makers the articles name, who designs each chip, and the claim that says so."""
    claims = load("claims", p.data_dir)
    named = claims[claims["attribute"].isin(["makes_general_gpus", "compute_efficiency_approach"])
                   | (claims["subject"].isin(MAKER_SUBJECTS) & (claims["attribute"] == "developed_by"))]
    return pd.DataFrame({"subject": named["subject"], "what": named["attribute"],
                         "designer": named["object"].where(named["attribute"] == "developed_by"),
                         "claim_id": named["claim_id"]})


def summary(p: Params) -> Chapter:
    lang = p.lang
    fleets = chart_data("compute-gpu-fleets", p)
    compute = load("compute", p.data_dir).set_index("entity_id")
    epoch = load("epoch_models", p.data_dir)
    models = load("models", p.data_dir).set_index("entity_id")
    gpt3_epoch = epoch.set_index("model").loc[models.loc["gpt-3", "epoch_model"]]
    gpt3 = compute.loc["openai-gpt3-training"]
    known = epoch["training_compute_flop"].notna() & epoch["year"].between(p.start_year, p.end_year)
    require(int(known.sum()), 3, "notable models with a known training compute", p)
    try:
        _, fit = analysis.compute_trend(epoch, p.years)
    except ValueError as exc:  # e.g. no growth within a one-year window
        raise ParameterError(f"start_year/end_year: {p.start_year}-{p.end_year}: {exc}") from None
    facts = load("facts", p.data_dir)
    claimed = float(chosen_fact(facts, "new-moores-law", "doubling_months")["value"])
    # What was actually said (k201): Altman's post was about 'intelligence'; OpenAI measured compute in 2018.
    said = chosen_fact(facts, "new-moores-law", "intelligence_doubling_months")
    said_date = chosen_fact(facts, "new-moores-law", "proposed_date")["date"]
    openai = chosen_fact(facts, "openai-compute-trend-2018", "compute_doubling_months")
    openai_year = int(chosen_fact(facts, "openai-compute-trend-2018", "published_date")["date"][:4])
    moore = float(chosen_fact(facts, "moores-law", "doubling_months")["value"])
    nvidia = float(chosen_fact(facts, "nvidia", "ai_training_chip_share")["value"])
    hardware = chart_data("compute-chinese-hardware", p)
    domestic = int(hardware.loc[hardware["domestic"], "models"].sum())
    pairs = int(hardware["models"].sum())
    names = entity_names(load("entities", p.data_dir))
    cost_epoch = float(gpt3_epoch["training_cost_usd_2023"])
    bytedance = float(compute.loc["bytedance-2023", "gpu_count"])

    def per_year(months: float) -> float:
        return 2 ** (12 / months)

    gpt3_rows = pd.DataFrame([
        {"measure": _tr(lang, "GPUs", "GPU数量"), "anchor": gpt3["gpu_count_anchor"],
         "read": printed_figure(gpt3["gpu_count"], gpt3["gpu_count_qualifier"], "en"),
         "epoch": gpus_text(gpt3_epoch["hardware_quantity"], lang), "basis": gpt3_epoch["training_hardware"]},
        {"measure": _tr(lang, "Cost", "成本"), "anchor": gpt3["cost_anchor"],
         "read": usd_phrase(gpt3["cost"], "en", gpt3["cost_qualifier"]), "epoch": usd_phrase(cost_epoch, lang),
         "basis": _tr(lang, "compute of the final training run, in 2023 dollars", "最终一次训练所用算力，按2023年美元计")},
    ])
    rates = pd.DataFrame([
        {"rate": _tr(lang, "Measured: training compute of notable models", "实测：重要模型的训练算力"),
         "months": fit.months, "basis": _tr(lang, f"Epoch AI, {fit.n} models, least squares on log2",
                                             f"Epoch AI，{fit.n}个模型，对log2做最小二乘拟合")},
        {"rate": _tr(lang, "Article 004's restatement of Altman ('new Moore's law' for AI compute)",
                     "004号文章对奥尔特曼的转述（AI算力的“新版摩尔定律”）"),
         "months": claimed, "basis": _tr(lang, "claim 004-061; Altman wrote of 'intelligence' (x202, k201)",
                                         "说法004-061；奥尔特曼说的是“智能”（x202，k201）")},
        {"rate": _tr(lang, f"Measured by OpenAI: compute of the largest training runs ({openai_year} post)",
                     f"OpenAI实测：最大规模训练任务的算力（{openai_year}年文章）"),
         "months": float(openai["value"]), "basis": _tr(lang, "external fact x203", "外部事实x203")},
        {"rate": _tr(lang, "Moore's law", "摩尔定律"), "months": moore,
         "basis": _tr(lang, "external fact x019", "外部事实x019")},
    ]).assign(doubling=lambda f: f["months"].map(_number), growth=lambda f: f["months"].map(per_year).map(_number))

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "fleets": present(_fleets(fleets, compute, lang), [
            Col("entity_id", "Fleet or order", "集群或订单", "name", names),
            Col("chip", "Chips", "芯片", "name", names), Col("status", "Status", "状态", "label", DEPLOYMENT_STATUS),
            Col("gpu_count_anchor", "GPUs as printed", "文章所印GPU数"),
            Col("allows", "GPUs the figure allows", "该数字允许的GPU数"),
            Col("cost_text", "Cost reported", "报道金额"), Col("date", "Date", "日期", "date"),
            Col("source_ids", "Source", "来源", "sources"),
        ], "compute-fleets", lang),
        "gpt3": present(gpt3_rows, [
            Col("measure", "Measure", "项目"), Col("anchor", "Article 001, as printed", "001号文章原文"),
            *([Col("read", "Read as", "含义")] if lang == "en" else []),
            Col("epoch", "Epoch AI", "Epoch AI"), Col("basis", "What Epoch AI counts", "Epoch AI的口径"),
        ], "compute-gpt3", lang),
        "rates": present(rates, [
            Col("rate", "Rate", "速度"), Col("doubling", "Doubling time (months)", "翻倍时间（月）"),
            Col("growth", "Growth per year (times)", "每年增长（倍）"), Col("basis", "Basis", "依据"),
        ], "compute-rates", lang),
        "hardware": present(hardware, [
            Col("family", "Chip family", "芯片系列"), Col("maker", "Maker", "厂商", "label", CHIP_MAKERS),
            Col("domestic", "Made in China", "国产", "bool"),
            Col("models", "Chinese notable models trained on it", "使用它训练的中国重要模型", "count"),
        ], "compute-hardware", lang),
        "makers": present(_domestic_makers(p), [
            Col("subject", "Chip or company", "芯片或企业", "name", names),
            Col("what", "What the article says", "文章所述", "label", CHIP_CLAIMS),
            Col("designer", "Designed by", "设计者", "name", names), Col("claim_id", "Claim", "说法", "sources"),
        ], "compute-domestic-makers", lang),
    }
    chapter.glue = dict(
        comp_nvidia_share=nvidia, comp_altman_months=claimed, comp_moore_months=moore,
        comp_altman_said_date=human_date(said_date, p.lang), comp_altman_said_months=float(said["value"]),
        comp_openai_months=float(openai["value"]), comp_openai_year=openai_year,
        comp_epoch_months=fit.months, comp_epoch_interval=interval(fit.months_low, fit.months_high, p.lang),
        comp_epoch_models=fit.n, comp_growth_measured=per_year(fit.months), comp_growth_claim=per_year(claimed),
        comp_growth_moore=per_year(moore),
        comp_gpt3_cost_article=int(round(gpt3["cost"])), comp_gpt3_cost_epoch=int(round(cost_epoch)),
        comp_gpt3_gpus_epoch=int(round(gpt3_epoch["hardware_quantity"])),
        comp_gpt3_cost_article_text=usd_phrase(gpt3["cost"], lang, gpt3["cost_qualifier"]),
        comp_gpt3_cost_epoch_text=usd_phrase(cost_epoch, lang),
        comp_gpt3_gpus_epoch_text=gpus_text(gpt3_epoch["hardware_quantity"], lang),
        comp_bytedance_gpus=bytedance, comp_bytedance_gpus_text=gpus_text(bytedance, lang),
        comp_domestic_pairs=domestic, comp_all_pairs=pairs)
    months, times, gpus, pairs_unit = ("months", "个月"), ("times", "倍"), ("GPUs", "块GPU"), ("pairs", "组")
    art = lambda n: (f"article {n}", f"{n}号文章")  # noqa: E731
    ext = lambda x: (f"external fact {x}", f"外部事实{x}")  # noqa: E731
    chapter.key_figures = key_figures([
        (("NVIDIA's share of AI training chips (more than)", "英伟达在AI训练芯片中的份额（超过）"), nvidia,
         ("percent", "%"), art("004")),
        (("GPT-3 training cost quoted", "文章引用的GPT-3训练成本"), float(gpt3["cost"]), ("US dollars", "美元"), art("001")),
        (("GPT-3 training compute cost, Epoch AI estimate", "GPT-3训练算力成本（Epoch AI估算）"), int(round(cost_epoch)),
         ("2023 US dollars", "美元（2023年币值）"), "Epoch AI"),
        (("ByteDance GPUs expected (estimate)", "字节跳动预计拥有的GPU（估算）"), bytedance, gpus, art("004")),
        (("Doubling of AI compute, as article 004 restates Altman", "004号文章转述奥尔特曼：AI算力翻倍时间"), claimed,
         months, ("article 004 (see k201)", "004号文章（见k201）")),
        (("Doubling of 'intelligence' in Altman's post", "奥尔特曼帖子中“智能”的翻倍时间"), float(said["value"]), months,
         ext("x202")),
        ((f"Measured doubling of the largest training runs, OpenAI {openai_year}",
          f"最大规模训练任务的实测翻倍时间（OpenAI，{openai_year}年）"), float(openai["value"]), months, ext("x203")),
        (("Moore's law doubling", "摩尔定律的翻倍时间"), moore, months, ext("x019")),
        (("Measured doubling of training compute", "训练算力的实测翻倍时间"), round(fit.months, 1), months,
         (f"Epoch AI, {fit.n} models", f"Epoch AI，{fit.n}个模型")),
        (("95% interval", "95%区间"), interval(fit.months_low, fit.months_high, lang), months,
         ("t distribution", "t分布")),
        (("Growth of training compute per year", "训练算力每年增长"), round(per_year(fit.months), 1), times,
         ("from the fit", "由拟合得出")),
        (("Chinese model-chip pairs on Chinese-made chips", "使用国产芯片的中国模型—芯片组合"),
         _tr(lang, f"{domestic} of {pairs}", f"{domestic}（共{pairs}）"), pairs_unit, "Epoch AI"),
    ], lang)
    return chapter
