"""Chapter 4, compute: GPU fleets and orders, GPT-3's cost, the claimed and measured growth of training compute, chips."""
from __future__ import annotations

import pandas as pd

from .. import analysis
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, count_text, human_date, key_figures, table
from ..params import ParameterError, Params, require
from ..phrases import interval

NOTEBOOK = "04_compute"
MAKER_SUBJECTS = ["kunlun", "zixiao", "canghai"]


def _domestic_makers(p: Params) -> pd.DataFrame:
    """Chinese chips and chip makers the articles name, with who makes them."""
    entities = load("entities", p.data_dir).set_index("entity_id")
    claims = load("claims", p.data_dir)
    named = claims[claims["attribute"].isin(["makes_general_gpus", "compute_efficiency_approach"])
                   | (claims["subject"].isin(MAKER_SUBJECTS) & (claims["attribute"] == "developed_by"))]
    return pd.DataFrame({"name_en": named["subject"].map(entities["name_en"]),
                         "name_zh": named["subject"].map(entities["name_zh"]), "what": named["attribute"],
                         "maker": named["object"].fillna(named["subject"]).map(entities["name_en"]),
                         "claim_id": named["claim_id"]})


def summary(p: Params) -> Chapter:
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

    def per_year(months: float) -> float:
        return round(2 ** (12 / months), 2)

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "fleets": table(fleets[["buyer_name", "chip_names", "status", "gpu_count_anchor", "gpu_count_qualifier",
                                "gpu_count_status", "gpu_count_low", "gpu_count_high", "cost_anchor", "date",
                                "source_ids"]].assign(gpu_count_low=fleets["gpu_count_low"].map(count_text),
                                                      gpu_count_high=fleets["gpu_count_high"].map(count_text)),
                        "compute-fleets"),
        "gpt3": table(pd.DataFrame([
            {"measure": "GPUs", "article": gpt3["gpu_count_anchor"], "article_value": count_text(gpt3["gpu_count"]),
             "epoch_ai": count_text(gpt3_epoch["hardware_quantity"]), "epoch_hardware": gpt3_epoch["training_hardware"]},
            {"measure": "Cost (US dollars)", "article": gpt3["cost_anchor"], "article_value": count_text(gpt3["cost"]),
             "epoch_ai": count_text(gpt3_epoch["training_cost_usd_2023"]), "epoch_hardware": "compute cost, 2023 dollars"},
        ]), "compute-gpt3"),
        "rates": table(pd.DataFrame([
            {"rate": "Measured: training compute of notable models", "doubling_months": round(fit.months, 2),
             "growth_per_year": per_year(fit.months), "basis": "Epoch AI, least squares on log2"},
            {"rate": "Article 004's restatement of Altman ('new Moore's law' for AI compute)", "doubling_months": claimed,
             "growth_per_year": per_year(claimed), "basis": "claim 004-061; Altman spoke of 'intelligence' (x202, k201)"},
            {"rate": f"Measured by OpenAI: compute of the largest training runs ({openai_year} post)",
             "doubling_months": float(openai["value"]), "growth_per_year": per_year(float(openai["value"])),
             "basis": "external fact x203"},
            {"rate": "Moore's law", "doubling_months": moore, "growth_per_year": per_year(moore), "basis": "external fact x019"},
        ]), "compute-rates"),
        "hardware": table(hardware, "compute-hardware"),
        "makers": table(_domestic_makers(p), "compute-domestic-makers"),
    }
    chapter.glue = dict(
        comp_nvidia_share=nvidia, comp_altman_months=claimed, comp_moore_months=moore,
        comp_altman_said_date=human_date(said_date, p.lang), comp_altman_said_months=float(said["value"]),
        comp_openai_months=float(openai["value"]), comp_openai_year=openai_year,
        comp_epoch_months=fit.months, comp_epoch_interval=interval(fit.months_low, fit.months_high, p.lang),
        comp_epoch_models=fit.n, comp_growth_measured=2 ** (12 / fit.months), comp_growth_claim=2 ** (12 / claimed),
        comp_growth_moore=2 ** (12 / moore),
        comp_gpt3_cost_article=int(round(gpt3["cost"])),
        comp_gpt3_cost_epoch=int(round(gpt3_epoch["training_cost_usd_2023"])),
        comp_gpt3_gpus_epoch=int(round(gpt3_epoch["hardware_quantity"])),
        comp_bytedance_gpus=float(compute.loc["bytedance-2023", "gpu_count"]),
        comp_domestic_pairs=domestic, comp_all_pairs=pairs)
    chapter.key_figures = key_figures([
        ("NVIDIA's share of AI training chips (more than)", nvidia, "percent", "article 004"),
        ("GPT-3 training cost quoted", float(gpt3["cost"]), "US dollars", "article 001"),
        ("GPT-3 training compute cost, Epoch AI estimate", float(gpt3_epoch["training_cost_usd_2023"]), "2023 US dollars",
         "Epoch AI"),
        ("ByteDance GPUs expected (estimate)", float(compute.loc["bytedance-2023", "gpu_count"]), "GPUs", "article 004"),
        ("Doubling of AI compute, as article 004 restates Altman", claimed, "months", "article 004 (see k201)"),
        ("Doubling of 'intelligence' in Altman's post", float(said["value"]), "months", "external fact x202"),
        (f"Measured doubling of the largest training runs, OpenAI {openai_year}", float(openai["value"]), "months",
         "external fact x203"),
        ("Moore's law doubling", moore, "months", "external fact x019"),
        ("Measured doubling of training compute", round(fit.months, 1), "months", f"Epoch AI, {fit.n} models"),
        ("95% interval", interval(fit.months_low, fit.months_high), "months", "t distribution"),
        ("Chinese model-chip pairs on Chinese-made chips", f"{domestic} of {pairs}", "pairs", "Epoch AI"),
    ])
    return chapter
