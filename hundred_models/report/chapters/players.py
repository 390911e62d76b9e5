"""Chapter 2, domestic players: who is in the race, when they launched, who built with whom, how China's share moved."""
from __future__ import annotations

import pandas as pd

from ...data.schema import COUNT_DEFINITIONS
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, human_date, key_figures
from ..params import Params, require
from ..phrases import days_later
from ..tables import (CONFIDENCE, GROUPS, KIND_BASES, MEASURES, ORG_KINDS, QUALIFIERS, SECTORS, Col, parameters_words,
                      present, reader_names, source_text)

NOTEBOOK = "02_players"
COUNT_SUBJECTS = ["china-llms-1b-plus", "threshold-entry", "threshold-contender", "threshold-leader"]
#: Quoted counts whose body the prose does not name (the section names the register or Epoch AI itself).
UNNAMED_BODIES = ("local_latest", "epoch_last")
#: What each row of the article's count table is, in words (subject, attribute).
COUNT_ROWS = {
    ("china-llms-1b-plus", "count"): ("Chinese models of at least a billion parameters", "10亿参数以上的中国大模型"),
    ("china-llms-1b-plus", "min_parameters"): ("Size threshold of that count", "该统计的参数门槛"),
    ("threshold-entry", "parameters"): ("Size that buys entry to the race", "入局所需的规模"),
    ("threshold-contender", "parameters"): ("Size that makes a contender", "逐鹿所需的规模"),
    ("threshold-leader", "parameters"): ("Size that still does not guarantee a lead", "仍不足以领先的规模"),
}


def _first(rows: pd.DataFrame, by: str, ascending: bool = True) -> dict | None:
    """The row with the smallest (or largest) value of ``by``, ties broken by count id; None when there is none."""
    if rows.empty:
        return None
    return rows.sort_values([by, "count_id"], ascending=[ascending, True], kind="mergesort").iloc[0].to_dict()


def count_phrase(count: int, qualifier: str, lang: str = "en") -> str:
    """A count for prose, hedged as published: '79', 'more than 190', 'about 1,500' / '超过190', '约1,500'."""
    figure = f"{int(count):,}"
    if lang == "zh":
        return {"more_than": f"超过{figure}", "at_least": f"至少{figure}", "about": f"约{figure}"}.get(qualifier, figure)
    return {"more_than": f"more than {figure}", "at_least": f"at least {figure}", "about": f"about {figure}"}.get(
        qualifier, figure)


def quoted_counts(counts: pd.DataFrame) -> dict[str, dict | None]:
    """The ledger rows the chapter quotes, each picked within one definition (counts under different definitions are
    not compared)."""
    ledger = counts[counts["origin"] == "ledger"]
    by_def = {d: ledger[ledger["definition_id"] == d] for d in COUNT_DEFINITIONS}
    announced = by_def["announced_1b_params"]
    # Tallies without a threshold in their first year, as printed (lower bounds left out of the range).
    tallies = by_def["released_models_tally"]
    first_year = tallies[(tallies["year"] == tallies["year"].min()) & (tallies["qualifier"] == "exactly")]
    return {
        # The other count of announced models of a billion parameters or more: the article's figure's nearest kin.
        "1b_other": _first(announced[announced["claim_id"].isna()], "as_of"),
        "tally_low": _first(first_year, "count"), "tally_high": _first(first_year, "count", ascending=False),
        "tally_latest": _first(tallies, "as_of", ascending=False),
        "filed_first": _first(by_def["cac_filed_services"], "as_of"),
        "filed_latest": _first(by_def["cac_filed_services"], "as_of", ascending=False),
        "local_latest": _first(by_def["local_registered_services"], "as_of", ascending=False),
        "epoch_last": _first(counts[counts["definition_id"] == "epoch_notable_chinese"], "as_of", ascending=False),
    }


def count_summary(counts: pd.DataFrame, lang: str = "en") -> dict[str, object]:
    """The glued figures of the section on model counts: each count as a hedged phrase, with its body and date."""
    rows = quoted_counts(counts)
    ledger = counts[counts["origin"] == "ledger"]
    confidence = ledger["confidence"].value_counts()
    out: dict[str, object] = dict(
        players_mc_counts=len(ledger), players_mc_bodies=int(ledger["body"].nunique()),
        players_mc_definitions=int(counts["definition_id"].nunique()),
        players_mc_high=int(confidence.get("high", 0)), players_mc_low=int(confidence.get("low", 0)))
    missing = "无" if lang == "zh" else "n/a"
    for name, row in rows.items():
        out[f"players_mc_{name}"] = count_phrase(row["count"], row["qualifier"], lang) if row else missing
        out[f"players_mc_{name}_date"] = human_date(row["as_of"], lang) if row else missing
        if name not in UNNAMED_BODIES:
            out[f"players_mc_{name}_body"] = (row["body_zh"] if lang == "zh" else row["body"]) if row else missing
    return out


def _source_link(row: dict, lang: str) -> tuple[str, str | None]:
    """A ledger row's id, linked to where we read the count (the publication, else the copy we read; the first address
    when there are several)."""
    url = next((u for u in (row["url"], row["read_via"]) if isinstance(u, str) and u.startswith("http")), None)
    if url:
        return row["count_id"], url.split(" ; ")[0].strip()
    article = str(row["source_ids"] or "")[:3] if isinstance(row["source_ids"], str) else ""
    return (f"{row['count_id']}（文章{article}）" if lang == "zh" else f"{row['count_id']} (article {article})") \
        if article else row["count_id"], None


def ledger_table(counts: pd.DataFrame, definitions: pd.DataFrame, lang: str = "en"):
    """The published counts as a reader wants them: grouped by what was counted, dated, hedged, with a link to where we
    read each (the full citation is in model_counts.csv)."""
    short = definitions.set_index("definition_id")["short_zh" if lang == "zh" else "short_en"]
    ledger = counts[counts["origin"] == "ledger"].copy()
    ledger["_order"] = ledger["definition_id"].map(COUNT_DEFINITIONS.index)
    ledger = ledger.sort_values(["_order", "as_of", "count_id"], kind="mergesort")
    # What was counted, named once at the head of its group of rows.
    ledger["what"] = ledger["definition_id"].map(short).map(lambda t: _brackets(t, lang)).where(
        ledger["definition_id"].ne(ledger["definition_id"].shift()), "")
    ledger["figure"] = [count_phrase(c, q, lang) for c, q in zip(ledger["count"], ledger["qualifier"])]
    ledger["source"] = [_source_link(r, lang) for r in ledger.to_dict("records")]
    return present(ledger, [
        Col("what", "What was counted", "统计对象"), Col("as_of", "As of", "截至", "date"),
        Col("figure", "Count", "数量"), Col("body_zh" if lang == "zh" else "body", "Counted by", "统计者"),
        Col("published", "Published", "发布日期", "date"), Col("confidence", "Our confidence", "可信度", "label", CONFIDENCE),
        Col("source", "Where we read it", "出处", "link"),
    ], "players-model-counts", lang)


def _brackets(text, lang: str) -> str:
    """Full-width brackets in Chinese text."""
    return text.replace("(", "（").replace(")", "）") if lang == "zh" and isinstance(text, str) else text


def definitions_table(definitions: pd.DataFrame, lang: str = "en"):
    order = definitions["definition_id"].map(COUNT_DEFINITIONS.index)
    d = definitions.assign(_order=order).sort_values("_order", kind="mergesort")
    d["what"] = d["name_zh" if lang == "zh" else "name_en"].map(lambda t: _brackets(t, lang))
    return present(d, [
        Col("what", "What is counted", "统计对象"),
        Col("measure", "Measured", "计量方式", "label", MEASURES),
        Col("joinable", "From one register", "出自同一份登记记录", "bool"),
        Col("counts", "Counts in the ledger", "台账中的统计数", "count"),
    ], "players-count-definitions", lang)


def summary(p: Params) -> Chapter:
    orgs = load("organisations", p.data_dir)
    players = orgs[orgs["org_kind"].isin(["giant", "ai_company", "research"])].sort_values(
        ["org_kind", "kind_basis", "entity_id"], kind="mergesort")
    facts = load("facts", p.data_dir)
    counts = facts[facts["subject"].isin(COUNT_SUBJECTS) & (facts["kind"] == "number")]
    launches = chart_data("players-launches-2023", p)
    network = chart_data("players-network", p)
    china = chart_data("players-china-notable", p)
    events = load("events", p.data_dir).set_index(["subject", "event"])
    gap = (pd.Timestamp(events.loc[("ernie-bot", "release_date"), "date"])
           - pd.Timestamp(events.loc[("gpt-4", "release_date"), "date"])).days
    llm = chosen_fact(facts, "china-llms-1b-plus", "count")
    kinds = players[players["kind_basis"] == "article"]["org_kind"].value_counts()
    # The chapter is about the 2023 race: a window without 2023 cannot say what its prose says.
    require(int(2023 in p.years), 1, "year of the 2023 race (2023 must be inside the window)", p)
    y2023 = china[china["year"] == 2023].iloc[0]
    last_row = china.iloc[-1]
    ernie_family = chosen_fact(facts, "ernie-family", "model_count")
    team = {a: chosen_fact(facts, "palm", a)["value"] for a in ("team_total", "team_preparation", "team_added_in_training")}

    model_counts = chart_data("players-model-counts", p)
    definitions = load("model_count_definitions", p.data_dir)
    mc = count_summary(model_counts, p.lang)
    quoted = quoted_counts(model_counts)

    lang = p.lang
    names = reader_names(load("entities", p.data_dir))
    count_rows = counts.assign(
        what=[COUNT_ROWS.get((a, b), (f"{a}: {b}",) * 2)[1 if lang == "zh" else 0]
              for a, b in zip(counts["subject"], counts["attribute"])],
        figure=[_hedged(v, q, "count" if a == "count" else "parameters", lang)
                for v, q, a in zip(counts["value"], counts["qualifier"], counts["attribute"])])
    launch_rows = launches.assign(source=[
        source_text(s) if isinstance(s, str) and s else ("外部来源" if lang == "zh" else "external source")
        for s in launches["source_ids"]])

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "model_counts": ledger_table(model_counts, definitions, lang),
        "count_definitions": definitions_table(definitions, lang),
        "kinds": present(players, [
            Col("org_kind", "Kind", "类别", "label", ORG_KINDS), Col("entity_id", "Organisation", "机构", "name", names),
            *([Col("name_zh", "Chinese name", "中文名")] if lang != "zh" else []),
            Col("kind_basis", "Classed by", "归类依据", "label", KIND_BASES), Col("sector", "Sector", "领域", "label", SECTORS),
            Col("model_count", "Models in our data", "本报告数据中的模型", "count"),
        ], "players-kinds", lang),
        "count": present(count_rows, [
            Col("what", "What", "项目"), Col("anchor", "As printed", "原文数字"), Col("figure", "Value", "数值"),
            Col("as_of", "As of", "截至", "date"), Col("claim_ids", "Claims", "说法编号", "sources"),
        ], "players-count", lang),
        "launches": present(launch_rows, [
            Col("date", "Date", "日期", "date"), Col("label_zh" if lang == "zh" else "label_en", "Launch or move", "发布或动作"),
            Col("group", "Where", "地区", "label", GROUPS), Col("source", "Article", "文章"),
        ], "players-launches", lang),
        "network": present(network, [
            Col("org_a", "Partner", "合作方", "name", names), Col("org_b", "With", "与", "name", names),
            Col("built", "Built together", "共同打造", "name", names), Col("source_ids", "Articles", "文章", "sources"),
        ], "players-network", lang),
        "china": present(china, [
            Col("year", "Year", "年份"), Col("notable_models", "Notable models, all", "重要模型总数", "count"),
            Col("chinese_models", "From China (with partners abroad too)", "中国机构参与（含与国外合作）", "count"),
            Col("china_only_models", "From China alone", "仅中国机构", "count"),
            Col("china_share_pct", "China's share", "中国占比", "percent"),
        ], "players-china", lang),
    }
    chapter.glue = dict(
        players_llm_count=int(llm["value"]), players_llm_count_date=human_date(llm["as_of"], lang),
        players_giants=int(kinds.get("giant", 0)), players_ai_companies=int(kinds.get("ai_company", 0)),
        players_research=int(kinds.get("research", 0)), players_launches_2023=len(launches),
        players_ernie_bot_gap_days=int(gap), players_partnerships=len(network),
        players_ernie_bot_gap=f"{days_later(gap, lang)}, Beijing time" if lang == "en"
        else f"{days_later(gap, lang)}（北京时间）",
        players_ernie_family=int(ernie_family["value"]), players_china_total=int(china["chinese_models"].sum()),
        players_china_2023=int(y2023["chinese_models"]) if y2023 is not None else 0,
        players_china_share_2023=float(y2023["china_share_pct"]),
        players_china_share_last=float(last_row["china_share_pct"]), players_last_year=int(last_row["year"]),
        players_first_year=int(china.iloc[0]["year"]),
        players_ernie_upgrade=human_date(chosen_fact(facts, "ernie-family", "upgrade_date")["date"], lang), **mc)

    def ledger_row(label, row, unit):
        when = human_date(row["as_of"], lang)
        body = row["body_zh"] if lang == "zh" else row["body"]
        return ((f"{label[0]}, {human_date(row['as_of'], 'en')}", f"{label[1]}（截至{when}）"), int(row["count"]), unit,
                (f"{row['body']}, via model_counts.csv", f"{body}，见model_counts.csv"))

    window = f"{p.start_year}–{p.end_year}"
    chapter.key_figures = key_figures([
        (("Chinese models of at least a billion parameters (more than)", "10亿参数以上的中国大模型（超过）"),
         int(llm["value"]), ("models", "个模型"),
         (f"article 004, as of {human_date(llm['as_of'], 'en')}", f"文章004，截至{human_date(llm['as_of'], 'zh')}")),
        (("Published counts of Chinese models in our ledger", "台账中公开发布的中国模型统计"), mc["players_mc_counts"],
         ("counts", "项统计"),
         (f"{mc['players_mc_bodies']} counting bodies, {mc['players_mc_definitions']} definitions (model_counts.csv)",
          f"{mc['players_mc_bodies']}个统计者，{mc['players_mc_definitions']}种口径（model_counts.csv）")),
        *[ledger_row(label, r, unit) for label, r, unit in (
            (("Generative AI services filed with the CAC", "在国家网信办备案的生成式人工智能服务"), quoted["filed_latest"],
             ("services", "项服务")),
            (("Largest published tally of models released in China", "公开发布的中国已发布模型统计中最大的一个"),
             quoted["tally_latest"], ("models", "个模型"))) if r is not None],
        (("Giants named in the taxonomy", "分类中点名的巨头"), int(kinds.get("giant", 0)), ("organisations", "家机构"),
         ("article 004", "文章004")),
        (("AI companies named in the taxonomy", "分类中点名的人工智能公司"), int(kinds.get("ai_company", 0)),
         ("organisations", "家机构"), ("article 004", "文章004")),
        (("Research institutes named in the taxonomy", "分类中点名的科研院所"), int(kinds.get("research", 0)),
         ("organisations", "家机构"), ("article 004", "文章004")),
        (("Days from GPT-4 to ERNIE Bot", "从GPT-4到文心一言的天数"), int(gap), ("days", "天"), ("article 001", "文章001")),
        (("2023 launches and moves dated", "有日期的2023年发布与动作"), len(launches), ("events", "件"),
         ("articles 001, 002, 004", "文章001、002、004")),
        (("Partnerships that built together", "共同打造模型的合作"), len(network), ("pairs of organisations", "对机构"),
         ("articles 000, 003, 004", "文章000、003、004")),
        (("Models in the ERNIE family after its upgrade", "升级后文心家族的模型数"), int(ernie_family["value"]),
         ("models", "个模型"), ("article 000", "文章000")),
        (("PaLM team: total as printed", "PaLM团队：文章所印总人数"), int(team["team_total"]), ("people", "人"),
         ("article 001", "文章001")),
        (("PaLM team: the printed parts added up", "PaLM团队：文章所印各部分之和"),
         int(team["team_preparation"] + team["team_added_in_training"]), ("people", "人"),
         ("article 001 (see Methods)", "文章001（见“方法”）")),
        ((f"Notable Chinese models, {window}", f"{window}年中国的重要模型"), int(china["chinese_models"].sum()),
         ("models", "个模型"), "Epoch AI"),
        ((f"China's share of notable models, {int(last_row['year'])}", f"{int(last_row['year'])}年中国在重要模型中的占比"),
         f"{float(last_row['china_share_pct']):.1f}", ("percent", "%"), "Epoch AI"),
    ], lang)
    return chapter


def _hedged(value, qualifier, kind: str, lang: str) -> str:
    """'more than 80', 'at least 1 billion' / '超过80', '至少10亿': a figure with the hedge printed with it."""
    figure = f"{int(value):,}" if kind == "count" else parameters_words(value, lang)
    if not isinstance(qualifier, str) or not qualifier or qualifier == "exactly":
        return figure
    words = QUALIFIERS.get(qualifier, (qualifier, qualifier))
    return f"{words[1]}{figure}" if lang == "zh" else f"{words[0]} {figure}"
