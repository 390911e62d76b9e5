"""Read figures as Chinese articles print them: ``1750亿``, ``1.6万亿``, ``约2500亿``, ``数百万``, ``30%-50%``,
``超过10亿美元``, ``3000多人``, ``三、四家``, ``千亿级``, ``530B``.

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
    ("上", "at_least"), ("逼近", "nearly"), ("突破了", "more_than"), ("突破", "more_than"),
]
#: Words after a figure and the qualifier they express.
SUFFIX_QUALIFIERS = [("以上", "at_least"), ("左右", "about"), ("多", "more_than"), ("余", "more_than"), ("几", "more_than"),
                     # 亿级, 千亿量级, 1亿规模: "of the order of", a scale class rather than a count
                     ("量级", "order"), ("级别", "order"), ("级", "order"), ("规模", "order")]
#: Words before a magnitude meaning "several" of it (数百万, 几万, 大几亿).
SEVERAL_WORDS = ("大几", "数", "几")
#: Unit marks kept in anchors because they change what the number means (checked against the claim's unit).
UNIT_SUFFIXES = [("%", "percent"), ("％", "percent"), ("倍", "times"), ("美元", "USD"), ("美金", "USD"),
                 ("人民币", "CNY"), ("元", "CNY"), ("个月", "months")]
#: Measure words after a figure (3000多人, 2.6万块, 26个): they name what is counted, which the claim's unit says.
MEASURE_WORDS = ("个", "人", "名", "块", "台", "家", "位", "款", "项", "层", "年", "张", "颗", "座", "类")
#: Latin magnitude letters written straight after digits, as in PaLM 530B.
LATIN_MAGNITUDES = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
RANGE_SEPARATORS = ("-", "–", "—", "~", "～", "至", "到", "、")

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
            if i < len(text) and text[i] in LATIN_MAGNITUDES and i == len(text) - 1:
                number *= LATIN_MAGNITUDES[text[i]]
                i += 1
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


def _strip_suffixes(text: str) -> tuple[str, str | None, str | None]:
    """Peel measure words, unit marks and hedges off the end, in whatever order they were printed."""
    qualifier = unit = None
    changed = True
    while changed:
        changed = False
        for mark, name in UNIT_SUFFIXES:
            if text.endswith(mark) and len(text) > len(mark) and unit is None:
                text, unit, changed = text[: -len(mark)], name, True
        for word in MEASURE_WORDS:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
        for word, q in SUFFIX_QUALIFIERS:
            if text.endswith(word) and len(text) > len(word) and qualifier is None:
                text, qualifier, changed = text[: -len(word)], q, True
    return text, qualifier, unit


def parse_number(anchor: str) -> ParsedNumber:
    """Parse one printed figure (with optional hedge, range, unit mark and measure word)."""
    if not isinstance(anchor, str):
        raise NumeralError(f"cannot parse {anchor!r}: not text")
    if re.search(r"\d\s+\d", anchor):
        raise NumeralError(f"cannot parse {anchor!r}: space between digits")
    text = re.sub(r"\s+", "", anchor)
    if not text:
        raise NumeralError("cannot parse '': empty figure")
    text, qualifier, _ = _strip_prefix(text)
    several = False
    for word in SEVERAL_WORDS:
        if text.startswith(word) and len(text) > len(word):
            several, text = True, text[len(word):]
            qualifier = qualifier or "several"
            break
    text, suffix_qualifier, unit = _strip_suffixes(text)
    qualifier = qualifier or suffix_qualifier
    low_text, high_text = text, None
    for sep in RANGE_SEPARATORS:
        if sep in text.lstrip("-"):
            left, _, right = text.partition(sep)
            if left and right:
                low_text, high_text = left, right
                break
    if high_text is not None:
        low_text, _, low_unit = _strip_suffixes(low_text)
        if low_unit not in (None, unit):
            raise NumeralError(f"cannot parse {anchor!r}: mixed units in a range")
        unit = unit or low_unit
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


def significant_digits(anchor: str) -> int:
    """How precisely a figure is printed: ``1750亿`` has 3 significant digits, ``2600亿`` 2, ``百亿`` 1.

    Trailing zeros of a whole number are not counted (``1000亿`` is printed to one digit), the
    digits after a decimal point are (``1.6万亿`` has 2). A figure with no Arabic digits has 1.
    """
    m = _ARABIC.search(anchor)
    if not m:
        return 1
    digits = m.group()
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or 1
    return len(digits.lstrip("0").rstrip("0")) or 1


def round_significant(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant digits (half away from zero, as people round)."""
    if value == 0:
        return 0.0
    d = Decimal(repr(float(value)))
    exponent = d.adjusted() - digits + 1
    return float(d.scaleb(-exponent).quantize(Decimal(1), rounding="ROUND_HALF_UP").scaleb(exponent))


def number_value(anchor: str) -> float:
    """The value of a printed figure as a float (the lower end of a range)."""
    return parse_number(anchor).as_float()


def format_plain(value: Decimal | float | int) -> str:
    """Write a value without exponent or trailing zeros, the way claims.csv stores it."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")
