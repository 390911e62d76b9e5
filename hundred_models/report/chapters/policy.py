"""Chapter 5, policy: the rules, how fast they moved from draft to force, and what the articles got wrong about them."""
from __future__ import annotations

import re

import pandas as pd

from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, human_date, key_figures
from ..params import Params
from ..tables import (DETECTED_BY, DATE_ORIGINS, DISCREPANCY_KINDS, POLICY_ATTRIBUTES, POLICY_LEVELS, POLICY_STAGES, Col,
                      present, source_text)

NOTEBOOK = "05_policy"
#: Policy actions and actors the chapter lists beside the rules.
ACTION_SUBJECTS = ["beijing-ai-whitepaper", "two-sessions-2023", "zhou-hongyi", "jiang-haoran", "liu-qingfeng",
                   "ai-law-draft", "pause-letter", "legislative-plan-2023"]


def short_names(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """entity id -> (short English name, short Chinese name): the names the policy chart uses."""
    def text(value, fallback):
        return value if isinstance(value, str) and value else fallback

    return {r["entity_id"]: (text(r["short_en"], r["name_en"]), text(r["short_zh"], text(r["name_zh"], r["name_en"])))
            for r in entities.to_dict("records")}


def _sources(row) -> str:
    """'x017, 002': the external fact a date comes from (ids in the external facts table) and the articles."""
    cited = re.findall(r"\[(x\d+)\]", row["citation"]) if isinstance(row["citation"], str) else []
    return ", ".join(s for s in [*cited, source_text(row["source_ids"])] if s)


def summary(p: Params) -> Chapter:
    lang = p.lang
    policies = load("policies", p.data_dir)
    pol = policies.set_index("entity_id")
    facts = load("facts", p.data_dir)
    disc = load("discrepancies", p.data_dir)
    claims = load("claims", p.data_dir)
    names = short_names(load("entities", p.data_dir))
    letter_article = facts[(facts["subject"] == "pause-letter") & (facts["attribute"] == "published_date")
                           & (facts["origin"] == "articles")]["date"].iloc[0]
    lags = policies[policies["draft_to_effect_days"].notna()]
    actions = claims[(claims["theme"] == "policy") & claims["subject"].isin(ACTION_SUBJECTS)]
    lag = {rule: int(pol.loc[rule, "draft_to_effect_days"])
           for rule in ("genai-measures", "algorithm-recommendation-provisions", "deep-synthesis-provisions")}
    signatories = int(chosen_fact(facts, "pause-letter", "signatories")["value"])
    timeline = chart_data("policy-timeline", p)
    timeline = timeline.assign(sources=[_sources(r) for r in timeline.to_dict("records")])
    rule = Col("entity_id", "Rule, plan or letter", "规则、规划或信件", "name", names)

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "rules": present(policies, [
            rule, Col("name_zh", "Chinese title", "全称"),
            Col("level", "Level", "层级", "label", POLICY_LEVELS), Col("issuer", "Issued by", "发布机构", "name", names),
        ], "policy-table", lang),
        "timeline": present(timeline, [
            Col("policy", "Rule, plan or letter", "规则、规划或信件", "name", names),
            Col("stage", "Stage", "阶段", "label", POLICY_STAGES), Col("date", "Date", "日期", "date"),
            Col("origin", "Date from", "日期来源", "label", DATE_ORIGINS),
            Col("article_date", "Date in the article", "文章所给日期", "date"),
            Col("sources", "Source", "来源"),
        ], "policy-timeline", lang),
        "lags": present(lags.sort_values("draft_to_effect_days", kind="mergesort"), [
            rule, Col("draft_date", "Draft for comment", "征求意见稿", "date"),
            Col("effective_date", "Takes effect", "施行", "date"),
            Col("draft_to_effect_days", "Draft to effect (days)", "从征求意见到施行（天）", "count"),
        ], "policy-lags", lang),
        "discrepancies": present(disc[disc["subject"].isin(set(policies["entity_id"]) | {"geoffrey-hinton"})], [
            Col("discrepancy_id", "Finding", "问题编号"), Col("kind", "What is wrong", "问题类型", "label", DISCREPANCY_KINDS),
            Col("subject", "About", "涉及", "name", names), Col("source_ids", "Article", "文章", "sources"),
            Col("values", "As printed", "文章原文"), Col("detected_by", "Found by", "发现者", "label", DETECTED_BY),
        ], "policy-discrepancies", lang),
        "actions": present(actions, [
            Col("claim_id", "Claim", "说法"), Col("subject", "About", "涉及", "name", names),
            Col("attribute", "What the article says", "文章所述", "label", POLICY_ATTRIBUTES),
            Col("anchor", "As printed", "文章原文"), Col("date", "Date", "日期", "date"),
            Col("object", "Related to", "关联对象", "name", names),
        ], "policy-actions", lang),
    }
    chapter.glue = dict(
        pol_rules=len(policies), pol_genai_lag_days=lag["genai-measures"],
        pol_algo_lag_days=lag["algorithm-recommendation-provisions"], pol_deep_lag_days=lag["deep-synthesis-provisions"],
        pol_genai_draft=human_date(pol.loc["genai-measures", "draft_date"], lang),
        pol_genai_effective=human_date(pol.loc["genai-measures", "effective_date"], lang),
        pol_genai_adopted=human_date(pol.loc["genai-measures", "adopted_date"], lang),
        pol_genai_published=human_date(pol.loc["genai-measures", "published_date"], lang),
        pol_letter_article_date=human_date(letter_article, lang),
        pol_letter_date=human_date(pol.loc["pause-letter", "published_date"], lang),
        pol_letter_signatories=signatories,
        pol_letter_pause_months=int(chosen_fact(facts, "pause-letter", "pause_months")["value"]))
    days, official = ("days", "天"), ("official dates (external facts)", "官方日期（外部事实）")
    chapter.key_figures = key_figures([
        (("Rules, plans and letters named", "文章提到的规则、规划和信件"), len(policies), ("items", "项"),
         ("articles 001, 002, 004", "001、002、004号文章")),
        (("Draft to effect: generative AI measures", "从征求意见到施行：生成式AI服务管理办法"), lag["genai-measures"], days,
         official),
        (("Draft to effect: algorithmic recommendation provisions", "从征求意见到施行：算法推荐管理规定"),
         lag["algorithm-recommendation-provisions"], days, official),
        (("Draft to effect: deep synthesis provisions", "从征求意见到施行：深度合成管理规定"),
         lag["deep-synthesis-provisions"], days, official),
        (("Open letter: date in article 002", "公开信：002号文章所给日期"), human_date(letter_article, lang),
         ("date", "日期"), ("article 002", "002号文章")),
        (("Open letter: date of the letter", "公开信：信件落款日期"), human_date(pol.loc["pause-letter", "published_date"], lang),
         ("date", "日期"), ("external fact x017", "外部事实x017")),
        (("Open letter: signatories (more than)", "公开信：签名人数（超过）"), signatories, ("people", "人"),
         ("article 002", "002号文章")),
    ], lang)
    return chapter
