"""When do two figures agree? Printed figures are hedged and rounded, so compare ranges, not points.

A figure as printed stands for a range of true values: ``2600亿`` (two significant digits)
for 255 to 265 billion, ``约2500亿`` for roughly 10 % either side, ``超过3亿`` for anything
from 300 million up, ``千亿级`` (a scale class) for 100 billion up to a trillion. Two figures
conflict only when their ranges do not overlap, and an article agrees with Epoch AI when
Epoch's value lies inside the article's range. This is what lets the build tell a rounded
figure (GPT-3's ``1750亿`` against Epoch's 174.6 billion) from a wrong one (``PaLM530B``
against 540 billion).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .numerals import significant_digits

#: Relative width of "about" (约, 左右): 10 % either side.
ABOUT_TOLERANCE = 0.10


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def overlaps(self, other: "Interval") -> bool:
        return self.low <= other.high and other.low <= self.high


def _half_unit(value: float, digits: int) -> float:
    """Half a unit in the last printed significant place: rounding slack of a printed figure."""
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    return 0.5 * 10 ** exponent


def interval(value: float, high: float | None = None, qualifier: str | None = None, anchor: str | None = None) -> Interval:
    """The range of true values a printed figure allows (see module docstring)."""
    digits = significant_digits(anchor) if anchor else 15
    slack = _half_unit(value, digits)
    if qualifier in ("more_than", "at_least"):
        return Interval(value, math.inf)
    if qualifier in ("up_to", "less_than", "at_most"):
        return Interval(0.0, value)
    if qualifier == "nearly":
        return Interval(value * (1 - ABOUT_TOLERANCE), value)
    if qualifier in ("order", "several"):  # 千亿级, 数百万: from the magnitude up to ten times it
        return Interval(value, value * 10)
    if qualifier == "about":
        width = max(slack, value * ABOUT_TOLERANCE)
        return Interval(value - width, value + width)
    if high is not None and not (isinstance(high, float) and math.isnan(high)):
        return Interval(value, high)  # 三、四家: a printed range states its own ends
    return Interval(value - slack, value + slack)


def dates_compatible(a: str, b: str) -> bool:
    """``2023`` and ``2023-03-16`` can both be true; ``2023-03`` and ``2023-04`` cannot."""
    return a.startswith(b) or b.startswith(a)
