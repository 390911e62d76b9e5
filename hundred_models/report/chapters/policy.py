"""Chapter 5, policy: the rules, how fast they moved from draft to force, and what the articles got wrong about them."""
from __future__ import annotations

from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, human_date, key_figures, table
from ..params import Params

NOTEBOOK = "05_policy"
#: Policy actions and actors the chapter lists beside the rules.
ACTION_SUBJECTS = ["beijing-ai-whitepaper", "two-sessions-2023", "zhou-hongyi", "jiang-haoran", "liu-qingfeng",
                   "ai-law-draft", "pause-letter", "legislative-plan-2023"]


def summary(p: Params) -> Chapter:
    policies = load("policies", p.data_dir)
    pol = policies.set_index("entity_id")
    facts = load("facts", p.data_dir)
    disc = load("discrepancies", p.data_dir)
    claims = load("claims", p.data_dir)
    letter_article = facts[(facts["subject"] == "pause-letter") & (facts["attribute"] == "published_date")
                           & (facts["origin"] == "articles")]["date"].iloc[0]
    lags = policies[policies["draft_to_effect_days"].notna()][["short_en", "draft_date", "effective_date",
                                                               "draft_to_effect_days"]]
    actions = claims[(claims["theme"] == "policy") & claims["subject"].isin(ACTION_SUBJECTS)]
    lag = {rule: int(pol.loc[rule, "draft_to_effect_days"])
           for rule in ("genai-measures", "algorithm-recommendation-provisions", "deep-synthesis-provisions")}
    signatories = int(chosen_fact(facts, "pause-letter", "signatories")["value"])

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "rules": table(policies[["short_en", "name_zh", "level", "issuer", "draft_date", "adopted_date", "published_date",
                                 "effective_date", "draft_to_effect_days", "article_dates"]], "policy-table"),
        "timeline": table(chart_data("policy-timeline", p), "policy-timeline"),
        "lags": table(lags.sort_values("draft_to_effect_days", kind="mergesort"), "policy-lags"),
        "discrepancies": table(disc[disc["subject"].isin(set(policies["entity_id"]) | {"geoffrey-hinton"})][
            ["kind", "subject", "values", "resolution", "detected_by"]], "policy-discrepancies"),
        "actions": table(actions[["claim_id", "subject", "attribute", "anchor", "date", "object", "note"]],
                         "policy-actions"),
    }
    chapter.glue = dict(
        pol_rules=len(policies), pol_genai_lag_days=lag["genai-measures"],
        pol_algo_lag_days=lag["algorithm-recommendation-provisions"], pol_deep_lag_days=lag["deep-synthesis-provisions"],
        pol_genai_draft=human_date(pol.loc["genai-measures", "draft_date"], p.lang),
        pol_genai_effective=human_date(pol.loc["genai-measures", "effective_date"], p.lang),
        pol_genai_adopted=human_date(pol.loc["genai-measures", "adopted_date"], p.lang),
        pol_genai_published=human_date(pol.loc["genai-measures", "published_date"], p.lang),
        pol_letter_article_date=human_date(letter_article, p.lang),
        pol_letter_date=human_date(pol.loc["pause-letter", "published_date"], p.lang),
        pol_letter_signatories=signatories,
        pol_letter_pause_months=int(chosen_fact(facts, "pause-letter", "pause_months")["value"]))
    chapter.key_figures = key_figures([
        ("Rules, plans and letters named", len(policies), "items", "articles 001, 002, 004"),
        ("Draft to effect: generative AI measures", lag["genai-measures"], "days", "official dates (external facts)"),
        ("Draft to effect: algorithmic recommendation provisions", lag["algorithm-recommendation-provisions"], "days",
         "official dates (external facts)"),
        ("Draft to effect: deep synthesis provisions", lag["deep-synthesis-provisions"], "days",
         "official dates (external facts)"),
        ("Open letter: date in article 002", letter_article, "date", "article 002"),
        ("Open letter: date of the letter", pol.loc["pause-letter", "published_date"], "date", "external fact x017"),
        ("Open letter: signatories (more than)", signatories, "people", "article 002"),
    ])
    return chapter
