"""Read dates as the articles print them (``2023年8月15日``, ``3月16日``, ``2021年``, ``2023-05-25``).

Articles often leave out the year (``3月16日``) or say ``今年``. The parser returns only
the parts that are printed, so a test can check that a claim's full ISO date agrees
with them while the year itself is recorded as inferred.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .errors import NumeralError

EARLIEST_YEAR, LATEST_YEAR = 1940, 2030
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}
_CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

_PATTERN = re.compile(
    r"^(?:(?P<year>\d{4})年|(?P<rel>今年|去年|前年|明年))?"
    r"(?:(?P<month>\d{1,2})月(?:份)?)?"
    r"(?:(?P<day>\d{1,2})[日号])?"
    r"(?P<tail>初|中旬|上旬|下旬|底|末|中)?$"
)
_ISO = re.compile(r"^(?P<year>\d{4})(?:[-./](?P<month>\d{1,2})(?:[-./](?P<day>\d{1,2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """The parts of a date that are printed; ``relative_year`` is set for 今年/去年."""

    year: int | None
    month: int | None
    day: int | None
    relative_year: int | None = None

    def iso(self) -> str:
        """ISO text at the printed precision; needs the year to be printed."""
        if self.year is None:
            raise NumeralError("date has no printed year; infer it from context")
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def agrees_with(self, iso: str) -> bool:
        """True when a full or partial ISO date has the same printed parts as this one."""
        other = parse_iso(iso)
        for mine, theirs in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if mine is not None and mine != theirs:
                return False
        return True


def _check(year: int | None, month: int | None, day: int | None, original: str) -> None:
    if year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise NumeralError(f"date {original!r}: year {year} outside {EARLIEST_YEAR}-{LATEST_YEAR}")
    if month is not None and not 1 <= month <= 12:
        raise NumeralError(f"date {original!r}: month {month} does not exist")
    if day is not None:
        if month is None:
            raise NumeralError(f"date {original!r}: a day without a month")
        last = calendar.monthrange(year if year is not None else 2024, month)[1]
        if not 1 <= day <= last:
            raise NumeralError(f"date {original!r}: day {day} does not exist in month {month}")


def parse_cn_date(anchor: str) -> PartialDate:
    """Parse a date as printed in Chinese text or as ISO digits."""
    if not isinstance(anchor, str) or not anchor.strip():
        raise NumeralError(f"cannot parse date {anchor!r}: empty")
    text = re.sub(r"\s+", "", anchor)
    text = "".join(_CN_DIGITS.get(ch, ch) for ch in text) if re.fullmatch(r"[〇零一二三四五六七八九]{4}年.*", text) else text
    m = _ISO.match(text)
    if not m:
        m = _PATTERN.match(text)
        if not m or not any(m.group(k) for k in ("year", "rel", "month", "day")):
            raise NumeralError(f"cannot parse date {anchor!r}")
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = int(groups["month"]) if groups.get("month") else None
    day = int(groups["day"]) if groups.get("day") else None
    _check(year, month, day, anchor)
    rel = _RELATIVE_YEARS[groups["rel"]] if groups.get("rel") else None
    return PartialDate(year, month, day, rel)


def parse_iso(iso: str) -> PartialDate:
    """Parse our stored ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) strictly."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(iso))
    if not m:
        raise NumeralError(f"date {iso!r} is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    _check(year, month, day, iso)
    return PartialDate(year, month, day)
