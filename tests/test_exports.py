"""Presenter exports: every chart in both languages, byte-identical, no missing glyphs, Chinese throughout."""
from __future__ import annotations

import hashlib
import re
import warnings

import matplotlib.pyplot as plt
import pytest
from PIL import Image

from hundred_models.report import style
from hundred_models.site.exports import export_all
from hundred_models.report.charts.registry import all_charts, chart_names, get_chart
from hundred_models.report.charts.render import render, save
from hundred_models.report.load import load
from hundred_models.report.params import validate

ALL = chart_names()
#: Latin words allowed in a Chinese chart: names with no Chinese form, units and credits.
LATIN_OK = {"epoch", "ai", "flop", "cc", "by", "maas", "nvidia", "huawei", "google", "tpu", "rtx", "geforce", "titan",
            "tesla", "ascend", "gtx", "ti", "copilot", "warrenq", "lightgpt", "aigp", "xtrimo", "plug", "gpt", "bert",
            "switch", "transformer", "megatron", "lm", "nlg", "mt", "palm", "computeenginea", "ernie", "k80", "gpu", "nlp",
            "clip", "moore"}


def _digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_every_chart_is_registered_with_caption_and_alt():
    assert len(ALL) >= 12
    for chart in all_charts():
        assert chart.caption and chart.alt and chart.title["en"] and chart.title["zh"]
        # Static texts must not retype numbers that the data can change (years are fine).
        text = re.sub(r"\b(19|20)\d\d\b", "", chart.alt + " " + chart.caption)
        assert not re.search(r"(?<![\w.\-])\d[\d,.]*(?![\w\-])", text), chart.name


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("layout", [style.REPORT, style.SLIDE], ids=["report", "slide"])
def test_every_chart_renders_without_missing_glyphs(lang, layout, tmp_path):
    p = validate({"lang": lang})
    for name in ALL:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, data = render(name, p, layout)
            save(fig, name, tmp_path, ("png",), 40)
            plt.close(fig)
        glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message)]
        assert glyphs == [], name
        assert len(data) > 0, name


def _visible_texts(fig) -> list[str]:
    texts = [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text") and a.get_visible())]
    return [t for t in texts if t.strip()]


def test_chinese_charts_speak_chinese():
    """Every visible string of a Chinese chart is Chinese, a number, or a name with no Chinese form."""
    p = validate({"lang": "zh"})
    entities = load("entities")
    epoch = load("epoch_models")
    names = set(entities["short_en"]) | set(entities["name_en"]) | set(epoch["model"]) | set(epoch["organization"].dropna())
    for name in ALL:
        fig, _ = render(name, p)
        for text in _visible_texts(fig):
            rest = re.sub(r"图 [a-z0-9-]+", " ", text)  # the chart's id in the source line is an identifier
            if rest.endswith("…") and any(n.startswith(rest[:-1].rstrip()) for n in names):
                continue  # a long name shortened to fit
            for n in sorted(names, key=len, reverse=True):
                if n and n in rest:
                    rest = rest.replace(n, " ")
            words = {w.lower() for w in re.findall(r"[A-Za-z]{2,}", rest)}
            assert words <= LATIN_OK, f"{name}: {text!r} has English words {sorted(words - LATIN_OK)}"
        plt.close(fig)


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
    p = validate({"lang": "en"})
    fig, _ = render("history-scale", p)
    texts = " ".join(_visible_texts(fig))
    plt.close(fig)
    assert "Data: Epoch AI (epoch.ai), CC BY 4.0" in texts and "Elecfans (003)" in texts
