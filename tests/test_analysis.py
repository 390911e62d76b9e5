"""The headline statistics on synthetic data with known answers, and the chapters as the book calls them."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from hundred_models.report import analysis
from hundred_models.report.params import validate


def test_exact_six_month_doubling_fits_six_months_with_a_zero_width_interval():
    years = np.arange(2018, 2024, 0.5)
    values = 1e9 * 2 ** ((years - 2018) / 0.5)
    fit = analysis.fit_doubling(years, values)
    assert fit.months == pytest.approx(6.0)
    assert fit.months_low == pytest.approx(6.0) and fit.months_high == pytest.approx(6.0)
    assert fit.growth_per_year == pytest.approx(4.0)
    assert fit.r_squared == pytest.approx(1.0)


def test_noisy_doubling_interval_contains_the_true_value():
    rng = np.random.default_rng(7)
    years = np.linspace(2015, 2025, 60)
    values = 2 ** ((years - 2015) * 2 + rng.normal(0, 0.5, len(years)))  # doubles every 6 months
    fit = analysis.fit_doubling(years, values)
    assert fit.months_low < 6.0 < fit.months_high
    assert fit.months_low < fit.months < fit.months_high


@pytest.mark.parametrize("years, values, message", [
    ([2020, 2021], [1, 2], "at least 3 points"),
    ([2020, 2021, 2022], [8, 4, 2], "do not grow"),
])
def test_fit_refuses_what_it_cannot_estimate(years, values, message):
    with pytest.raises(ValueError, match=message):
        analysis.fit_doubling(years, values)


@pytest.mark.parametrize("date, expected", [
    ("2020", 2020.5), ("2021-01-01", 2021.0), ("2020-07", 2020 + 196 / 366), ("2023-12-31", 2023 + 364 / 365),
])
def test_year_fractions(date, expected):
    assert analysis.year_fraction(date) == pytest.approx(expected)


def test_dense_frontier_keeps_only_record_setters_and_leaves_out_sparse_totals():
    models = pd.DataFrame({
        "entity_id": ["a", "b", "c", "d", "e"],
        "architecture": ["dense", "dense", "dense", "moe", "dense"],
        "parameters_precise": [1e8, 5e7, 1e9, 1e12, 1e9],
        "release_date_precise": ["2018-01", "2018-06", "2019-01", "2019-06", "2020-01"],
    })
    assert list(analysis.dense_frontier(models)["entity_id"]) == ["a", "c"]


def test_notable_by_year_counts_and_shares():
    epoch = pd.DataFrame({"year": [2020, 2020, 2020, 2021], "is_chinese": [True, False, False, False],
                          "country_group": ["China", "United States", "Multinational", "United States"]})
    out = analysis.notable_by_year(epoch, range(2020, 2023)).set_index("year")
    assert out.loc[2020, "notable_models"] == 3 and out.loc[2020, "chinese_models"] == 1
    assert out.loc[2020, "china_share_pct"] == pytest.approx(33.333)
    assert out.loc[2021, "china_share_pct"] == 0 and math.isnan(out.loc[2022, "china_share_pct"])


@pytest.mark.parametrize("hardware, maker, family", [
    ("Huawei Ascend 910", "Huawei", "Ascend 910"), ("NVIDIA A100 SXM4 40 GB", "NVIDIA", "A100"),
    ("Google TPU v4", "Google", "TPU v4"), ("Baidu Kunlun II", "Baidu (Kunlun)", "Baidu Kunlun II"),
    ("NVIDIA H800 SXM5", "NVIDIA", "H800"), ("Something else", "Other", "Something else"),
])
def test_chip_makers_and_families(hardware, maker, family):
    assert analysis.chip_maker(hardware) == maker and analysis.chip_family(hardware) == family


@pytest.mark.parametrize("chapter", ["history", "players", "vertical", "compute", "policy"])
def test_each_chapter_is_one_call_whose_glue_keys_are_registered(chapter):
    import importlib

    from hundred_models.report.gluekeys import KEYS

    module = importlib.import_module(f"hundred_models.report.chapters.{chapter}")
    result = module.summary(validate({}))
    assert set(result.glue) <= set(KEYS) and all(KEYS[k][0] == module.NOTEBOOK for k in result.glue)
    assert len(result.key_figures.frame) >= 5 and result.tables


def test_history_summary_matches_its_fit():
    from hundred_models.report.chapters import history
    from hundred_models.report.charts.render import chart_data

    p = validate({})
    scale = chart_data("history-scale", p)
    frontier = scale[scale["dense_record"]]
    fit = analysis.fit_doubling(frontier["year_decimal"], frontier["parameters"])
    glue = history.summary(p).glue
    assert glue["hist_doubling_months"] == pytest.approx(fit.months) and glue["hist_frontier_n"] == len(frontier)


@pytest.mark.parametrize("n, en, zh", [(0, "no models", "零个模型"), (1, "one model", "一个模型"),
                                       (2, "two models", "两个模型"), (3, "three models", "三个模型"), (12, "twelve models", "十二个模型"),
                                       (25, "25 models", "25个模型")])
def test_count_phrases_agree_with_their_number(n, en, zh):
    from hundred_models.report import phrases

    assert phrases.count(n, "model") == en
    assert phrases.count(n, "model", lang="zh", zh_noun="模型") == zh


def test_day_gaps_and_missing_percentages_read_as_prose():
    from hundred_models.report import phrases

    assert [phrases.days_later(d) for d in (0, 1, 5)] == ["the same day", "the next day", "5 days later"]
    assert phrases.days_later(1, "zh") == "次日"
    assert phrases.percent(float("nan")) == "no data for that year" and phrases.percent(20.51) == "21%"
    assert phrases.verb(1, "is", "are") == "is" and phrases.verb(2, "is", "are") == "are"


WINDOWS = [(2017, 2025), (2024, 2025), (2017, 2017), (1950, 1960), (2020, 2020), (2025, 2025), (2010, 2016), (2021, 2023)]


@pytest.mark.parametrize("chapter", ["history", "players", "vertical", "compute", "policy"])
@pytest.mark.parametrize("window", WINDOWS, ids=[f"{a}-{b}" for a, b in WINDOWS])
def test_every_chapter_says_something_true_for_every_window(chapter, window):
    """A window the data cannot speak for stops with an error naming the parameters; otherwise no 'nan' is glued."""
    import importlib

    from hundred_models.report.params import ParameterError

    module = importlib.import_module(f"hundred_models.report.chapters.{chapter}")
    try:
        result = module.summary(validate({"start_year": window[0], "end_year": window[1]}))
    except ParameterError as exc:
        assert "start_year/end_year" in str(exc)
        return
    bad = {k: v for k, v in result.glue.items() if isinstance(v, float) and not math.isfinite(v)}
    assert bad == {}
    text = " ".join(str(v) for v in result.glue.values()) + result.key_figures.frame.to_string()
    assert "nan" not in text.split() and "inf" not in text.split()


def test_the_faster_label_step_finds_the_same_shifts_as_adjusttext():
    """label_speed.get_shifts_extra returns exactly what adjustText's own function returns (boxes vs points)."""
    import numpy as np
    import adjustText

    from hundred_models.report.charts import label_speed

    label_speed.apply()
    original = adjustText.original_get_shifts_extra
    rng = np.random.default_rng(7)
    for labels, points in ((12, 400), (3, 0), (0, 5), (30, 1000)):
        x0, y0 = rng.uniform(0, 100, (2, labels))
        coords = np.column_stack([x0, x0 + rng.uniform(1, 20, labels), y0, y0 + rng.uniform(1, 5, labels)])
        px, py = rng.uniform(0, 100, (2, points))
        extra = np.column_stack([px - 0.5, px + 0.5, py - 0.5, py + 0.5])
        for ours, theirs in zip(label_speed.get_shifts_extra(coords, extra), original(coords, extra)):
            assert np.array_equal(ours, theirs)
    assert adjustText.get_shifts_extra is label_speed.get_shifts_extra
