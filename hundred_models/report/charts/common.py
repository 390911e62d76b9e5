"""Small helpers the chart modules share: bilingual strings, entity names, label placement."""
from __future__ import annotations

from ..load import load
from ..params import Params


def tr(lang: str, en: str, zh: str) -> str:
    """The string in the chart's language: every visible string goes through here or through the data."""
    return zh if lang == "zh" else en


def names(p: Params) -> dict[str, tuple[str, str]]:
    """entity id -> (short English name, short Chinese name, or the English one where there is no Chinese form)."""
    frame = load("entities", p.data_dir)
    return {r["entity_id"]: (r["short_en"], r["short_zh"]) for r in frame.to_dict("records")}


def place_labels(ax, texts, avoid_x=(), avoid_y=()) -> None:
    """Move labels off each other, their points and the given points (e.g. a fitted line), with leader lines.

    adjustText stops after one second by default, which makes the layout depend on the machine's load; a fixed
    iteration limit makes it the same on every run.
    """
    from adjustText import adjust_text

    if not texts:
        return
    for text in texts:
        text.set_bbox({"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    adjust_text(texts, ax=ax, x=list(avoid_x), y=list(avoid_y), expand=(1.15, 1.45), force_text=(0.2, 0.35), iter_lim=400,
                force_static=(0.15, 0.3), arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5})


def shorten(text: str, limit: int = 24) -> str:
    """Long Epoch AI model names cut to fit a label; the full name is in the chart's data file."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def entity_group(p: Params) -> dict[str, str]:
    """entity id -> 'China' or 'Outside China', from the country of whoever is behind it."""
    orgs = load("organisations", p.data_dir)
    country = dict(zip(orgs["entity_id"], orgs["country"]))

    def group(org_ids) -> str:
        ids = [o for o in str(org_ids).split("|") if o in country]
        return "China" if any(country[o] == "China" for o in ids) else "Outside China"

    out = {o: group(o) for o in country}
    for rec in load("models", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = "China" if rec["country_group"] in ("China", "Multinational") else "Outside China"
    for rec in load("verticals", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = group(rec["provider"])
    for rec in load("compute", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = group(rec["buyer"])
    return out
