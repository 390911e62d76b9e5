"""Chapter 2, domestic players: who is in the race, when they launched, who built with whom, how China's share moved."""
from __future__ import annotations

import pandas as pd

from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, count_text, human_date, key_figures, table
from ..params import Params

NOTEBOOK = "02_players"
COUNT_SUBJECTS = ["china-llms-1b-plus", "threshold-entry", "threshold-contender", "threshold-leader"]


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
    y2023 = china[china["year"] == 2023].iloc[0] if 2023 in set(china["year"]) else None
    last_row = china.iloc[-1]
    ernie_family = chosen_fact(facts, "ernie-family", "model_count")
    team = {a: chosen_fact(facts, "palm", a)["value"] for a in ("team_total", "team_preparation", "team_added_in_training")}

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "kinds": table(players[["org_kind", "name_en", "name_zh", "kind_basis", "sector", "model_count"]], "players-kinds"),
        "count": table(counts[["subject", "attribute", "anchor", "value", "qualifier", "as_of", "claim_ids"]].assign(
            value=counts["value"].map(count_text)), "players-count"),
        "launches": table(launches[["date", "label_en", "label_zh", "group", "source_ids"]], "players-launches"),
        "network": table(network, "players-network"),
        "china": table(china, "players-china"),
    }
    chapter.glue = dict(
        players_llm_count=int(llm["value"]), players_llm_count_date=human_date(llm["as_of"]),
        players_giants=int(kinds.get("giant", 0)), players_ai_companies=int(kinds.get("ai_company", 0)),
        players_research=int(kinds.get("research", 0)), players_launches_2023=len(launches),
        players_ernie_bot_gap_days=int(gap), players_partnerships=len(network),
        players_ernie_family=int(ernie_family["value"]), players_china_total=int(china["chinese_models"].sum()),
        players_china_2023=int(y2023["chinese_models"]) if y2023 is not None else 0,
        players_china_share_2023=float(y2023["china_share_pct"]) if y2023 is not None else float("nan"),
        players_china_share_last=float(last_row["china_share_pct"]), players_last_year=int(last_row["year"]),
        players_first_year=int(china.iloc[0]["year"]),
        players_ernie_upgrade=human_date(chosen_fact(facts, "ernie-family", "upgrade_date")["date"]))
    chapter.key_figures = key_figures([
        ("Chinese models of at least a billion parameters (more than)", int(llm["value"]), "models",
         f"article 004, as of {llm['as_of']}"),
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
