"""Phrases that carry a number, in English and Chinese, written from the number itself.

A sentence typed around a glued number ("1 day after", "1 is not") goes wrong as soon as the data or
the parameters change it. Chapters glue these phrases instead, so the words always agree with the
count, and alt texts use them so a chart's description follows its data.
"""
from __future__ import annotations

import math

_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_ZH_DIGITS = "零一二三四五六七八九"


def number_word(n: int, capital: bool = False) -> str:
    """'three' for 3, '14' for 14 (words up to twelve, as house style)."""
    word = _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
    return word[:1].upper() + word[1:] if capital else word


def zh_number(n: int) -> str:
    """'三' for 3, '十二' for 12, '14' beyond twenty: the form Chinese prose uses for small counts."""
    if 0 <= n < 10:
        return _ZH_DIGITS[n]
    if 10 <= n < 20:
        return "十" + (_ZH_DIGITS[n - 10] if n > 10 else "")
    return f"{n:,}"


def count(n: int, singular: str, plural: str | None = None, lang: str = "en", zh_unit: str = "个",
          zh_noun: str = "", capital: bool = False) -> str:
    """'one model', 'three models', '三个模型': a count with its noun in the right number."""
    n = int(n)
    if lang == "zh":
        return f"{'两' if n == 2 and zh_unit else zh_number(n)}{zh_unit}{zh_noun}"
    noun = singular if n == 1 else (plural or singular + "s")
    return f"{number_word(n, capital)} {noun}"


def verb(n: int, singular: str, plural: str) -> str:
    """'is' or 'are', 'was' or 'were', agreeing with ``n``."""
    return singular if int(n) == 1 else plural


def days_later(days: int, lang: str = "en") -> str:
    """'the same day', 'the next day', '5 days later' (and Chinese): a gap in days as prose says it."""
    days = int(days)
    if lang == "zh":
        return "同一天" if days == 0 else "次日" if days == 1 else f"{days}天后"
    return "the same day" if days == 0 else "the next day" if days == 1 else f"{days:,} days later"


def percent(value: float, lang: str = "en", digits: int = 0) -> str:
    """'21%' or, where a window has no data, a phrase that says so rather than 'nan%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "no data for that year" if lang == "en" else "该年无数据"
    return f"{value:.{digits}f}%"


def interval(low: float, high: float, lang: str = "en", digits: int = 1, unit: str = "") -> str:
    """'3.5 to 5.7 months', or 'at least 3.5 months (no upper bound)' when the interval is open above."""
    unit_en = f" {unit}" if unit and lang == "en" else ""
    if not math.isfinite(high):
        return (f"at least {low:.{digits}f}{unit_en}, with no upper bound" if lang == "en"
                else f"至少{low:.{digits}f}，无上限")
    return f"{low:.{digits}f} to {high:.{digits}f}{unit_en}" if lang == "en" else f"{low:.{digits}f}至{high:.{digits}f}"


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def date_text(iso, lang: str = "en") -> str:
    """'16 March 2023' / '2023年3月16日', at the precision printed ('March 2023' / '2023年3月'); empty when missing."""
    if iso is None or (isinstance(iso, float) and math.isnan(iso)) or str(iso) in ("", "<NA>", "nan", "None"):
        return ""
    parts = [int(x) for x in str(iso).split("-")]
    if lang == "zh":
        return "".join(f"{v}{u}" for v, u in zip(parts, ("年", "月", "日")))
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def join(items, lang: str = "en") -> str:
    """'A', 'A and B', 'A, B and C'; Chinese 'A、B和C'."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    if lang == "zh":
        return "、".join(items[:-1]) + "和" + items[-1]
    return (" and ".join(items) if len(items) == 2 else ", ".join(items[:-1]) + " and " + items[-1])
