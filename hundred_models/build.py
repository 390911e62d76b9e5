"""Turn data/raw + data/external into data/clean, all or nothing.

Everything is validated before anything is written; the clean tables are written to a
temporary folder beside ``data/clean`` and swapped in at the end, so a bad row never
leaves a half-built folder and the last good build stays in place.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from . import paths
from .epoch import EPOCH_CREDIT, normalise_epoch, read_epoch
from .errors import DataError
from .facts import EPOCH_TOLERANCE, build_facts
from .readers import display_path, read_table, validate_frame
from .schema import CLEAN_TABLES, ENTITY_TABLES, RAW_TABLES, Table
from .validate import alias_index, check_claims, check_foreign_keys, check_provenance, entity_registry

ATTRIBUTE_LABELS = {
    "release_date": ("released", "发布"), "announce_date": ("announced", "宣布"), "founded_date": ("founded", "成立"),
    "draft_date": ("draft published", "征求意见稿"), "adopted_date": ("adopted", "通过"),
    "published_date": ("published", "公布"), "effective_date": ("takes effect", "施行"),
    "event_date": ("event", "事件"), "order_date": ("order", "订单"),
}


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

    # Models: the values the charts use, with Epoch's beside them.
    country_of = dict(zip(t["organisations"]["entity_id"], t["organisations"]["country"]))
    params, quals, psources, released = [], [], [], []
    for m in models["entity_id"]:
        p = _chosen(facts, m, "parameters")
        params.append(p["value"] if p else None)
        quals.append(p["qualifier"] if p else None)
        all_p = facts[(facts["subject"] == m) & (facts["attribute"] == "parameters") & (facts["origin"] == "articles")]
        psources.append("|".join(sorted({s for ss in all_p["source_ids"] for s in ss.split("|")})) or None)
        r = _chosen(facts, m, "release_date") or _chosen(facts, m, "announce_date")
        released.append(r["date"] if r else None)
    models["parameters"] = pd.array(params, dtype="Float64")
    models["parameters_qualifier"] = quals
    models["parameters_sources"] = psources
    models["release_date"] = released
    models["release_year"] = pd.array([int(d[:4]) if d else None for d in released], dtype="Int64")
    groups = []
    for devs in models["developers"]:
        countries = {country_of[d] for d in devs.split("|")}
        groups.append("China" if countries == {"China"} else "United States" if countries == {"United States"}
                      else "Multinational" if "China" in countries else "Rest of world")
    models["country_group"] = groups
    models["epoch_parameters"] = pd.array([epoch_params.get(m) for m in models["entity_id"]], dtype="Float64")
    models["epoch_publication_date"] = [epoch_by_name.loc[e, "publication_date"] if isinstance(e, str) else None
                                        for e in models["epoch_model"]]

    orgs = t["organisations"].copy()
    orgs["model_count"] = [int(sum(o in d.split("|") for d in models["developers"])) for o in orgs["entity_id"]]
    orgs["model_count"] = orgs["model_count"].astype("Int64")

    crosscheck = _crosscheck(claims, models, epoch_params)
    tables = {
        "sources": t["sources"], "claims": claims, "organisations": orgs, "models": models, "facts": facts,
        "events": _events(facts, raw), "compute": _compute(facts, t), "policies": _policies(facts, t),
        "verticals": _verticals(claims, t), "epoch_models": epoch, "epoch_crosscheck": crosscheck,
        "discrepancies": _discrepancies(facts, crosscheck, claims, t),
    }
    return tables


def _crosscheck(claims: pd.DataFrame, models: pd.DataFrame, epoch_params: dict[str, float]) -> pd.DataFrame:
    info = models.set_index("entity_id")
    rows = []
    for c in claims[(claims["attribute"] == "parameters") & (claims["subject_kind"] == "models")].to_dict("records"):
        m = info.loc[c["subject"]]
        epoch_value = epoch_params.get(c["subject"])
        ratio = float(c["value"]) / epoch_value if epoch_value else None
        verdict = "epoch_missing" if ratio is None else "agrees" if abs(ratio - 1) <= EPOCH_TOLERANCE else "differs"
        rows.append({"claim_id": c["claim_id"], "source_id": c["source_id"], "model": c["subject"],
                     "epoch_model": m["epoch_model"] if isinstance(m["epoch_model"], str) else None,
                     "anchor": c["anchor"], "article_parameters": c["value"], "epoch_parameters": epoch_value,
                     "ratio": round(ratio, 4) if ratio is not None else None, "verdict": verdict,
                     "architecture": m["architecture"]})
    return pd.DataFrame(rows, columns=CLEAN_TABLES["epoch_crosscheck"].columns)


def _name(raw: RawData, entity: str, lang: str) -> str:
    frame = raw.tables[raw.registry[entity]].set_index("entity_id")
    if lang == "zh" and "name_zh" in frame and isinstance(frame.loc[entity, "name_zh"], str):
        return frame.loc[entity, "name_zh"]
    if "name_en" in frame:
        return frame.loc[entity, "name_en"]
    return entity


def _events(facts: pd.DataFrame, raw: RawData) -> pd.DataFrame:
    dated = facts[(facts["kind"] == "date") & facts["chosen"]]
    rows = []
    for f in dated.to_dict("records"):
        en, zh = ATTRIBUTE_LABELS.get(f["attribute"], (f["attribute"].replace("_", " "), None))
        precision = {4: "year", 7: "month", 10: "day"}[len(f["date"])]
        rows.append({"date": f["date"], "year": int(f["date"][:4]), "precision": precision, "subject": f["subject"],
                     "subject_kind": f["subject_kind"], "event": f["attribute"],
                     "label_en": f"{_name(raw, f['subject'], 'en')}: {en}",
                     "label_zh": f"{_name(raw, f['subject'], 'zh')}{zh}" if zh else None,
                     "origin": f["origin"], "source_ids": f["source_ids"], "citation": f["citation"],
                     "conflict": bool(f["conflict"])})
    events = pd.DataFrame(rows).sort_values(["date", "subject", "event"], kind="mergesort").reset_index(drop=True)
    events.insert(0, "event_id", [f"e{i:04d}" for i in range(1, len(events) + 1)])
    events["year"] = events["year"].astype("Int64")
    return events


def _compute(facts: pd.DataFrame, t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    rows = []
    names = dict(zip(t["organisations"]["entity_id"], t["organisations"]["name_en"]))
    for d in t["deployments"].to_dict("records"):
        own = facts[(facts["subject"] == d["entity_id"]) & facts["chosen"]]
        count = own[own["attribute"] == "gpu_count"]
        cost = own[own["attribute"] == "cost"]
        date = own[own["kind"] == "date"]
        sources = sorted({s for ss in own["source_ids"].dropna() for s in ss.split("|")})
        rows.append({**{k: d[k] for k in ("entity_id", "buyer", "chip", "status")},
                     "buyer_name": names.get(d["buyer"], d["buyer"]),
                     "gpu_count": count["value"].iloc[0] if len(count) else None,
                     "gpu_count_qualifier": count["qualifier"].iloc[0] if len(count) else None,
                     "cost": cost["value"].iloc[0] if len(cost) else None,
                     "cost_unit": cost["unit"].iloc[0] if len(cost) else None,
                     "date": date["date"].iloc[0] if len(date) else None,
                     "source_ids": "|".join(sources), "note": d["note"]})
    out = pd.DataFrame(rows, columns=CLEAN_TABLES["compute"].columns)
    for col in ("gpu_count", "cost"):
        out[col] = out[col].astype("Float64")
    return out


def _policies(facts: pd.DataFrame, t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    out = t["policies"].copy()
    columns = {"draft_date": [], "adopted_date": [], "effective_date": [], "date_origins": [], "draft_to_effect_days": []}
    for p in out["entity_id"]:
        origins = []
        for attr in ("draft_date", "adopted_date", "effective_date"):
            f = _chosen(facts, p, attr)
            columns[attr].append(f["date"] if f else None)
            if f:
                origins.append(f"{attr}={f['claim_ids'] if f['origin'] == 'articles' else f['citation']}")
        columns["date_origins"].append("; ".join(origins) or None)
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
    rows = []
    for (subject, attribute, as_of), group in facts[facts["conflict"]].groupby(
            ["subject", "attribute", facts["as_of"].fillna("")], sort=True):
        chosen = group[group["chosen"]].iloc[0]
        values = "; ".join(f"{_fmt(r)} [{r['source_ids'] or r['citation']}]" for r in group.to_dict("records"))
        rows.append({"kind": "conflict", "subject": subject, "attribute": attribute,
                     "claim_ids": "|".join(c for ids in group["claim_ids"].dropna() for c in ids.split("|")),
                     "source_ids": "|".join(sorted({s for ss in group["source_ids"].dropna() for s in ss.split("|")})),
                     "values": values, "resolution": f"charts use {_fmt(chosen)} ({chosen['origin']})",
                     "note": f"as of {as_of}" if as_of else None})
    for c in crosscheck[crosscheck["verdict"] == "differs"].to_dict("records"):
        rows.append({"kind": "epoch_mismatch", "subject": c["model"], "attribute": "parameters", "claim_ids": c["claim_id"],
                     "source_ids": c["source_id"],
                     "values": f"article {c['anchor']} = {c['article_parameters']:,.0f}; Epoch {c['epoch_parameters']:,.0f}",
                     "resolution": "charts use the value agreeing with Epoch when an article gives one; otherwise the article value, flagged",
                     "note": f"ratio {c['ratio']}" + ("; sparse mixture-of-experts total" if c["architecture"] == "moe" else "")})
    moe = set(t["models"].loc[t["models"]["architecture"] == "moe", "entity_id"])
    for c in claims[(claims["attribute"] == "parameters") & claims["subject"].isin(moe)].to_dict("records"):
        rows.append({"kind": "sparse_vs_dense", "subject": c["subject"], "attribute": "parameters", "claim_ids": c["claim_id"],
                     "source_ids": c["source_id"], "values": c["anchor"],
                     "resolution": "plotted with a separate marker for sparse mixture-of-experts totals; excluded from the dense growth fit",
                     "note": "total parameters of a sparse model, of which only a fraction is active per token"})
    by_id = claims.set_index("claim_id")
    for k in t["known_issues"].to_dict("records"):
        ids = k["claim_ids"].split("|")
        rows.append({"kind": k["kind"], "subject": by_id.loc[ids[0], "subject"], "attribute": by_id.loc[ids[0], "attribute"],
                     "claim_ids": k["claim_ids"], "source_ids": "|".join(sorted(set(by_id.loc[ids, "source_id"]))),
                     "values": "; ".join(by_id.loc[ids, "anchor"]), "resolution": k["resolution"],
                     "note": f"{k['note']} [{k['issue_id']}]"})
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
                fks.append({"fields": f.name, "reference": {"resource": ref_table, "fields": ref_col}})
        schema = {"fields": fields}
        if table.primary_key:
            schema["primaryKey"] = table.primary_key
        if fks:
            schema["foreignKeys"] = fks
        licence = "CC-BY-4.0"
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "title": table.title, "description": table.description,
            "format": "csv", "encoding": "utf-8", "mediatype": "text/csv", "schema": schema,
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
