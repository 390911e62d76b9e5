"""The computations behind the chapters: growth rates, frontiers, shares, lags.

Kept out of the notebooks so they can be tested, and so a rerun with other years runs
exactly the same code as the book.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Counted in the data layer, because the build writes the per-year counts into model_counts.csv; re-exported here
# with the other computations the chapters use.
from ..data.epoch import notable_by_year  # noqa: F401

#: Confidence level of every interval the report prints.
CONFIDENCE = 0.95


def year_fraction(date: str) -> float:
    """Decimal year of an ISO date at any precision: a year is placed mid-year, a month mid-month."""
    parts = [int(x) for x in str(date).split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + 0.5
    start = pd.Timestamp(year=year, month=parts[1], day=parts[2] if len(parts) == 3 else 1)
    if len(parts) == 2:
        start = start + pd.Timedelta(days=start.days_in_month / 2 - 1)
    length = 366 if start.is_leap_year else 365
    return year + (start.day_of_year - 1) / length


@dataclass(frozen=True)
class DoublingFit:
    """Exponential growth fitted by least squares on log2 values: doubling time with its interval."""

    n: int
    slope_per_year: float  # doublings per year
    slope_se: float
    intercept: float
    r_squared: float
    first_year: float
    last_year: float

    @property
    def months(self) -> float:
        return 12 / self.slope_per_year

    def _t(self) -> float:
        """Student's t quantile for the interval (n - 2 degrees of freedom)."""
        from scipy.stats import t as student_t

        return float(student_t.ppf(0.5 + CONFIDENCE / 2, self.n - 2))

    @property
    def months_low(self) -> float:
        """Lower end of the interval for the doubling time (the faster growth)."""
        return 12 / (self.slope_per_year + self._t() * self.slope_se)

    @property
    def months_high(self) -> float:
        high_slope = self.slope_per_year - self._t() * self.slope_se
        return 12 / high_slope if high_slope > 0 else math.inf

    @property
    def growth_per_year(self) -> float:
        """Multiplication factor per year (2 ** doublings per year)."""
        return 2 ** self.slope_per_year

    def predict(self, years) -> np.ndarray:
        return 2 ** (self.intercept + self.slope_per_year * np.asarray(years, dtype=float))


def fit_doubling(years, values) -> DoublingFit:
    """Doubling time of ``values`` over decimal ``years`` (ordinary least squares on log2, scipy's linregress)."""
    from scipy.stats import linregress

    x = np.asarray(years, dtype=float)
    y = np.log2(np.asarray(values, dtype=float))
    n = len(x)
    if n < 3:
        raise ValueError(f"need at least 3 points to fit a growth rate with an interval, got {n}")
    fit = linregress(x, y)
    if fit.slope <= 0:
        raise ValueError("values do not grow over the period: no doubling time")
    return DoublingFit(n, float(fit.slope), float(fit.stderr), float(fit.intercept), float(fit.rvalue ** 2),
                       float(x.min()), float(x.max()))


def dense_frontier(models: pd.DataFrame) -> pd.DataFrame:
    """Models that were the largest dense model so far when released (the record-setters).

    Sparse mixture-of-experts totals are left out: they count parameters most of which sit
    idle for any one token, so they would break a growth line of dense models.
    """
    dense = models[(models["architecture"] == "dense") & models["parameters_precise"].notna()
                   & models["release_date_precise"].notna()].copy()
    dense["year_decimal"] = dense["release_date_precise"].map(year_fraction)
    dense = dense.sort_values(["year_decimal", "entity_id"], kind="mergesort")
    record = dense["parameters_precise"].cummax()
    is_record = dense["parameters_precise"].ge(record) & ~dense["parameters_precise"].duplicated()
    return dense[is_record].reset_index(drop=True)


_SNAPSHOT = re.compile(r"\((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})\)\s*$")
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                                "Nov", "Dec"])}


def name_contradicts_date(model: str, date: str) -> bool:
    """True for a name such as 'GPT-4 (Jun 2023)' whose month is not its publication date's (here 2023-03-15)."""
    found = _SNAPSHOT.search(str(model))
    if not found or not isinstance(date, str) or len(date) < 7:
        return False
    return (int(found.group(2)), _MONTH_NUMBER[found.group(1)]) != (int(date[:4]), int(date[5:7]))


def largest_per_year(epoch: pd.DataFrame, years: range) -> pd.DataFrame:
    """The largest notable model by parameters each year, Chinese and not, from Epoch AI.

    Ties (Epoch lists some models twice, e.g. two snapshots of GPT-4 with one date and one count) go to the earlier
    date, then to the name that does not contradict that date, so a point dated March is not labelled June.
    """
    known = epoch[epoch["parameters"].notna() & epoch["year"].between(years.start, years.stop - 1)].copy()
    known["group"] = np.where(known["is_chinese"], "China", "Outside China")
    known["_contradicts"] = [name_contradicts_date(m, d) for m, d in zip(known["model"], known["publication_date"])]
    known = known.sort_values(["year", "group", "parameters", "publication_date", "_contradicts", "model"],
                              ascending=[True, True, False, True, True, True], kind="mergesort")
    top = known.groupby(["year", "group"], sort=True).head(1)
    return top[["year", "group", "model", "organization", "parameters", "publication_date"]].reset_index(drop=True)


def hardware_of_chinese_models(epoch: pd.DataFrame, years: range) -> pd.DataFrame:
    """Training hardware of Chinese notable models in Epoch AI, one row per chip family and maker."""
    window = epoch[epoch["is_chinese"] & epoch["year"].between(years.start, years.stop - 1)]
    chips = window["training_hardware"].dropna().str.split(",").explode().str.strip()
    chips = chips[chips != ""]
    frame = pd.DataFrame({"hardware": chips.to_numpy(), "model": window.loc[chips.index, "model"].to_numpy()})
    frame["maker"] = frame["hardware"].map(chip_maker)
    frame["family"] = frame["hardware"].map(chip_family)
    frame["domestic"] = frame["maker"].isin(DOMESTIC_MAKERS)
    grouped = frame.groupby(["family", "maker", "domestic"], sort=True).agg(models=("model", "nunique")).reset_index()
    return grouped.sort_values(["models", "family"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


DOMESTIC_MAKERS = {"Huawei", "Baidu (Kunlun)", "Cambricon", "Hygon"}


def chip_maker(hardware: str) -> str:
    h = hardware.lower()
    if "ascend" in h or "huawei" in h:
        return "Huawei"
    if "kunlun" in h:
        return "Baidu (Kunlun)"
    if "cambricon" in h:
        return "Cambricon"
    if "hygon" in h:
        return "Hygon"
    if "nvidia" in h:
        return "NVIDIA"
    if "tpu" in h or "google" in h:
        return "Google"
    if "amd" in h or "instinct" in h:
        return "AMD"
    return "Other"


def chip_family(hardware: str) -> str:
    """A100 SXM4 40 GB and A100 PCIe are one family for counting purposes."""
    for family in ("H800", "H100", "H200", "H20", "A800", "A100", "V100", "P100", "B200", "Ascend 910B", "Ascend 910",
                   "TPU v5p", "TPU v5e", "TPU v4", "TPU v3", "TPU v2", "RTX 3090", "RTX 4090", "A6000"):
        if family.lower() in hardware.lower():
            return family
    return hardware


def compute_trend(epoch: pd.DataFrame, years: range) -> tuple[pd.DataFrame, DoublingFit]:
    """Training compute of notable models with a known value, and its fitted doubling time."""
    window = epoch[epoch["training_compute_flop"].notna() & epoch["year"].between(years.start, years.stop - 1)].copy()
    window["year_decimal"] = window["publication_date"].map(year_fraction)
    window = window.sort_values(["year_decimal", "model"], kind="mergesort").reset_index(drop=True)
    return window, fit_doubling(window["year_decimal"], window["training_compute_flop"])


def days_between(start: str | None, end: str | None) -> int | None:
    """Whole days between two full ISO dates, or None when either is missing or partial."""
    if not (isinstance(start, str) and isinstance(end, str) and len(start) == 10 and len(end) == 10):
        return None
    return int((pd.Timestamp(end) - pd.Timestamp(start)).days)
