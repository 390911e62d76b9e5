"""Chapter 2, domestic players: who is in the race, when they launched, who built with whom, how China's share moved."""
from __future__ import annotations

import pandas as pd

from ...data.schema import COUNT_DEFINITIONS
from ..charts.players import count_label
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, count_text, human_date, key_figures, table
from ..params import Params, require
from ..phrases import days_later

NOTEBOOK = "02_players"
COUNT_SUBJECTS = ["china-llms-1b-plus", "threshold-entry", "threshold-contender", "threshold-leader"]
#: Quoted counts whose body the prose does not name (the section names the register or Epoch AI itself).
UNNAMED_BODIES = ("local_latest", "epoch_last")


def _first(rows: pd.DataFrame, by: str, ascending: bool = True) -> dict | None:
    """The row with the smallest (or largest) value of ``by``, ties broken by count id; None when there is none."""
    if rows.empty:
        return None
    return rows.sort_values([by, "count_id"], ascending=[ascending, True], kind="mergesort").iloc[0].to_dict()


def count_phrase(count: int, qualifier: str) -> str:
    """A count for English prose, hedged as published: '79', 'more than 190', 'about 1,500'."""
    figure = f"{int(count):,}"
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
    for name, row in rows.items():
        out[f"players_mc_{name}"] = count_phrase(row["count"], row["qualifier"]) if row else "n/a"
        out[f"players_mc_{name}_date"] = human_date(row["as_of"], lang) if row else "n/a"
        if name not in UNNAMED_BODIES:
            out[f"players_mc_{name}_body"] = row["body"] if row else "n/a"
    return out


def ledger_table(counts: pd.DataFrame, definitions: pd.DataFrame) -> pd.DataFrame:
    """The published counts as a reader wants them: grouped by what was counted, dated, hedged and cited."""
    names = definitions.set_index("definition_id")["short_en"]
    ledger = counts[counts["origin"] == "ledger"].copy()
    ledger["_order"] = ledger["definition_id"].map(COUNT_DEFINITIONS.index)
    ledger = ledger.sort_values(["_order", "as_of", "count_id"], kind="mergesort")
    return pd.DataFrame({
        "id": ledger["count_id"],
        "what was counted": ledger["definition_id"].map(names),
        "as of": ledger["as_of"].map(human_date),
        "count": [count_label(c, q, "en") for c, q in zip(ledger["count"], ledger["qualifier"])],
        "counting body": ledger["counting_body"],
        "published by": ledger["publisher"],
        "published": ledger["published"].map(human_date),
        "document": ledger["title"].fillna(""),
        "read at": [u if isinstance(u, str) else v for u, v in zip(ledger["url"], ledger["read_via"])],
        "confidence": ledger["confidence"],
    })


def definitions_table(definitions: pd.DataFrame) -> pd.DataFrame:
    order = definitions["definition_id"].map(COUNT_DEFINITIONS.index)
    d = definitions.assign(_order=order).sort_values("_order", kind="mergesort")
    return pd.DataFrame({"definition": d["short_en"], "measure": d["measure"].str.replace("_", " "),
                         "counts": d["counts"], "what is included": d["description"]})


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

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "model_counts": table(ledger_table(model_counts, definitions), "players-model-counts"),
        "count_definitions": table(definitions_table(definitions), "players-count-definitions"),
        "kinds": table(players[["org_kind", "name_en", "name_zh", "kind_basis", "sector", "model_count"]], "players-kinds"),
        "count": table(counts[["subject", "attribute", "anchor", "value", "qualifier", "as_of", "claim_ids"]].assign(
            value=counts["value"].map(count_text)), "players-count"),
        "launches": table(launches[["date", "label_en", "label_zh", "group", "source_ids"]], "players-launches"),
        "network": table(network, "players-network"),
        "china": table(china, "players-china"),
    }
    chapter.glue = dict(
        players_llm_count=int(llm["value"]), players_llm_count_date=human_date(llm["as_of"], p.lang),
        players_giants=int(kinds.get("giant", 0)), players_ai_companies=int(kinds.get("ai_company", 0)),
        players_research=int(kinds.get("research", 0)), players_launches_2023=len(launches),
        players_ernie_bot_gap_days=int(gap), players_partnerships=len(network),
        players_ernie_bot_gap=f"{days_later(gap, p.lang)}, Beijing time" if p.lang == "en"
        else f"{days_later(gap, p.lang)}（北京时间）",
        players_ernie_family=int(ernie_family["value"]), players_china_total=int(china["chinese_models"].sum()),
        players_china_2023=int(y2023["chinese_models"]) if y2023 is not None else 0,
        players_china_share_2023=float(y2023["china_share_pct"]),
        players_china_share_last=float(last_row["china_share_pct"]), players_last_year=int(last_row["year"]),
        players_first_year=int(china.iloc[0]["year"]),
        players_ernie_upgrade=human_date(chosen_fact(facts, "ernie-family", "upgrade_date")["date"], p.lang), **mc)
    chapter.key_figures = key_figures([
        ("Chinese models of at least a billion parameters (more than)", int(llm["value"]), "models",
         f"article 004, as of {llm['as_of']}"),
        ("Published counts of Chinese models in our ledger", mc["players_mc_counts"], "counts",
         f"{mc['players_mc_bodies']} counting bodies, {mc['players_mc_definitions']} definitions (model_counts.csv)"),
        *[(f"{label}, {human_date(r['as_of'], p.lang)}", int(r["count"]), unit, f"{r['body']}, via model_counts.csv")
          for label, r, unit in (("Generative AI services filed with the CAC", quoted["filed_latest"], "services"),
                                 ("Largest published tally of models released in China", quoted["tally_latest"],
                                  "models")) if r is not None],
        ("Giants named in the taxonomy", int(kinds.get("giant", 0)), "organisations", "article 004"),
        ("AI companies named in the taxonomy", int(kinds.get("ai_company", 0)), "organisations", "article 004"),
        ("Research institutes named in the taxonomy", int(kinds.get("research", 0)), "organisations", "article 004"),
        ("Days from GPT-4 to ERNIE Bot", int(gap), "days", "article 001"),
        ("2023 launches and moves dated", len(launches), "events", "articles 001, 002, 004"),
        ("Partnerships that built together", len(network), "pairs of organisations", "articles 000, 003, 004"),
        ("Models in the ERNIE family after its upgrade", int(ernie_family["value"]), "models", "article 000"),
        ("PaLM team: total as printed", int(team["team_total"]), "people", "article 001"),
        ("PaLM team: the printed parts added up", int(team["team_preparation"] + team["team_added_in_training"]), "people",
         "article 001 (see Methods)"),
        (f"Notable Chinese models, {p.start_year}-{p.end_year}", int(china["chinese_models"].sum()), "models", "Epoch AI"),
        (f"China's share of notable models, {int(last_row['year'])}", float(last_row["china_share_pct"]), "percent",
         "Epoch AI"),
    ])
    return chapter
