"""Merge claims into facts: one row per distinct statement, every supporting article listed.

Rules (also in the book's Methods chapter):

* Claims with the same subject, attribute, ``as_of`` and statement (number, unit, hedge and
  status; or date; or related entity) are one fact. The articles behind it are listed, and
  articles that repeat one another (``source_relations.csv``) count once towards
  ``n_independent``.
* Facts about the same subject, attribute and ``as_of`` conflict when they cannot both be
  true: numbers whose ranges do not overlap (:mod:`compare`: ``2600亿`` and ``千亿级`` agree,
  ``1000亿`` and ``10万亿`` do not), or dates that differ at the precision both print
  (``2023`` and ``2023-03-16`` agree, ``2023-03`` and ``2023-04`` do not). Every value is kept
  and flagged.
* The value charts use (``chosen``) is, in order: a cited external fact (an official
  document beats a news report); for model sizes, a value whose range holds Epoch AI's;
  the value with most independent articles; the one without a hedge; the most precise
  date; the lowest claim id.
"""
from __future__ import annotations

import pandas as pd

from .compare import dates_compatible, interval

CHOICE_RULE = ("external citation > agrees with Epoch (parameters) > most independent articles > "
               "no hedge > most precise date > lowest claim id")
#: The same rule in Chinese, for the Chinese edition's Methods page (facts.csv keeps the English).
CHOICE_RULE_ZH = "有外部出处 > 与Epoch AI一致（参数量）> 独立文章最多 > 无限定词 > 日期最精确 > 说法编号最小"

__all__ = ["CHOICE_RULE", "CHOICE_RULE_ZH", "build_facts", "dates_compatible", "fact_interval"]


def _independent(sources: list[str], copies: dict[str, set[str]]) -> int:
    """Supporting articles counted once per group that repeats the same text.

    Articles linked by ``source_relations`` (one copies the other, or both repeat a common
    source) form one group; the count is the number of groups among the supporters.
    """
    parent = {s: s for s in sources}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for s in sources:
        for other in copies.get(s, set()):
            if other in parent:
                parent[root(s)] = root(other)
    return len({root(s) for s in sources})


def _blank(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _value_key(rec: dict) -> tuple:
    if rec["kind"] == "number":
        high = None if _blank(rec["value_high"]) else float(rec["value_high"])
        return ("number", float(rec["value"]), high, rec["unit"] or "", rec["qualifier"] or "", rec.get("status") or "")
    if rec["kind"] == "date":
        return ("date", rec["date"], rec.get("status") or "")
    return ("named", rec["object"] or rec["subject"])


def fact_interval(row) -> "Interval":  # noqa: F821 - see compare.Interval
    """Range of true values of a numeric fact, from its value, hedge and printed precision."""
    anchor = row.get("anchor")
    high = None if _blank(row["value_high"]) else float(row["value_high"])
    qualifier = None if _blank(row["qualifier"]) else row["qualifier"]
    return interval(float(row["value"]), high, qualifier, anchor if isinstance(anchor, str) else None)


def _numbers_conflict(group: pd.DataFrame) -> bool:
    ranges = [fact_interval(r) for r in group.to_dict("records")]
    units = set(group["unit"].fillna(""))
    return len(units) > 1 or any(not a.overlaps(b) for a in ranges for b in ranges)


def build_facts(claims: pd.DataFrame, external: pd.DataFrame, kinds: dict[str, str],
                copies: dict[str, set[str]], epoch_params: dict[str, float]) -> pd.DataFrame:
    """Facts table (see module docstring for the rules)."""
    claims = claims.copy()
    if "status" not in claims:
        claims["status"] = None
    groups: dict[tuple, list[dict]] = {}
    for rec in claims.sort_values("claim_id").to_dict("records"):
        key = (rec["subject"], rec["attribute"], rec["as_of"] or "", _value_key(rec))
        groups.setdefault(key, []).append(rec)
    rows = []
    for (subject, attribute, as_of, _), recs in groups.items():
        sources = sorted({r["source_id"] for r in recs})
        first = recs[0]
        rows.append({
            "subject": subject, "subject_kind": kinds[subject], "attribute": attribute, "kind": first["kind"],
            "value": first["value"], "value_high": first["value_high"], "unit": first["unit"], "date": first["date"],
            "object": first["object"], "qualifier": first["qualifier"] or None, "status": first.get("status") or None,
            "as_of": as_of or None, "anchor": first["anchor"],
            "origin": "articles", "claim_ids": "|".join(r["claim_id"] for r in recs), "source_ids": "|".join(sources),
            "n_sources": len(sources), "n_independent": _independent(sources, copies), "citation": None,
        })
    for rec in external.sort_values("fact_id").to_dict("records"):
        rows.append({
            "subject": rec["subject"], "subject_kind": kinds[rec["subject"]], "attribute": rec["attribute"],
            "kind": "date" if rec["date"] else "number", "value": rec["value"], "value_high": None, "unit": rec["unit"],
            "date": rec["date"], "object": None, "qualifier": None, "status": None, "as_of": None, "anchor": None,
            "origin": "external", "claim_ids": None, "source_ids": None, "n_sources": 0, "n_independent": 0,
            "citation": f"{rec['citation']} [{rec['fact_id']}]",
        })
    facts = pd.DataFrame(rows)
    facts["conflict"] = False
    facts["chosen"] = False
    facts["choice_rule"] = None
    for _, idx in facts.groupby(["subject", "attribute", facts["as_of"].fillna("")], sort=True).groups.items():
        group = facts.loc[idx]
        kind = group["kind"].iloc[0]
        if kind == "named":
            facts.loc[idx, "chosen"] = True
            continue
        if kind == "number":
            conflict = _numbers_conflict(group)
        else:
            dates = list(group["date"])
            conflict = any(not dates_compatible(a, b) for a in dates for b in dates)
        facts.loc[idx, "conflict"] = conflict
        epoch = epoch_params.get(group["subject"].iloc[0]) if group["attribute"].iloc[0] == "parameters" else None

        def rank(row, epoch=epoch):
            agrees = epoch is not None and not _blank(row["value"]) and fact_interval(row).contains(epoch)
            precision = len(row["date"]) if isinstance(row["date"], str) else 0
            first_claim = row["claim_ids"].split("|")[0] if isinstance(row["claim_ids"], str) else ""
            return (row["origin"] != "external", not agrees, -row["n_independent"], not _blank(row["qualifier"]),
                    -precision, first_claim)

        best = min(idx, key=lambda i: rank(facts.loc[i]))
        facts.loc[best, "chosen"] = True
        facts.loc[idx, "choice_rule"] = CHOICE_RULE if len(idx) > 1 else None
    facts = facts.sort_values(["subject", "attribute", "as_of", "origin", "claim_ids"], na_position="first",
                              kind="mergesort").reset_index(drop=True)
    facts.insert(0, "fact_id", [f"f{i:04d}" for i in range(1, len(facts) + 1)])
    return facts
