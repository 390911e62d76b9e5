"""Turn data/raw + data/external into data/clean, all or nothing.

Everything is validated before anything is written; the clean tables are written to a
temporary folder beside ``data/clean`` and swapped in at the end, so a bad row never
leaves a half-built folder and the last good build stays in place.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from . import paths
from .epoch import EPOCH_CREDIT, normalise_epoch, notable_by_year, read_epoch
from .errors import DataError
from .compare import Interval, dates_compatible
from .facts import build_facts, fact_interval
from .labels import event_label
from .readers import display_path, read_table, validate_frame
from .schema import CLEAN_TABLES, COUNTED_UNIT, ENTITY_TABLES, RAW_TABLES, Table
from .validate import (alias_index, check_claims, check_foreign_keys, check_model_counts, check_provenance,
                       check_support, entity_registry)

@dataclass
class RawData:
    tables: dict[str, pd.DataFrame]
    registry: dict[str, str]
    aliases: dict[str, str]


def load_raw(raw_dir: Path | None = None, seeds: Path | None = None, check_articles: bool | None = None) -> RawData:
    """Read and validate every curated table; check anchors against the articles when present."""
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    tables = {name: read_table(raw_dir / f"{name}.csv", table) for name, table in RAW_TABLES.items()}
    registry = entity_registry(tables)
    check_foreign_keys(tables, registry)
    index = alias_index(tables)
    check_claims(tables, index)
    check_support(tables)
    check_model_counts(tables)
    seeds = Path(seeds or paths.seeds_dir())
    if check_articles is None:
        check_articles = seeds.is_dir()
    if check_articles:
        check_provenance(tables, seeds)
    else:
        print(f"note: article texts not found at {seeds}; anchors and checksums not checked "
              f"(set {paths.SEEDS_ENV} to check them)", file=sys.stderr)
    return RawData(tables, registry, index)


def _copies(relations: pd.DataFrame) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for rec in relations.to_dict("records"):
        out.setdefault(rec["source_id"], set()).add(rec["related_source_id"])
        if rec["relation"] == "shares_text_with":
            out.setdefault(rec["related_source_id"], set()).add(rec["source_id"])
    return out


def _chosen(facts: pd.DataFrame, subject: str, attribute: str) -> dict | None:
    rows = facts[(facts["subject"] == subject) & (facts["attribute"] == attribute) & facts["chosen"]]
    if rows.empty:
        return None
    # Several as_of groups: take the one with the latest as_of (empty first).
    return rows.sort_values("as_of", na_position="first").iloc[-1].to_dict()


def build_tables(raw: RawData, epoch: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every clean table, in memory."""
    t = raw.tables
    claims = t["claims"].copy()
    claims["subject_kind"] = claims["subject"].map(raw.registry)
    claims["year"] = [int((d or a)[:4]) if (d or a) else None for d, a in zip(claims["date"], claims["as_of"])]
    claims["year"] = claims["year"].astype("Int64")

    models = t["models"].copy()
    epoch_by_name = epoch.drop_duplicates("model").set_index("model")
    missing = sorted(set(models["epoch_model"].dropna()) - set(epoch_by_name.index))
    if missing:
        row = int(models.index[models["epoch_model"] == missing[0]][0]) + 1
        raise DataError("data/raw/models.csv", f"epoch_model {missing[0]!r} is not in the Epoch table", row=row,
                        column="epoch_model")
    epoch_params = {m: float(epoch_by_name.loc[e, "parameters"]) for m, e in zip(models["entity_id"], models["epoch_model"])
                    if isinstance(e, str) and not pd.isna(epoch_by_name.loc[e, "parameters"])}
    kinds = dict(raw.registry)
    facts = build_facts(claims, t["external_facts"], kinds, _copies(t["source_relations"]), epoch_params)

    models = _models(models, facts, t, epoch_by_name, epoch_params)
    models["count_issues"] = _count_issues(models, claims, t["known_issues"])
    orgs = _organisation_counts(t["organisations"].copy(), models)

    crosscheck = _crosscheck(claims, models, epoch_by_name, epoch_params)
    notes = t["epoch_notes"]
    unknown = sorted(set(notes["epoch_model"]) - set(epoch_by_name.index))
    if unknown:
        row = int(notes.index[notes["epoch_model"] == unknown[0]][0]) + 1
        raise DataError("data/raw/epoch_notes.csv", f"epoch_model {unknown[0]!r} is not in the Epoch table", row=row,
                        column="epoch_model")
    tables = {
        "sources": t["sources"], "source_relations": t["source_relations"], "claims": claims, "organisations": orgs, "models": models, "entities": _entities(raw),
        "facts": facts,
        "events": _events(facts, raw, models), "compute": _compute(facts, raw), "policies": _policies(facts, t),
        "verticals": _verticals(claims, t), "epoch_models": epoch, "epoch_notes": notes, "epoch_crosscheck": crosscheck,
        "discrepancies": _discrepancies(facts, crosscheck, claims, t),
    }
    tables["model_counts"] = _model_counts(t, facts, epoch)
    tables["model_count_definitions"] = _count_definitions(t, tables["model_counts"])
    return tables


#: Known-issue kinds that leave open whether two entries are one model.
COUNT_ISSUE_KINDS = ("possible_double_count",)


def _count_issues(models: pd.DataFrame, claims: pd.DataFrame, issues: pd.DataFrame) -> list[str | None]:
    """For each model, the curated findings that say it may be the same model as another entry (k103)."""
    subject_of = dict(zip(claims["claim_id"], claims["subject"]))
    flagged: dict[str, list[str]] = {}
    for k in issues[issues["kind"].isin(COUNT_ISSUE_KINDS)].to_dict("records"):
        for entity in sorted({subject_of.get(c) for c in k["claim_ids"].split("|")} - {None}):
            flagged.setdefault(entity, []).append(k["issue_id"])
    return ["|".join(flagged[m]) if m in flagged else None for m in models["entity_id"]]


def _organisation_counts(orgs: pd.DataFrame, models: pd.DataFrame) -> pd.DataFrame:
    """Models and families each organisation developed, by the counting rule, with the findings that touch them."""
    developers = [set(d.split("|")) for d in models["developers"]]
    units = list(models["unit"])
    issues = list(models["count_issues"])
    for column, unit in (("model_count", COUNTED_UNIT), ("family_count", "family")):
        orgs[column] = pd.array([sum(o in d for d, u in zip(developers, units) if u == unit) for o in orgs["entity_id"]],
                                dtype="Int64")
    touched = [sorted({i for d, ks in zip(developers, issues) if o in d and isinstance(ks, str) for i in ks.split("|")})
               for o in orgs["entity_id"]]
    orgs["count_issues"] = ["|".join(t) or None for t in touched]
    return orgs


#: How the computed rows of model_counts cite Epoch AI's table.
EPOCH_COUNT_CITATION = {
    "counting_body": "Epoch AI (notable models with at least one developing organisation in China)",
    "counting_body_zh": "Epoch AI(至少一家开发机构位于中国的重要模型)", "body": "Epoch AI", "body_zh": "Epoch AI",
    "publisher": "Epoch AI", "title": "Data on Notable AI Models", "published": None,
    "url": "https://epoch.ai/data/notable-ai-models", "read_via": "data/external/epoch-ai/notable_ai_models.csv",
    "claim_id": None, "confidence": "high",
}


def _model_counts(t: dict[str, pd.DataFrame], facts: pd.DataFrame, epoch: pd.DataFrame) -> pd.DataFrame:
    """The ledger as typed, plus Epoch AI's notable Chinese models per year, counted here rather than typed.

    A ledger row taken from an article must carry the value the report uses for that claim's subject and attribute
    (the chosen fact), so the chart and the chapter's prose cannot give two different figures for one count.
    """
    ledger = t["model_counts"].copy()
    claims = t["claims"].set_index("claim_id")
    for i, r in enumerate(ledger.to_dict("records"), start=1):
        if not r["claim_id"]:
            continue
        c = claims.loc[r["claim_id"]]
        fact = _chosen(facts, c["subject"], c["attribute"])
        if fact is None or not math.isclose(float(fact["value"]), float(r["count"])) \
                or (fact["qualifier"] or "exactly") != r["qualifier"]:
            shown = "none" if fact is None else f"{fact['value']:g} ({fact['qualifier'] or 'exactly'})"
            raise DataError("data/raw/model_counts.csv", f"count {r['count']} ({r['qualifier']}) is not the chosen "
                            f"value of {c['subject']}.{c['attribute']} (claim {r['claim_id']}): {shown}", row=i,
                            column="count")
    ledger["origin"] = "ledger"
    ledger["source_ids"] = [claims.loc[c, "source_id"] if c else None for c in ledger["claim_id"]]
    chinese = epoch.loc[epoch["is_chinese"], "year"]
    per_year = notable_by_year(epoch, range(int(chinese.min()), int(epoch["year"].max()) + 1))
    computed = pd.DataFrame([{
        "count_id": f"epoch-{y}", "as_of": str(y), "count": int(n), "qualifier": "exactly",
        "definition_id": "epoch_notable_chinese", **EPOCH_COUNT_CITATION, "origin": "computed", "source_ids": None,
        "note": f"Computed by the build: notable models published in {y} in Epoch AI's table with at least one "
                "developing organisation in China."} for y, n in zip(per_year["year"], per_year["chinese_models"])])
    out = pd.concat([ledger, computed], ignore_index=True)
    out["year"] = pd.array([int(d[:4]) for d in out["as_of"]], dtype="Int64")
    out["count"] = out["count"].astype("Int64")
    return out[CLEAN_TABLES["model_counts"].columns]


def _count_definitions(t: dict[str, pd.DataFrame], counts: pd.DataFrame) -> pd.DataFrame:
    out = t["model_count_definitions"].copy()
    per = counts["definition_id"].value_counts()
    out["counts"] = pd.array([int(per.get(d, 0)) for d in out["definition_id"]], dtype="Int64")
    return out


def _models(models: pd.DataFrame, facts: pd.DataFrame, t: dict[str, pd.DataFrame], epoch_by_name: pd.DataFrame,
            epoch_params: dict[str, float]) -> pd.DataFrame:
    """Models with the size and date the charts use, and Epoch AI's values beside them.

    The articles' chosen value is used unless Epoch AI lists the model with a value the
    printed figure cannot be (PaLM printed as 530B; MT-NLG dated 2020): then Epoch's value is
    used and the basis column says so, while facts and discrepancies keep the article's.
    A model the articles name without a date takes Epoch's date; without a size it has none,
    so the history chart shows only sizes the articles give.
    """
    country_of = dict(zip(t["organisations"]["entity_id"], t["organisations"]["country"]))
    epoch_dates = {m: epoch_by_name.loc[e, "publication_date"] for m, e in zip(models["entity_id"], models["epoch_model"])
                   if isinstance(e, str)}
    cols: dict[str, list] = {k: [] for k in ("parameters", "parameters_precise", "parameters_qualifier", "parameters_anchor", "parameters_basis",
                                             "parameters_sources", "release_date", "release_basis",
                                             "release_date_precise")}
    for m in models["entity_id"]:
        p = _chosen(facts, m, "parameters")
        epoch_p = epoch_params.get(m)
        if p is not None and epoch_p is not None and not fact_interval(p).contains(epoch_p):
            cols["parameters"].append(epoch_p)
            cols["parameters_basis"].append("epoch")
        else:
            cols["parameters"].append(p["value"] if p else None)
            cols["parameters_basis"].append(None if p is None else "external" if p["origin"] == "external" else "articles")
        # For plotting and fitting: Epoch's exact count where the printed figure (rounded or hedged) allows it.
        cols["parameters_precise"].append(epoch_p if p is not None and epoch_p is not None else cols["parameters"][-1])
        cols["parameters_qualifier"].append(p["qualifier"] if p else None)
        cols["parameters_anchor"].append(p["anchor"] if p else None)
        all_p = facts[(facts["subject"] == m) & (facts["attribute"] == "parameters") & (facts["origin"] == "articles")]
        cols["parameters_sources"].append("|".join(sorted({s for ss in all_p["source_ids"] for s in ss.split("|")})) or None)
        r = _chosen(facts, m, "release_date") or _chosen(facts, m, "announce_date") or _chosen(facts, m, "built_date")
        epoch_d = epoch_dates.get(m)
        if epoch_d and (r is None or not dates_compatible(r["date"], epoch_d)):
            cols["release_date"].append(epoch_d)
            cols["release_basis"].append("epoch")
        else:
            cols["release_date"].append(r["date"] if r else None)
            cols["release_basis"].append(None if r is None else "external" if r["origin"] == "external" else "articles")
        # For plotting: the most precise date consistent with the one used (Epoch's day for the articles' year).
        used = cols["release_date"][-1]
        cols["release_date_precise"].append(epoch_d if used and epoch_d and dates_compatible(used, epoch_d)
                                            and len(epoch_d) > len(used) else used)
    for k, v in cols.items():
        models[k] = v
    models["parameters"] = models["parameters"].astype("Float64")
    models["parameters_precise"] = models["parameters_precise"].astype("Float64")
    models["release_year"] = pd.array([int(d[:4]) if isinstance(d, str) else None for d in models["release_date"]], dtype="Int64")
    groups = []
    for devs in models["developers"]:
        countries = {country_of[d] for d in devs.split("|")}
        groups.append("China" if countries == {"China"} else "United States" if countries == {"United States"}
                      else "Multinational" if "China" in countries else "Rest of world")
    models["country_group"] = groups
    models["epoch_parameters"] = pd.array([epoch_params.get(m) for m in models["entity_id"]], dtype="Float64")
    models["epoch_publication_date"] = [epoch_dates.get(m) for m in models["entity_id"]]
    return models


def _crosscheck(claims: pd.DataFrame, models: pd.DataFrame, epoch_by_name: pd.DataFrame,
                epoch_params: dict[str, float]) -> pd.DataFrame:
    """Every article size or release date of a model Epoch AI lists, against Epoch's value."""
    info = models.set_index("entity_id")
    listed = set(models.loc[models["epoch_model"].notna(), "entity_id"])
    rows = []
    mask = claims["attribute"].isin(["parameters", "release_date"]) & claims["subject"].isin(listed)
    for c in claims[mask].sort_values("claim_id").to_dict("records"):
        m = info.loc[c["subject"]]
        row = {"claim_id": c["claim_id"], "source_id": c["source_id"], "model": c["subject"], "epoch_model": m["epoch_model"],
               "attribute": c["attribute"], "anchor": c["anchor"], "architecture": m["architecture"]}
        if c["attribute"] == "parameters":
            epoch_value = epoch_params.get(c["subject"])
            rng = fact_interval(c)
            row.update(article_value=c["value"], article_low=rng.low, article_high=None if rng.high == float("inf") else rng.high,
                       epoch_value=epoch_value, ratio=round(float(c["value"]) / epoch_value, 4) if epoch_value else None)
            row["verdict"] = "epoch_missing" if epoch_value is None else "agrees" if rng.contains(epoch_value) else "differs"
        else:
            epoch_date = epoch_by_name.loc[m["epoch_model"], "publication_date"]
            row.update(article_date=c["date"], epoch_date=epoch_date,
                       verdict="agrees" if dates_compatible(c["date"], epoch_date) else "differs")
        rows.append(row)
    out = pd.DataFrame(rows, columns=CLEAN_TABLES["epoch_crosscheck"].columns)
    for col in ("article_value", "article_low", "article_high", "epoch_value", "ratio"):
        out[col] = out[col].astype("Float64")
    return out


def _entities(raw: RawData) -> pd.DataFrame:
    """All entities in one lookup, so charts can name anything in either language."""
    kind_column = {"organisations": "org_kind", "models": "scope", "policies": "level", "deployments": "status",
                   "verticals": "industry", "other_entities": "kind"}
    rows = []
    for table in ENTITY_TABLES:
        for rec in raw.tables[table].to_dict("records"):
            en, zh = _name(raw, rec["entity_id"], "en"), _name(raw, rec["entity_id"], "zh")
            rows.append({"entity_id": rec["entity_id"], "entity_table": table, "kind": rec[kind_column[table]],
                         "name_en": en, "name_zh": zh, "short_en": rec.get("short_en") or en,
                         "short_zh": rec.get("short_zh") or rec.get("name_zh") or rec.get("short_en") or en,
                         "aliases": rec.get("aliases")})
    return pd.DataFrame(rows).sort_values("entity_id", kind="mergesort").reset_index(drop=True)


def _short_name(raw: RawData, entity: str, lang: str) -> str:
    """The name for a label: a short form where the table has one, Chinese where there is a Chinese form."""
    rec = raw.tables[raw.registry[entity]].set_index("entity_id").loc[entity]
    order = ("short_zh", "name_zh", "short_en", "name_en") if lang == "zh" else ("short_en", "name_en")
    for column in order:
        if column in rec and isinstance(rec[column], str) and rec[column]:
            return rec[column]
    return entity


def _name(raw: RawData, entity: str, lang: str) -> str:
    frame = raw.tables[raw.registry[entity]].set_index("entity_id")
    if lang == "zh" and "name_zh" in frame and isinstance(frame.loc[entity, "name_zh"], str):
        return frame.loc[entity, "name_zh"]
    if "name_en" in frame:
        return frame.loc[entity, "name_en"]
    return entity


def _events(facts: pd.DataFrame, raw: RawData, models: pd.DataFrame) -> pd.DataFrame:
    """One timeline of every dated fact, using the date the charts use (cited or Epoch where an article is wrong)."""
    dated = facts[(facts["kind"] == "date") & facts["chosen"]]
    models = models.set_index("entity_id")
    rows = []
    for f in dated.to_dict("records"):
        label_en = event_label(f["attribute"], _short_name(raw, f["subject"], "en"), "en")
        if label_en is None:
            first = (f["claim_ids"] or "").split("|")[0]
            where = raw.tables["claims"].index[raw.tables["claims"]["claim_id"] == first]
            raise DataError("data/raw/claims.csv", f"date attribute {f['attribute']!r} has no event label in "
                            "hundred_models/labels.py", row=int(where[0]) + 1 if len(where) else None, column="attribute")
        date, origin, citation, article_date = f["date"], f["origin"], f["citation"], None
        if f["attribute"] == "release_date" and f["subject"] in models.index \
                and models.loc[f["subject"], "release_basis"] == "epoch":
            date, origin, article_date = models.loc[f["subject"], "release_date"], "epoch", f["date"]
            citation = f"{EPOCH_CREDIT}: {models.loc[f['subject'], 'epoch_model']}"
        elif origin == "external":
            others = facts[(facts["subject"] == f["subject"]) & (facts["attribute"] == f["attribute"])
                           & (facts["origin"] == "articles")]
            article_date = others["date"].iloc[0] if len(others) else None
        rows.append({"date": date, "year": int(date[:4]), "precision": {4: "year", 7: "month", 10: "day"}[len(date)],
                     "subject": f["subject"], "subject_kind": f["subject_kind"], "event": f["attribute"],
                     "label_en": label_en, "label_zh": event_label(f["attribute"], _short_name(raw, f["subject"], "zh"), "zh"),
                     "origin": origin, "citation": citation, "article_date": article_date, "status": f["status"],
                     "source_ids": "|".join(sorted({s for ss in facts.loc[(facts["subject"] == f["subject"])
                                                   & (facts["attribute"] == f["attribute"]), "source_ids"].dropna()
                                                   for s in ss.split("|")})) or None,
                     "conflict": bool(f["conflict"]) or origin == "epoch"})
    events = pd.DataFrame(rows).sort_values(["date", "subject", "event"], kind="mergesort").reset_index(drop=True)
    events.insert(0, "event_id", [f"e{i:04d}" for i in range(1, len(events) + 1)])
    events["year"] = events["year"].astype("Int64")
    return events


def _compute(facts: pd.DataFrame, raw: RawData) -> pd.DataFrame:
    """One row per GPU fleet or order, with each figure's printed form, hedge and range."""
    t = raw.tables
    rows = []
    for d in t["deployments"].to_dict("records"):
        own = facts[(facts["subject"] == d["entity_id"]) & (facts["origin"] == "articles")]
        chosen = own[own["chosen"]]
        count = chosen[chosen["attribute"] == "gpu_count"].to_dict("records")
        cost = chosen[chosen["attribute"] == "cost"].to_dict("records")
        date = chosen[chosen["kind"] == "date"].to_dict("records")
        chips = d["chip"].split("|") if d["chip"] else []
        rng = fact_interval(count[0]) if count else None
        if rng and d["status"] == "ceiling":  # a maximum configuration: anything from none up to the printed ceiling
            rng = Interval(0.0, float(count[0]["value"]))
        rows.append({**{k: d[k] for k in ("entity_id", "buyer", "chip", "purpose", "status", "note")},
                     "buyer_name": _name(raw, d["buyer"], "en"), "buyer_name_zh": _name(raw, d["buyer"], "zh"),
                     "chip_names": "|".join(_name(raw, c, "en") for c in chips) or None,
                     "gpu_count": count[0]["value"] if count else None,
                     "gpu_count_anchor": count[0]["anchor"] if count else None,
                     "gpu_count_qualifier": count[0]["qualifier"] if count else None,
                     "gpu_count_status": count[0]["status"] if count else None,
                     "gpu_count_low": rng.low if rng else None,
                     "gpu_count_high": rng.high if rng and rng.high != float("inf") else None,
                     "cost": cost[0]["value"] if cost else None, "cost_unit": cost[0]["unit"] if cost else None,
                     "cost_anchor": cost[0]["anchor"] if cost else None,
                     "cost_qualifier": cost[0]["qualifier"] if cost else None,
                     "date": date[0]["date"] if date else None,
                     "claim_ids": "|".join(sorted(c for ids in own["claim_ids"] for c in ids.split("|"))),
                     "source_ids": "|".join(sorted({s for ss in own["source_ids"] for s in ss.split("|")}))})
    out = pd.DataFrame(rows, columns=CLEAN_TABLES["compute"].columns)
    for col in ("gpu_count", "gpu_count_low", "gpu_count_high", "cost"):
        out[col] = out[col].astype("Float64")
    return out


def _policies(facts: pd.DataFrame, t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each rule's life: draft, adoption, publication, taking effect, with where each date comes from."""
    out = t["policies"].copy()
    stages = ("draft_date", "adopted_date", "published_date", "effective_date")
    columns: dict[str, list] = {k: [] for k in (*stages, "date_origins", "article_dates", "draft_to_effect_days")}
    for p in out["entity_id"]:
        origins, overridden = [], []
        for attr in stages:
            f = _chosen(facts, p, attr)
            columns[attr].append(f["date"] if f else None)
            if f:
                origins.append(f"{attr}: {f['claim_ids'] if f['origin'] == 'articles' else f['citation']}")
                others = facts[(facts["subject"] == p) & (facts["attribute"] == attr) & ~facts["chosen"]
                               & (facts["origin"] == "articles")]
                overridden += [f"{attr}: {o['date']} ({o['claim_ids']})" for o in others.to_dict("records")
                               if not dates_compatible(o["date"], f["date"])]
        columns["date_origins"].append("; ".join(origins) or None)
        columns["article_dates"].append("; ".join(overridden) or None)
        d, e = columns["draft_date"][-1], columns["effective_date"][-1]
        lag = (pd.Timestamp(e) - pd.Timestamp(d)).days if d and e and len(d) == 10 and len(e) == 10 else None
        columns["draft_to_effect_days"].append(lag)
    for k, v in columns.items():
        out[k] = v
    out["draft_to_effect_days"] = out["draft_to_effect_days"].astype("Int64")
    return out


def _verticals(claims: pd.DataFrame, t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    out = t["verticals"].copy()
    summaries, sources = [], []
    for v in out["entity_id"]:
        own = claims[(claims["subject"] == v) & (claims["kind"] == "number")].sort_values("claim_id")
        summaries.append("; ".join(f"{r['attribute']}={r['anchor']}" + (f" ({r['qualifier']})" if r["qualifier"] else "")
                                   for r in own.to_dict("records")) or None)
        sources.append("|".join(sorted(set(claims.loc[claims["subject"] == v, "source_id"]))) or None)
    out["claims"] = summaries
    out["source_ids"] = sources
    return out


def _discrepancies(facts, crosscheck, claims, t) -> pd.DataFrame:
    """Every disagreement: conflicts between sources, mismatches with Epoch AI, sparse totals, curated findings.

    The first three are found by the build; curated findings (known_issues.csv) explain the
    errors only a reader can see. Where a curated finding covers what the build detected,
    the two become one row, marked as detected by both.
    """
    found = []
    for (subject, attribute, as_of), group in facts[facts["conflict"]].groupby(
            ["subject", "attribute", facts["as_of"].fillna("")], sort=True):
        chosen = group[group["chosen"]].iloc[0]
        values = "; ".join(f"{_fmt(r)} [{r['source_ids'] if r['origin'] == 'articles' else r['citation']}]"
                           for r in group.to_dict("records"))
        found.append({"kind": "conflict", "subject": subject, "attribute": attribute,
                      "claim_ids": "|".join(c for ids in group["claim_ids"].dropna() for c in ids.split("|")),
                      "values": values, "resolution": f"charts use {_fmt(chosen)} ({chosen['origin']})",
                      "note": f"as of {as_of}" if as_of else "the sources give values that cannot both be true"})
    for c in crosscheck[crosscheck["verdict"] == "differs"].to_dict("records"):
        if c["attribute"] == "parameters":
            values = f"article {c['anchor']} = {c['article_value']:,.0f}; Epoch {c['epoch_value']:,.0f}"
            note = f"article / Epoch = {c['ratio']}"
        else:
            values = f"article {c['anchor']} = {c['article_date']}; Epoch {c['epoch_date']}"
            note = "the article's date is incompatible with Epoch AI's publication date"
        found.append({"kind": "epoch_mismatch", "subject": c["model"], "attribute": c["attribute"], "claim_ids": c["claim_id"],
                      "values": values, "note": note,
                      "resolution": "charts use Epoch AI's value (models.csv, basis 'epoch'); the article's is kept in facts"})
    moe = t["models"].loc[t["models"]["architecture"] == "moe", "entity_id"]
    for model in sorted(moe):
        own = claims[(claims["attribute"] == "parameters") & (claims["subject"] == model)].sort_values("claim_id")
        if own.empty:
            continue
        found.append({"kind": "sparse_vs_dense", "subject": model, "attribute": "parameters",
                      "claim_ids": "|".join(own["claim_id"]), "values": "; ".join(own["anchor"]),
                      "resolution": "plotted with a separate marker for sparse mixture-of-experts totals; "
                                    "excluded from the dense growth fit",
                      "note": "total parameters of a sparse model, of which only a fraction is active for each token; "
                              "the articles set it beside dense counts"})
    by_id = claims.set_index("claim_id")
    source_of = claims.set_index("claim_id")["source_id"]
    rows = []
    used: set[int] = set()
    for k in t["known_issues"].to_dict("records"):
        ids = k["claim_ids"].split("|")
        covered = [i for i, f in enumerate(found) if set(f["claim_ids"].split("|")) <= set(ids)
                   and f["kind"] != "sparse_vs_dense"]
        used.update(covered)
        rows.append({"kind": k["kind"], "subject": by_id.loc[ids[0], "subject"], "attribute": by_id.loc[ids[0], "attribute"],
                     "claim_ids": k["claim_ids"], "values": "; ".join(by_id.loc[ids, "anchor"]),
                     "resolution": k["resolution"], "note": f"{k['note']} [{k['issue_id']}]",
                     "detected_by": "build and reader" if covered else "reader"})
    rows = [{**f, "detected_by": "build"} for i, f in enumerate(found) if i not in used] + rows
    for r in rows:
        r["source_ids"] = "|".join(sorted({source_of[c] for c in r["claim_ids"].split("|") if c in source_of}))
    out = pd.DataFrame(rows, columns=[c for c in CLEAN_TABLES["discrepancies"].columns if c != "discrepancy_id"])
    out.insert(0, "discrepancy_id", [f"d{i:03d}" for i in range(1, len(out) + 1)])
    return out


def _fmt(r) -> str:
    if r["kind"] == "date":
        return str(r["date"])
    value = f"{float(r['value']):,.10g}"
    return f"{value} {r['unit'] or ''}".strip()


# ---------------------------------------------------------------- writing
def _cell(value, field) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if field.type == "boolean":
        return "true" if bool(value) else "false"
    if field.type == "number":
        d = Decimal(repr(float(value)))
        return str(int(d)) if d == d.to_integral_value() else format(d.normalize(), "f")
    if field.type == "integer":
        return str(int(value))
    return str(value)


def write_csv(frame: pd.DataFrame, table: Table, path: Path) -> None:
    """Write with fixed number formatting and line endings, so identical input gives identical bytes."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.columns)
    for rec in frame[table.columns].to_dict("records"):
        writer.writerow([_cell(rec[f.name], f) for f in table.fields])
    path.write_text(buf.getvalue(), encoding="utf-8")


def datapackage(tables: dict[str, Table]) -> dict:
    """A Frictionless Data Package descriptor generated from :mod:`schema`."""
    resources = []
    for name, table in tables.items():
        fields = []
        fks = []
        for f in table.fields:
            # Partial dates (2023, 2023-03) are not Frictionless dates: they are strings with a pattern.
            desc = {"name": f.name, "type": "string" if f.type == "date" else f.type, "description": f.description}
            if f.type == "date":
                desc["description"] += " ISO 8601 at the precision known (YYYY, YYYY-MM or YYYY-MM-DD)."
            if f.unit:
                desc["unit"] = f.unit
            constraints = {}
            if f.required:
                constraints["required"] = True
            if f.unique:
                constraints["unique"] = True
            if f.enum and not f.list_sep:
                constraints["enum"] = list(f.enum)
            if f.pattern and not f.list_sep:
                constraints["pattern"] = f.pattern
            if f.minimum is not None:
                constraints["minimum"] = f.minimum
            if constraints:
                desc["constraints"] = constraints
            if f.list_sep:
                desc["separator"] = f.list_sep
            fields.append(desc)
            if f.references and "." in f.references and not f.references.startswith("entities") \
                    and f.references.split(".")[0] in tables and not f.list_sep:
                ref_table, ref_col = f.references.split(".")
                fks.append({"fields": f.name, "reference": {"resource": ref_table.replace("_", "-"), "fields": ref_col}})
        schema = {"fields": fields}
        if table.primary_key:
            schema["primaryKey"] = table.primary_key
        if fks:
            schema["foreignKeys"] = fks
        licence = "CC-BY-4.0"
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "title": table.title, "description": table.description,
            "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8", "mediatype": "text/csv", "schema": schema,
            "licenses": [{"name": licence, "title": "Epoch AI, CC BY 4.0" if name.startswith("epoch") else "Creative Commons Attribution 4.0"}],
            **({"sources": [{"title": EPOCH_CREDIT, "path": "https://epoch.ai/data/notable-ai-models"}]} if name.startswith("epoch") else {}),
        })
    return {"name": "hundred-model-war", "title": "The Hundred-Model War: claims, facts and models",
            "profile": "tabular-data-package", "resources": resources}


def write_clean(frames: dict[str, pd.DataFrame], clean_dir: Path) -> None:
    """Validate every clean table, write to a temporary folder, then swap it in."""
    clean_dir = Path(clean_dir)
    for name, table in CLEAN_TABLES.items():
        validate_frame(f"data/clean/{name}.csv (generated)", table, frames[name][table.columns].reset_index(drop=True))
    tmp = clean_dir.parent / f".{clean_dir.name}.tmp-{os.getpid()}"
    old = clean_dir.parent / f".{clean_dir.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for name, table in CLEAN_TABLES.items():
            write_csv(frames[name], table, tmp / f"{name}.csv")
        (tmp / "datapackage.json").write_text(json.dumps(datapackage(CLEAN_TABLES), ensure_ascii=False, indent=2,
                                                         sort_keys=True) + "\n", encoding="utf-8")
        if clean_dir.exists():
            clean_dir.rename(old)
        tmp.rename(clean_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not clean_dir.exists():
            old.rename(clean_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build(raw_dir: Path | None = None, epoch_csv: Path | None = None, clean_dir: Path | None = None,
          seeds: Path | None = None) -> dict[str, pd.DataFrame]:
    """The whole data build: validate, compute, write atomically. Returns the clean tables."""
    raw = load_raw(raw_dir, seeds)
    epoch_path = Path(epoch_csv or paths.EPOCH_CSV)
    epoch = normalise_epoch(read_epoch(epoch_path), display_path(epoch_path))
    frames = build_tables(raw, epoch)
    write_clean(frames, Path(clean_dir or paths.CLEAN_DIR))
    return frames
