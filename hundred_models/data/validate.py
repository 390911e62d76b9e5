"""Checks across tables: foreign keys, aliases, and that every claim says what its anchor prints.

Single-table checks (types, categories, uniqueness) live in :mod:`readers`; these need
several tables at once, and the provenance check needs the article texts.
"""
from __future__ import annotations

import calendar
import math
import re
import unicodedata
from pathlib import Path

import pandas as pd

from .cndates import parse_cn_date
from .errors import DataError, NumeralError
from .files import sha256_file
from .numerals import parse_number
from .schema import COMPUTED_COUNT_DEFINITIONS, ENTITY, ENTITY_TABLES, RAW_TABLES

#: Largest parameter count we accept; the biggest model in any source is 1.74e14 (BAGUALU).
MAX_PARAMETERS = 1e16


def raw_name(table: str) -> str:
    return f"data/raw/{table}.csv"


def normalise_alias(text: str) -> str:
    """Fold case, width and spacing so ``ERNIE3.0Titan`` and ``ERNIE 3.0 Titan`` meet."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-_·・.]+", "", text)


def entity_registry(raw: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Map every entity id to the table it lives in; an id in two tables is an error."""
    registry: dict[str, str] = {}
    for table in ENTITY_TABLES:
        for i, entity_id in enumerate(raw[table]["entity_id"], start=1):
            if entity_id in registry:
                raise DataError(raw_name(table), f"id {entity_id!r} is already used in {raw_name(registry[entity_id])}",
                                row=i, column="entity_id")
            registry[entity_id] = table
    return registry


def alias_index(raw: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Every spelling of every entity, normalised, pointing at its id; one spelling, one entity."""
    index: dict[str, str] = {}
    for table in ENTITY_TABLES:
        frame = raw[table]
        for i, rec in enumerate(frame.to_dict("records"), start=1):
            names = [rec["entity_id"]]
            for col in ("name_en", "name_zh"):
                if col in frame and rec.get(col):
                    names.append(rec[col])
            if "aliases" in frame and rec.get("aliases"):
                names += [a for a in rec["aliases"].split("|") if a]
            for name in names:
                key = normalise_alias(name)
                owner = index.setdefault(key, rec["entity_id"])
                if owner != rec["entity_id"]:
                    raise DataError(raw_name(table), f"alias {name!r} already names {owner!r}", row=i, column="aliases")
    return index


def resolve(index: dict[str, str], name: str) -> str | None:
    """Entity id for a spelling as printed, or None."""
    return index.get(normalise_alias(name))


def check_foreign_keys(raw: dict[str, pd.DataFrame], registry: dict[str, str]) -> None:
    for table_name, table in RAW_TABLES.items():
        frame = raw[table_name]
        for f in table.fields:
            if not f.references:
                continue
            if f.references == ENTITY:
                known = set(registry)
                what = "entity (in any entity table)"
            else:
                ref_table, ref_col = f.references.split(".")
                known = set(raw[ref_table][ref_col])
                what = f"{ref_col} in {raw_name(ref_table)}"
            for i, value in enumerate(frame[f.name], start=1):
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                for item in (value.split(f.list_sep) if f.list_sep else [value]):
                    if item not in known:
                        raise DataError(raw_name(table_name), f"unknown {what}: {item!r}", row=i, column=f.name)


def _same(a: float, b) -> bool:
    return b is not None and not pd.isna(b) and math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)


def check_value_range(name: str, row: int, claim: dict) -> None:
    """A value no figure of this kind can take (a negative amount, a parameter count outside 1e6..1e16)."""
    if claim["value"] < 0:
        raise DataError(name, "negative value", row=row, column="value")
    if claim["attribute"] == "parameters" and not 1e6 <= claim["value"] <= MAX_PARAMETERS:
        raise DataError(name, f"parameter count {claim['value']:g} is outside 1e6..{MAX_PARAMETERS:g}", row=row,
                        column="value")


def check_claims(raw: dict[str, pd.DataFrame], index: dict[str, str]) -> None:
    """Each claim's stored value, date or entity must be what its anchor prints."""
    name = raw_name("claims")
    for i, c in enumerate(raw["claims"].to_dict("records"), start=1):
        kind = c["kind"]
        if kind == "number":
            try:
                parsed = parse_number(c["anchor"])
            except NumeralError as exc:
                raise DataError(name, str(exc), row=i, column="anchor") from None
            if pd.isna(c["value"]):
                raise DataError(name, "number claim needs a value", row=i, column="value")
            if not _same(parsed.value, c["value"]):
                raise DataError(name, f"value {c['value']} does not match anchor {c['anchor']!r} (parses as {parsed.value})",
                                row=i, column="value")
            if parsed.high is not None and not _same(parsed.high, c["value_high"]):
                raise DataError(name, f"value_high does not match the range in {c['anchor']!r}", row=i, column="value_high")
            if parsed.high is None and not pd.isna(c["value_high"]):
                raise DataError(name, f"value_high given but {c['anchor']!r} is not a range", row=i, column="value_high")
            basis = c.get("qualifier_basis") or "anchor"
            if basis == "sentence":
                if not c["qualifier"]:
                    raise DataError(name, "qualifier_basis is sentence but no qualifier is given", row=i, column="qualifier")
            elif (c["qualifier"] or None) != parsed.qualifier:
                raise DataError(name, f"anchor {c['anchor']!r} reads as {parsed.qualifier or 'no hedge'}, qualifier says "
                                f"{c['qualifier'] or 'none'} (set qualifier_basis to sentence if the hedge is elsewhere "
                                "in the sentence)", row=i, column="qualifier")
            if parsed.unit and c["unit"] != parsed.unit:
                raise DataError(name, f"anchor {c['anchor']!r} is in {parsed.unit}, unit says {c['unit']!r}", row=i, column="unit")
            check_value_range(name, i, c)
        elif kind == "date":
            if not c["date"]:
                raise DataError(name, "date claim needs a date", row=i, column="date")
            try:
                printed = parse_cn_date(c["anchor"])
            except NumeralError as exc:
                raise DataError(name, str(exc), row=i, column="anchor") from None
            if not printed.agrees_with(c["date"]):
                raise DataError(name, f"date {c['date']} does not match anchor {c['anchor']!r}", row=i, column="date")
        else:  # named
            target = resolve(index, c["anchor"])
            if target not in (c["subject"], c["object"]):
                raise DataError(name, f"anchor {c['anchor']!r} is not an alias of subject {c['subject']!r}"
                                + (f" or object {c['object']!r}" if c["object"] else ""), row=i, column="anchor")
        if kind != "number" and not pd.isna(c["value"]):
            raise DataError(name, f"a {kind} claim has no value", row=i, column="value")


def check_provenance(raw: dict[str, pd.DataFrame], seeds: Path) -> None:
    """Each article's checksum matches the register and each anchor is on its stated line."""
    lines_of: dict[str, list[str]] = {}
    for i, s in enumerate(raw["sources"].to_dict("records"), start=1):
        path = seeds / f"{s['source_id']}.txt"
        if not path.is_file():
            raise DataError(raw_name("sources"), f"article text {path} not found", row=i, column="source_id")
        digest = sha256_file(path)
        if digest != s["sha256"]:
            raise DataError(raw_name("sources"), f"checksum of {path.name} is {digest}, register says {s['sha256']}: "
                            "the article text changed", row=i, column="sha256")
        lines_of[s["source_id"]] = path.read_text(encoding="utf-8").splitlines()
    for i, c in enumerate(raw["claims"].to_dict("records"), start=1):
        lines = lines_of[c["source_id"]]
        if c["line"] > len(lines):
            raise DataError(raw_name("claims"), f"line {c['line']} is past the end of {c['source_id']} ({len(lines)} lines)",
                            row=i, column="line")
        if c["anchor"] not in lines[c["line"] - 1]:
            raise DataError(raw_name("claims"), f"anchor {c['anchor']!r} is not on line {c['line']} of {c['source_id']}",
                            row=i, column="anchor")


def check_support(raw: dict[str, pd.DataFrame]) -> None:
    """Facts in the entity tables must rest on a claim or a citation, not on our memory.

    * every developer of a model has a ``developed_by`` claim, or the model cites a source;
    * an organisation classed by the articles' taxonomy (``kind_basis`` article) has the
      ``player_kind`` claim that puts it there;
    * a model marked dense or sparse cites where its architecture is documented.
    """
    claims = raw["claims"]
    developed = set(zip(claims.loc[claims["attribute"] == "developed_by", "subject"],
                        claims.loc[claims["attribute"] == "developed_by", "object"]))
    for i, m in enumerate(raw["models"].to_dict("records"), start=1):
        unsupported = [d for d in m["developers"].split("|") if (m["entity_id"], d) not in developed]
        if unsupported and not m["developers_citation"]:
            raise DataError(raw_name("models"), f"developer {unsupported[0]!r} of {m['entity_id']!r} has no developed_by "
                            "claim; add one or cite a source", row=i, column="developers")
        if m["architecture"] != "unknown" and not m["architecture_citation"]:
            raise DataError(raw_name("models"), f"architecture {m['architecture']!r} needs a citation", row=i,
                            column="architecture_citation")
    kinds = {"giant": "player-kind-giant", "ai_company": "player-kind-ai-company", "research": "player-kind-research"}
    placed = set(zip(claims.loc[claims["attribute"] == "player_kind", "subject"],
                     claims.loc[claims["attribute"] == "player_kind", "object"]))
    for i, o in enumerate(raw["organisations"].to_dict("records"), start=1):
        if o["kind_basis"] == "article" and (o["entity_id"], kinds.get(o["org_kind"])) not in placed:
            raise DataError(raw_name("organisations"), f"{o['entity_id']!r} is classed as {o['org_kind']!r} on the "
                            "articles' authority, but no player_kind claim says so", row=i, column="kind_basis")


def _earliest(iso: str) -> str:
    """First day a partial ISO date can mean: 2023 -> 2023-01-01, 2023-07 -> 2023-07-01."""
    return iso + "-01" * (2 - iso.count("-"))


def _latest(iso: str) -> str:
    """Last day a partial ISO date can mean: 2023 -> 2023-12-31, 2024-02 -> 2024-02-29."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 3:
        return iso
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def check_model_counts(raw: dict[str, pd.DataFrame]) -> None:
    """The ledger of published model counts: cited, typed only where no code can count, one count per body and date.

    * rows under a computed definition (Epoch AI's per-year counts) are the build's job, not typed;
    * every row has a citation: a url or a document title, and says where we read it (url or read_via);
    * a count is not published before the date it counts up to;
    * one counting body publishes one count per definition and date: a second row for the same body, definition and
      a compatible as_of (2025-08 and 2025-08-31 can be the same day) is a duplicate;
    * a row taken from an article (claim_id) carries that claim's count, hedge and date.
    """
    name = raw_name("model_counts")
    counts = raw["model_counts"]
    claims = raw["claims"].set_index("claim_id")
    seen: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for i, r in enumerate(counts.to_dict("records"), start=1):
        if r["definition_id"] in COMPUTED_COUNT_DEFINITIONS:
            raise DataError(name, f"counts under {r['definition_id']!r} are computed by the build from Epoch AI's "
                            "table; do not type them", row=i, column="definition_id")
        if not r["url"] and not r["title"]:
            raise DataError(name, "no citation: give the document's url or its title", row=i, column="title")
        if not r["url"] and not r["read_via"]:
            raise DataError(name, "say where the count was read: a url, or read_via (a copy's address or the "
                            "article and line)", row=i, column="read_via")
        if _latest(r["published"]) < _earliest(r["as_of"]):
            raise DataError(name, f"published {r['published']} before the date it counts to ({r['as_of']})", row=i,
                            column="published")
        key = (r["body"], r["definition_id"])
        for j, other_id, other_as_of in seen.get(key, []):
            if other_as_of.startswith(r["as_of"]) or r["as_of"].startswith(other_as_of):
                raise DataError(name, f"{r['body']} already has a {r['definition_id']} count as of {other_as_of} "
                                f"({other_id}, row {j}): one body, one count per definition and date", row=i,
                                column="as_of")
        seen.setdefault(key, []).append((i, r["count_id"], r["as_of"]))
        if r["claim_id"]:
            c = claims.loc[r["claim_id"]]
            if c["kind"] != "number" or not _same(r["count"], c["value"]):
                raise DataError(name, f"count {r['count']} is not what claim {r['claim_id']} gives ({c['value']})",
                                row=i, column="count")
            if (c["qualifier"] or "exactly") != r["qualifier"]:
                raise DataError(name, f"qualifier {r['qualifier']} is not claim {r['claim_id']}'s "
                                f"({c['qualifier'] or 'exactly'})", row=i, column="qualifier")
            if c["as_of"] != r["as_of"]:
                raise DataError(name, f"as_of {r['as_of']} is not claim {r['claim_id']}'s ({c['as_of']})", row=i,
                                column="as_of")
