"""Merge claims into facts: one row per distinct value, every supporting article listed.

Rules (also in the book's Methods chapter):

* Claims with the same subject, attribute, ``as_of`` and value (number and unit, date, or
  object) are one fact; the articles behind it are listed, and an article that copies
  another supporting article (``source_relations.csv``) does not count as independent.
* Different numbers, or dates that cannot both be true (``2023-03`` vs ``2023-04``; ``2023``
  and ``2023-03-16`` are compatible) for the same subject, attribute and ``as_of`` are a
  conflict: every value is kept and flagged.
* The value charts use (``chosen``) is, in order: a cited external fact (an official
  document beats a news report); for model sizes, the value within 10 % of Epoch AI's;
  the value with most independent articles; the one without a hedge; the most precise
  date; the lowest claim id.
"""
from __future__ import annotations

import pandas as pd

#: Tolerance for "agrees with Epoch": article / Epoch within 1 +/- this.
EPOCH_TOLERANCE = 0.10
CHOICE_RULE = ("external citation > agrees with Epoch (parameters) > most independent articles > "
               "no hedge > most precise date > lowest claim id")


def _independent(sources: list[str], copies: dict[str, set[str]]) -> int:
    """Articles that do not copy another article in the same list."""
    return sum(1 for s in sources if not (copies.get(s, set()) & (set(sources) - {s})))


def _value_key(rec: dict) -> tuple:
    if rec["kind"] == "number":
        high = None if pd.isna(rec["value_high"]) else float(rec["value_high"])
        return ("number", float(rec["value"]), high, rec["unit"] or "")
    if rec["kind"] == "date":
        return ("date", rec["date"])
    return ("named", rec["object"] or rec["subject"])


def dates_compatible(a: str, b: str) -> bool:
    """``2023`` and ``2023-03-16`` can both be true; ``2023-03`` and ``2023-04`` cannot."""
    return a.startswith(b) or b.startswith(a)


def build_facts(claims: pd.DataFrame, external: pd.DataFrame, kinds: dict[str, str],
                copies: dict[str, set[str]], epoch_params: dict[str, float]) -> pd.DataFrame:
    """Facts table (see module docstring for the rules)."""
    groups: dict[tuple, list[dict]] = {}
    for rec in claims.sort_values("claim_id").to_dict("records"):
        key = (rec["subject"], rec["attribute"], rec["as_of"] or "", _value_key(rec))
        groups.setdefault(key, []).append(rec)
    rows = []
    for (subject, attribute, as_of, vkey), recs in groups.items():
        sources = sorted({r["source_id"] for r in recs})
        qualifiers = sorted({r["qualifier"] for r in recs if r["qualifier"]})
        first = recs[0]
        rows.append({
            "subject": subject, "subject_kind": kinds[subject], "attribute": attribute, "kind": first["kind"],
            "value": first["value"], "value_high": first["value_high"], "unit": first["unit"], "date": first["date"],
            "object": first["object"], "qualifier": "|".join(qualifiers) or None, "as_of": as_of or None,
            "origin": "articles", "claim_ids": "|".join(r["claim_id"] for r in recs), "source_ids": "|".join(sources),
            "n_sources": len(sources), "n_independent": _independent(sources, copies), "citation": None,
        })
    for rec in external.sort_values("fact_id").to_dict("records"):
        rows.append({
            "subject": rec["subject"], "subject_kind": kinds[rec["subject"]], "attribute": rec["attribute"],
            "kind": "date" if rec["date"] else "number", "value": rec["value"], "value_high": None, "unit": rec["unit"],
            "date": rec["date"], "object": None, "qualifier": None, "as_of": None, "origin": "external",
            "claim_ids": None, "source_ids": None, "n_sources": 0, "n_independent": 0,
            "citation": f"{rec['citation']} [{rec['fact_id']}]",
        })
    facts = pd.DataFrame(rows)
    facts["conflict"] = False
    facts["chosen"] = False
    facts["choice_rule"] = None
    for _, idx in facts.groupby(["subject", "attribute", facts["as_of"].fillna("")], sort=True).groups.items():
        group = facts.loc[idx]
        if group["kind"].iloc[0] == "named":
            facts.loc[idx, "chosen"] = True
            continue
        articles = group[group["origin"] == "articles"]
        if group["kind"].iloc[0] == "number":
            conflict = articles[["value", "value_high", "unit"]].astype(str).drop_duplicates().shape[0] > 1
        else:
            dates = list(articles["date"])
            conflict = any(not dates_compatible(a, b) for a in dates for b in dates)
        facts.loc[idx, "conflict"] = conflict or (len(group) > 1 and (group["origin"] == "external").any()
                                                 and group["kind"].iloc[0] == "date"
                                                 and not all(dates_compatible(a, b) for a in group["date"] for b in group["date"]))
        epoch = epoch_params.get(group["subject"].iloc[0]) if group["attribute"].iloc[0] == "parameters" else None

        def rank(row):
            agrees = epoch is not None and row["value"] is not None and not pd.isna(row["value"]) \
                and abs(float(row["value"]) / epoch - 1) <= EPOCH_TOLERANCE
            precision = len(row["date"]) if isinstance(row["date"], str) else 0
            first_claim = row["claim_ids"].split("|")[0] if isinstance(row["claim_ids"], str) else ""
            return (row["origin"] != "external", not agrees, -row["n_independent"], row["qualifier"] is not None
                    and not pd.isna(row["qualifier"]), -precision, first_claim)

        best = min(idx, key=lambda i: rank(facts.loc[i]))
        facts.loc[best, "chosen"] = True
        facts.loc[idx, "choice_rule"] = CHOICE_RULE if len(idx) > 1 else None
    facts = facts.sort_values(["subject", "attribute", "as_of", "origin", "claim_ids"], na_position="first",
                              kind="mergesort").reset_index(drop=True)
    facts.insert(0, "fact_id", [f"f{i:04d}" for i in range(1, len(facts) + 1)])
    return facts
