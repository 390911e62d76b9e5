"""Numeral and date parsing: the figures our articles print, their edge cases, and garbage."""
from decimal import Decimal

import pytest

from hundred_models.data.cndates import parse_cn_date, parse_iso
from hundred_models.data.errors import NumeralError
from hundred_models.data.numerals import format_plain, parse_number


@pytest.mark.parametrize("anchor, value, high, qualifier, unit", [
    ("1750亿", "175000000000", None, None, None),
    ("174万亿", "174000000000000", None, None, None),
    ("1.6万亿", "1600000000000", None, None, None),  # cn2an rejects this one
    ("百亿", "10000000000", None, None, None),       # and this one
    ("千亿", "100000000000", None, None, None),
    ("百万亿", "100000000000000", None, None, None),
    ("万亿", "1000000000000", None, None, None),
    ("数百万", "1000000", None, "several", None),
    ("约2500亿", "250000000000", None, "about", None),  # and this one
    ("超过1万", "10000", None, "more_than", None),
    ("近百亿", "10000000000", None, "nearly", None),
    ("1000多", "1000", None, "more_than", None),
    ("上万", "10000", None, "at_least", None),
    ("90%", "90", None, None, "percent"),
    ("0.5%", "0.5", None, None, "percent"),
    ("30%-50%", "30", "50", "range", "percent"),
    ("10-20倍", "10", "20", "range", "times"),
    ("3-5万", "30000", "50000", "range", None),
    ("两千五百万", "25000000", None, None, None),
    ("1亿2000万", "120000000", None, None, None),
    ("十", "10", None, None, None),
    ("10,000", "10000", None, None, None),
    ("2.6亿", "260000000", None, None, None),
    ("1.08万", "10800", None, None, None),
    # forms found in our five articles
    ("超过10亿美元", "1000000000", None, "more_than", "USD"),
    ("3000多人", "3000", None, "more_than", None),
    ("一万多台", "10000", None, "more_than", None),
    ("三、四家", "3", "4", "range", None),
    ("千亿级", "100000000000", None, "order", None),
    ("百万亿级别", "100000000000000", None, "order", None),
    ("1亿规模", "100000000", None, "order", None),
    ("530B", "530000000000", None, None, None),
    ("大几亿美金", "100000000", None, "several", "USD"),
    ("数十亿美金", "1000000000", None, "several", "USD"),
    ("千余名", "1000", None, "more_than", None),
    ("至少6个月", "6", None, "at_least", "months"),
    ("突破了174万亿个", "174000000000000", None, "more_than", None),
    ("逼近300亿美元", "30000000000", None, "nearly", "USD"),
    ("10个以上", "10", None, "at_least", None),
    ("十几年", "10", None, "more_than", None),
    ("两年左右", "2", None, "about", None),
    ("超过90%", "90", None, "more_than", "percent"),
])
def test_parses_printed_figures(anchor, value, high, qualifier, unit):
    parsed = parse_number(anchor)
    assert format_plain(parsed.value) == value
    assert (format_plain(parsed.high) if parsed.high is not None else None) == high
    assert parsed.qualifier == qualifier
    assert parsed.unit == unit


def test_decimal_magnitudes_are_exact():
    assert parse_number("1.6万亿").value == Decimal("1600000000000")
    assert parse_number("0.1亿").value == Decimal("10000000")


@pytest.mark.parametrize("garbage", ["", "   ", "abc", "1.2.3", "GPT-3", "数", "约", "亿x", "12 34", "3-", "5-3",
                                     "530BB", "B530", "人", "美元", "多", "级", "超过", "10亿参数", "1750亿x个"])
def test_garbage_raises_a_clear_error(garbage):
    with pytest.raises(NumeralError, match="cannot parse"):
        parse_number(garbage)


def test_non_text_is_rejected():
    with pytest.raises(NumeralError):
        parse_number(1750)  # type: ignore[arg-type]


@pytest.mark.parametrize("anchor, parts", [
    ("2023年8月15日", (2023, 8, 15)),
    ("3月16日", (None, 3, 16)),
    ("2021年", (2021, None, None)),
    ("2021年11月", (2021, 11, None)),
    ("2023-05-25", (2023, 5, 25)),
    ("二〇二三年", (2023, None, None)),
])
def test_parses_printed_dates(anchor, parts):
    d = parse_cn_date(anchor)
    assert (d.year, d.month, d.day) == parts


def test_partial_dates_agree_with_full_iso():
    assert parse_cn_date("3月16日").agrees_with("2023-03-16")
    assert not parse_cn_date("3月16日").agrees_with("2023-03-15")
    assert parse_cn_date("2021年").agrees_with("2021-11")


def test_relative_years_are_marked():
    assert parse_cn_date("今年3月").relative_year == 0
    assert parse_cn_date("去年").relative_year == -1


@pytest.mark.parametrize("bad", ["2023年2月30日", "2023年13月", "1800年", "2099年", "明天", "", "16日"])
def test_impossible_dates_raise(bad):
    with pytest.raises(NumeralError):
        parse_cn_date(bad)


@pytest.mark.parametrize("bad", ["2023/05/01", "23-05", "2023-5", "2023-02-29"])
def test_iso_is_strict(bad):
    with pytest.raises(NumeralError):
        parse_iso(bad)


@pytest.mark.parametrize("anchor, digits", [
    ("1750亿", 3), ("2600亿", 2), ("1000亿", 1), ("百亿", 1), ("1.6万亿", 2), ("0.5%", 1), ("530B", 2), ("40.2%", 3),
])
def test_significant_digits_follow_the_printed_figure(anchor, digits):
    from hundred_models.data.numerals import significant_digits
    assert significant_digits(anchor) == digits
