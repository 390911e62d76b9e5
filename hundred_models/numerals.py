"""Read figures as Chinese articles print them: ``1750亿``, ``1.6万亿``, ``约2500亿``, ``数百万``, ``30%-50%``.

Why not cn2an: it rejects decimals before a magnitude (``1.6万亿``), bare magnitudes
(``百亿``) and qualifiers (``约``), all of which occur in our sources. The grammar here is
small and explicit, works in :class:`decimal.Decimal` so ``1.6万亿`` is exactly
1 600 000 000 000, and raises :class:`NumeralError` on anything it does not understand
rather than guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .errors import NumeralError

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10**4, "亿": 10**8}

#: Words before a figure and the qualifier they express.
PREFIX_QUALIFIERS = [
    ("大约", "about"), ("约", "about"), ("超过", "more_than"), ("超", "more_than"), ("逾", "more_than"),
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"), ("高达", "up_to"), ("最高", "up_to"),
    ("至少", "at_least"), ("不到", "less_than"), ("不足", "less_than"), ("达到", None), ("达", None),
    ("上", "at_least"),
]
#: Words after a figure and the qualifier they express.
SUFFIX_QUALIFIERS = [("以上", "at_least"), ("左右", "about"), ("多", "more_than"), ("余", "more_than"), ("余", "more_than")]
#: Unit marks kept in anchors because they change what the number means.
UNIT_SUFFIXES = [("%", "percent"), ("％", "percent"), ("倍", "times")]
RANGE_SEPARATORS = ("-", "–", "—", "~", "～", "至", "到")

_ARABIC = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class ParsedNumber:
    """A figure as printed: its value, the top of a range, what qualifies it and any unit mark."""

    value: Decimal
    high: Decimal | None = None
    qualifier: str | None = None
    unit: str | None = None

    def as_float(self) -> float:
        return float(self.value)


def _core(text: str, original: str) -> Decimal:
    """Value of an unqualified numeral made of Arabic/Chinese digits and magnitude characters."""
    if not text:
        raise NumeralError(f"cannot parse {original!r}: no digits")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    largest = 0
    i = 0
    while i < len(text):
        ch = text[i]
        m = _ARABIC.match(text, i)
        if m:
            if number is not None:
                raise NumeralError(f"cannot parse {original!r}: two numbers run together")
            number = Decimal(m.group())
            i = m.end()
            continue
        if ch in DIGITS:
            if number is not None:
                raise NumeralError(f"cannot parse {original!r}: digits without a unit between them")
            number = Decimal(DIGITS[ch])
        elif ch in SMALL_UNITS:
            section += (number if number is not None else Decimal(1)) * SMALL_UNITS[ch]
            number = None
        elif ch in LARGE_UNITS:
            unit = LARGE_UNITS[ch]
            section += number if number is not None else Decimal(0)
            number = None
            if section == 0 and total == 0:
                section = Decimal(1)  # a bare magnitude such as 万 or 亿
            if unit > largest:
                total = (total + section) * unit
                largest = unit
            else:
                total += section * unit
            section = Decimal(0)
        else:
            raise NumeralError(f"cannot parse {original!r}: unexpected character {ch!r}")
        i += 1
    result = total + section + (number if number is not None else Decimal(0))
    if result == 0 and not re.search(r"[0零〇]", text):
        raise NumeralError(f"cannot parse {original!r}: no value")
    return result


def _strip_prefix(text: str) -> tuple[str, str | None, bool]:
    for word, qualifier in PREFIX_QUALIFIERS:
        if text.startswith(word) and len(text) > len(word):
            return text[len(word):], qualifier, True
    return text, None, False


def parse_number(anchor: str) -> ParsedNumber:
    """Parse one printed figure (with optional qualifier, range and % or 倍 mark)."""
    if not isinstance(anchor, str):
        raise NumeralError(f"cannot parse {anchor!r}: not text")
    if re.search(r"\d\s+\d", anchor):
        raise NumeralError(f"cannot parse {anchor!r}: space between digits")
    text = re.sub(r"\s+", "", anchor)
    if not text:
        raise NumeralError("cannot parse '': empty figure")
    text, qualifier, _ = _strip_prefix(text)
    several = False
    if text.startswith("数") and len(text) > 1:
        several, text = True, text[1:]
        qualifier = qualifier or "several"
    for word, q in SUFFIX_QUALIFIERS:
        if text.endswith(word) and len(text) > len(word):
            text = text[: -len(word)]
            qualifier = qualifier or q
            break
    unit = None
    for mark, name in UNIT_SUFFIXES:
        if text.endswith(mark):
            text, unit = text[: -len(mark)], name
            break
    for word, q in SUFFIX_QUALIFIERS:  # 30%以上 / 3倍多: qualifier after the unit mark
        if text.endswith(word) and len(text) > len(word) and qualifier is None:
            text, qualifier = text[: -len(word)], q
            break
    low_text, high_text = text, None
    for sep in RANGE_SEPARATORS:
        if sep in text.lstrip("-"):
            left, _, right = text.partition(sep)
            if left and right:
                low_text, high_text = left, right
                break
    if high_text is not None:
        for mark, name in UNIT_SUFFIXES:
            if low_text.endswith(mark):
                if unit not in (None, name):
                    raise NumeralError(f"cannot parse {anchor!r}: mixed units in a range")
                low_text, unit = low_text[: -len(mark)], name
        low = _core(low_text, anchor)
        high = _core(high_text, anchor)
        # 3-5万: the magnitude written once applies to both ends.
        trailing = re.search(r"[十百千万亿]+$", high_text)
        if trailing and not re.search(r"[十百千万亿]", low_text):
            low = _core(low_text + trailing.group(), anchor)
        if high < low:
            raise NumeralError(f"cannot parse {anchor!r}: range runs backwards")
        return ParsedNumber(low, high, qualifier or "range", unit)
    try:
        value = _core(low_text, anchor)
    except InvalidOperation as exc:  # pragma: no cover - _ARABIC only yields valid decimals
        raise NumeralError(f"cannot parse {anchor!r}") from exc
    if several and value == 0:
        raise NumeralError(f"cannot parse {anchor!r}: '数' needs a magnitude after it")
    return ParsedNumber(value, None, qualifier, unit)


def number_value(anchor: str) -> float:
    """The value of a printed figure as a float (the lower end of a range)."""
    return parse_number(anchor).as_float()


def format_plain(value: Decimal | float | int) -> str:
    """Write a value without exponent or trailing zeros, the way claims.csv stores it."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")
