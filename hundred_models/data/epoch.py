"""Epoch AI's notable-models table, reduced to the columns the report uses and normalised.

Data: Epoch AI (epoch.ai), CC BY 4.0. The country column lists one country per
organisation (``China,China``); we reduce it to a country group so "Chinese models per
year" is one well-defined count.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import DataError
from .readers import display_path
from .schema import EPOCH_REQUIRED_COLUMNS

EPOCH_CREDIT = "Data: Epoch AI (epoch.ai), CC BY 4.0"
#: The dataset's name as Epoch AI publishes it, and the day our copy was taken (data/external/epoch-ai/README.md).
EPOCH_DATASET = "Data on Notable AI Models"
EPOCH_ACCESSED = "2026-01-26"
#: Country labels counted as China. Epoch labels Hong Kong institutions separately.
CHINA_LABELS = {"China", "Hong Kong"}
US_LABEL = "United States of America"

_NUMERIC = {
    "Parameters": "parameters",
    "Training compute (FLOP)": "training_compute_flop",
    "Hardware quantity": "hardware_quantity",
    "Training compute cost (2023 USD)": "training_cost_usd_2023",
}


def country_group(countries: str | float) -> str:
    """China, United States, Rest of world, Multinational (China with others) or Unknown."""
    if not isinstance(countries, str) or not countries.strip():
        return "Unknown"
    labels = {c.strip() for c in countries.split(",") if c.strip()}
    if labels <= CHINA_LABELS:
        return "China"
    if labels & CHINA_LABELS:
        return "Multinational"
    if labels == {US_LABEL}:
        return "United States"
    return "Rest of world"


def read_epoch(path: Path) -> pd.DataFrame:
    """Read Epoch's CSV, refusing a file whose needed columns are missing or renamed."""
    name = display_path(path)
    if not Path(path).is_file():
        raise DataError(name, "file not found; copy it from ../shared/reference/epoch-ai/")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataError(name, f"cannot read as UTF-8 CSV ({exc})") from None
    for column in EPOCH_REQUIRED_COLUMNS:
        if column not in frame.columns:
            raise DataError(name, "required column missing (renamed upstream?)", row=0, column=column)
    return frame


def normalise_epoch(frame: pd.DataFrame, name: str = "data/external/epoch-ai/notable_ai_models.csv") -> pd.DataFrame:
    """The tidy slice written to data/clean/epoch_models.csv."""
    out = pd.DataFrame({
        "model": frame["Model"].str.strip(),
        "organization": frame["Organization"].str.strip().replace("", None),
        "publication_date": frame["Publication date"].str.strip(),
    })
    dates = pd.to_datetime(out["publication_date"], format="%Y-%m-%d", errors="coerce")
    bad = dates.isna()
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise DataError(name, f"publication date {out['publication_date'].iloc[i]!r} is not YYYY-MM-DD", row=i + 1,
                        column="Publication date")
    out["year"] = dates.dt.year.astype("Int64")
    out["country"] = frame["Country (of organization)"].str.strip().replace("", None)
    out["country_group"] = frame["Country (of organization)"].map(country_group)
    out["is_chinese"] = out["country_group"].isin(["China", "Multinational"])
    for source, target in _NUMERIC.items():
        values = pd.to_numeric(frame[source].replace("", None), errors="coerce")
        broken = values.isna() & frame[source].ne("")
        if broken.any():
            i = int(broken.to_numpy().nonzero()[0][0])
            raise DataError(name, f"{frame[source].iloc[i]!r} is not a number", row=i + 1, column=source)
        if (values < 0).any():
            i = int((values < 0).to_numpy().nonzero()[0][0])
            raise DataError(name, "negative value", row=i + 1, column=source)
        out[target] = values.astype("Float64")
    out["training_hardware"] = frame["Training hardware"].str.strip().replace("", None)
    out["organization_category"] = frame["Organization categorization"].str.strip().replace("", None)
    out["domain"] = frame["Domain"].str.strip().replace("", None)
    out["frontier_model"] = frame["Frontier model"].str.strip().str.lower().eq("true")
    columns = ["model", "organization", "publication_date", "year", "country", "country_group", "is_chinese",
               "parameters", "training_compute_flop", "training_hardware", "hardware_quantity",
               "training_cost_usd_2023", "organization_category", "domain", "frontier_model"]
    return out[columns].sort_values(["publication_date", "model"], kind="mergesort").reset_index(drop=True)


def notable_by_year(epoch: pd.DataFrame, years: range) -> pd.DataFrame:
    """Notable models per year: all, by Chinese organisations (alone or with others), and China's share."""
    window = epoch[epoch["year"].between(years.start, years.stop - 1)]
    out = pd.DataFrame({"year": list(years)})
    total = window.groupby("year").size()
    chinese = window[window["is_chinese"]].groupby("year").size()
    china_only = window[window["country_group"] == "China"].groupby("year").size()
    out["notable_models"] = out["year"].map(total).fillna(0).astype(int)
    out["chinese_models"] = out["year"].map(chinese).fillna(0).astype(int)
    out["china_only_models"] = out["year"].map(china_only).fillna(0).astype(int)
    # Kept at three decimals: rounding here and again for display would turn 20.51 into 20.5 and then 20.
    out["china_share_pct"] = (100 * out["chinese_models"] / out["notable_models"].where(out["notable_models"] > 0)).round(3)
    return out
