"""Presenter exports: every chart in both languages, byte-identical and complete, with texts that follow the data.

That every chart draws with every glyph and speaks Chinese in Chinese is checked in test_chart_legibility.py, on
the same drawing as its other legibility checks.
"""
from __future__ import annotations

import hashlib
import re

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from hundred_models.report import style
from hundred_models.site.exports import export_all
from hundred_models.report.charts.registry import all_charts, chart_names, get_chart
from hundred_models.report.charts.render import render
from hundred_models.report.load import load
from hundred_models.report.params import validate

ALL = chart_names()
#: Latin words allowed in a Chinese chart: names with no Chinese form, units and credits.
LATIN_OK = {"epoch", "ai", "flop", "cc", "by", "maas", "nvidia", "huawei", "google", "tpu", "rtx", "geforce", "titan",
            "tesla", "ascend", "gtx", "ti", "copilot", "warrenq", "lightgpt", "aigp", "xtrimo", "plug", "gpt", "bert",
            "switch", "transformer", "megatron", "lm", "nlg", "mt", "palm", "compute", "engine", "ernie", "k80", "gpu", "nlp",
            "clip", "moore", "iedm", "titan", "maas"}
#: Number words: a count typed in words goes stale as silently as one typed in digits.
NUMBER_WORDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE)


def _digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def static_texts(chart) -> str:
    """The texts typed once for a chart: its captions, and its alt text where that is fixed rather than generated."""
    return chart.caption["en"] + " " + chart.caption["zh"] + (" " + chart.alt if isinstance(chart.alt, str) else "")


def stale_numbers(text: str) -> list[str]:
    """Numbers a static text types by hand, in digits or in words (years are fine)."""
    text = re.sub(r"\b(19|20)\d\d\b", "", text)
    return re.findall(r"(?<![\w.\-])\d[\d,.]*(?![\w\-])", text) + NUMBER_WORDS.findall(text)


def test_every_chart_is_registered_with_caption_and_alt():
    assert len(ALL) >= 12
    for chart in all_charts():
        assert chart.caption["en"] and chart.caption["zh"] and chart.alt and chart.title["en"] and chart.title["zh"]
        assert set(chart.caption) == set(chart.title) == {"en", "zh"}, chart.name


@pytest.mark.parametrize("name", ALL)
def test_chinese_captions_are_chinese_and_the_chapters_say_the_same(name):
    """The gallery shows caption["zh"]; a chapter shows its catalogue's translation of caption["en"]: one wording."""
    from hundred_models.site.translations import LOCALES_DIR, read_catalogue

    chart = get_chart(name)
    po = LOCALES_DIR / "zh_CN" / "LC_MESSAGES" / "notebooks" / f"{chart.notebook}.po"
    translations = {str(m.id): str(m.string) for m in read_catalogue(po) if m.id and not m.fuzzy}
    assert _english_words(chart.caption["zh"], _names() | {"CLIP", "MaaS", "OpenAI", "GPU"}) == set(), name
    assert translations.get(chart.caption["en"]) == chart.caption["zh"], \
        f"{name}: caption['zh'] differs from {po.name}'s translation of caption['en']"


@pytest.mark.parametrize("name", ALL)
def test_static_texts_type_no_numbers(name):
    """Captions and fixed alt texts must not retype numbers that the data can change, in digits or words."""
    assert stale_numbers(static_texts(get_chart(name))) == [], name


def test_the_static_text_check_sees_digits_and_number_words():
    assert stale_numbers("Three sparse models, more than 100% and 12 charts") == ["100", "12", "Three"]
    assert stale_numbers("From 2017 to 2025, a pre-trained model") == []


def _english_words(text: str, names: set[str]) -> set[str]:
    rest = re.sub(r"图\s[a-z0-9-]+", " ", text)  # the chart's id in the source line is an identifier
    for n in sorted(names, key=len, reverse=True):
        if n and n in rest:
            rest = rest.replace(n, " ")
    return {w.lower() for w in re.findall(r"[A-Za-z]{2,}", rest)} - LATIN_OK


def _names() -> set[str]:
    entities = load("entities")
    epoch = load("epoch_models")
    models = set(epoch["model"])
    short = {re.sub(r"\s*\([^)]*\)\s*$", "", m) for m in models}  # Epoch names as labels give them, qualifier dropped
    return set(entities["short_en"]) | set(entities["name_en"]) | models | short | set(epoch["organization"].dropna())


@pytest.mark.parametrize("name", ALL)
def test_chinese_alt_texts_are_chinese_and_follow_the_data(name):
    """A Chinese alt text is written in Chinese from the plotted data (not a Chinese title over the English text)."""
    chart = get_chart(name)
    data = chart.data(validate({}))
    zh, en = chart.alt_text(data, "zh"), chart.alt_text(data, "en")
    assert callable(chart.alt), f"{name}: a fixed alt text cannot follow the data"
    assert _english_words(zh, _names()) == set(), name
    assert zh != en and len(re.findall(r"[\u4e00-\u9fff]", zh)) > 20, name


def test_alt_texts_follow_a_window():
    """The timeline's alt text gives the years of the rows it describes, for whatever window is drawn."""
    chart = get_chart("policy-timeline")
    data = chart.data(validate({"start_year": 2021, "end_year": 2022}))
    years = sorted({int(d[:4]) for d in data["date"]})
    assert chart.alt_text(data, "en").startswith(f"Timeline from {years[0]} to {years[-1]}")
    assert chart.alt_text(data, "zh").startswith(f"时间线，{years[0]}—{years[-1]}年")
    assert "2018" not in chart.alt_text(data, "en") and "2023" not in chart.alt_text(data, "en")


def _visible_texts(fig) -> list[str]:
    texts = [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text") and a.get_visible())]
    return [t for t in texts if t.strip()]


def test_exports_are_byte_identical_and_complete(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    subset = ["history-scale", "policy-timeline"]
    export_all(a, ("en", "zh"), slides=True, names=subset)
    export_all(b, ("en", "zh"), slides=True, names=subset)
    assert _digests(a) == _digests(b)
    for name in subset:
        for stem in (name, f"{name}.zh", f"{name}.slide", f"{name}.zh.slide"):
            for ext in ("png", "svg", "pdf"):
                assert (a / f"{stem}.{ext}").stat().st_size > 1000, f"{stem}.{ext}"
        assert (a / f"{name}.csv").read_text(encoding="utf-8").count("\n") >= 2
        chart = get_chart(name)
        data = chart.data(validate({}))
        assert (a / f"{name}.alt.txt").read_text(encoding="utf-8").strip() == chart.alt_text(data, "en").strip()
        assert (a / f"{name}.zh.alt.txt").read_text(encoding="utf-8").strip() == chart.alt_text(data, "zh").strip()
        assert "百模大战" in (a / f"{name}.zh.citation.txt").read_text(encoding="utf-8")
        assert "The Hundred-Model War" in (a / f"{name}.citation.txt").read_text(encoding="utf-8")
    with Image.open(a / "history-scale.slide.png") as im:
        assert abs(im.width / im.height - 16 / 9) < 0.01 and im.width >= 3840  # 13.33 x 7.5 in at 300 dpi
    with Image.open(a / "history-scale.png") as im:
        assert im.info.get("dpi", (300, 300))[0] == pytest.approx(300, abs=1)


def test_source_line_names_the_articles_and_epoch():
    """A reader can find every source: the publication, the article's title (or that it has none) and date, and
    Epoch AI's dataset with the date our copy was taken."""
    p = validate({"lang": "en"})
    fig, _ = render("history-scale", p)
    texts = " ".join(_visible_texts(fig)).replace("\n", " ")
    plt.close(fig)
    assert 'Data: Epoch AI, "Data on Notable AI Models" (epoch.ai, accessed 26 Jan 2026), CC BY 4.0' in texts
    assert "Elecfans, untitled article, c. 2023" in texts
    assert 'Globe magazine, "Industry innovation: large models in progress", 17 May 2023' in texts
    assert "(002)" not in texts and "(003)" not in texts
    fig, _ = render("compute-gpu-fleets", validate({"lang": "zh"}))
    texts = " ".join(_visible_texts(fig)).replace("\n", "")
    plt.close(fig)
    assert "零壹智库《AI大模型抢滩手机端?新巨头何时诞生》，约2023年8月" in texts


def test_charts_use_the_bundled_font_even_where_the_system_has_one_of_the_same_name():
    """A system copy of Noto Sans CJK SC (Debian's fonts-noto-cjk) listed first must not take the bundled file's place."""
    import subprocess
    import sys

    script = (
        "import dataclasses, matplotlib.font_manager as fm\n"
        "from hundred_models.report import style\n"
        "decoy = next(e for e in fm.fontManager.ttflist if e.name == 'DejaVu Sans')\n"
        "fm.fontManager.ttflist.insert(0, dataclasses.replace(decoy, name=style.FONT_FAMILY))\n"
        "fm.fontManager.addfont(decoy.fname)  # empties findfont's cache so the decoy is seen\n"
        "style.register_font()\n"
        "print(fm.findfont(fm.FontProperties(family=style.FONT_FAMILY)))\n"
    )
    chosen = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout.strip()
    assert chosen == str(style.bundled_font_path()), f"charts would be drawn with {chosen}"
