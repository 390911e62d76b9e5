"""When printed figures agree: rounding, hedges and scale classes (hundred_models.data.compare)."""
import math

import pytest

from hundred_models.data.compare import dates_compatible, interval
from hundred_models.data.numerals import parse_number


def printed(anchor: str):
    p = parse_number(anchor)
    return interval(float(p.value), None if p.high is None else float(p.high), p.qualifier, anchor)


@pytest.mark.parametrize("anchor, epoch, agrees", [
    ("1750亿", 174.6e9, True),      # GPT-3: rounded to three digits
    ("530B", 540.35e9, False),      # PaLM misstated: 540 billion is outside 525-535 billion
    ("5300亿", 530e9, True),        # MT-NLG
    ("1.6万亿", 1.571e12, True),    # Switch Transformer, rounded
    ("约2500亿", 245.73e9, True),   # Yuan 1.0, hedged
    ("百亿", 10e9, True),           # ERNIE 3.0, one printed digit
    ("超过3亿", 340e6, True),       # BERT-Large above the lower bound
    ("超过3亿", 290e6, False),
    ("1亿规模", 213e6, True),       # Transformer: a scale class, 100 million up to a billion
    ("千亿级", 2.6e12, False),      # a trillion-class model is not in the 100-billion class
])
def test_article_figure_against_reference(anchor, epoch, agrees):
    assert printed(anchor).contains(epoch) is agrees


def test_ranges_overlap_only_when_both_can_be_true():
    assert printed("2600亿").overlaps(printed("千亿级"))
    assert not printed("1000亿").overlaps(printed("10万亿"))
    assert printed("突破了174万亿个").overlaps(printed("百万亿级别"))
    assert math.isinf(printed("超过10亿美元").high)


def test_dates_compatible_at_the_printed_precision():
    assert dates_compatible("2021", "2021-10-12")
    assert dates_compatible("2021-12", "2021-12-23")
    assert not dates_compatible("2020-10", "2021-10-11")
    assert not dates_compatible("2019", "2020-02-13")
