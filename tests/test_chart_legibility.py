"""Every chart legible at the size it is seen, measured from the drawn figure itself.

* Web: a report chart is shown at the book's content width (``style.WEB_CONTENT_PX``, about 720 px); no text may be
  smaller than 12 px there. A text of ``pt`` points in a figure ``w`` inches wide shown at ``W`` px is
  ``pt / 72 * W / w`` px high.
* Slides: a slide is projected at its own size (13.33 x 7.5 in); no text below 18 pt.
* At both sizes no text is cut off at the image's edge and no two texts overlap, every glyph is in the font, and a
  Chinese chart speaks Chinese.

Texts are collected as they are drawn (so only what a reader sees counts: tick labels outside the axis range, empty
strings and hidden artists are skipped), with their sizes and their extents on the canvas.
"""
from __future__ import annotations

import functools
import re
import warnings
from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from hundred_models.report import style
from hundred_models.report.charts import render as render_module
from hundred_models.report.charts.registry import chart_names
from hundred_models.report.charts.render import render
from hundred_models.report.params import validate

matplotlib.use("Agg")

ALL = chart_names()
LANGS = ("en", "zh")


@contextmanager
def _recording_texts():
    """Record every non-empty text as it is drawn, with its size and its extent on the canvas."""
    drawn: list[tuple[str, float, object]] = []
    original = Text.draw

    def draw(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            # Text's own extent: an annotation's would include its leader line
            drawn.append((self.get_text(), float(self.get_fontsize()), Text.get_window_extent(self, renderer)))

    Text.draw = draw
    try:
        yield drawn
    finally:
        Text.draw = original


@functools.lru_cache(maxsize=None)
def drawn_chart(name: str, lang: str, layout_name: str):
    """One chart drawn once for every check here: (texts drawn as (text, points, extent), figure width in inches,
    canvas extent, warnings about missing glyphs, rows plotted)."""
    layout = style.LAYOUTS[layout_name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig, data = render(name, validate({"lang": lang}), layout)
        with style.house_style(layout), _recording_texts() as drawn:
            fig.canvas.draw()
    glyphs = tuple(str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from font" in str(w.message))
    width = fig.get_figwidth()
    canvas = fig.bbox.frozen()
    plt.close(fig)
    return tuple(drawn), width, canvas, glyphs, len(data)


def measured(name: str, lang: str, layout_name: str):
    """(texts drawn as (text, points, extent), figure width in inches, canvas extent) for one chart."""
    return drawn_chart(name, lang, layout_name)[:3]


def _web_px(points: float, figure_width: float) -> float:
    return points / 72 * style.WEB_CONTENT_PX / figure_width


def _case(name: str, lang: str):
    return pytest.param(name, lang, id=f"{name}-{lang}")


def _describe(text: str) -> str:
    return re.sub(r"\s+", " ", text)[:50]


def test_the_displayed_width_is_the_designed_width():
    """Notebooks and the site show a report chart at the content width its type scale is designed for."""
    assert style.REPORT.display_px == style.WEB_CONTENT_PX
    source = open(render_module.__file__, encoding="utf-8").read()
    assert "width=int(style.REPORT.display_px)" in source
    # The smallest sizes the layouts offer meet the rules at the size each output is seen.
    for size in (style.REPORT.label_size, style.REPORT.source_size):
        assert _web_px(size, style.REPORT.width) >= style.MIN_WEB_PX
    assert min(style.SLIDE.label_size, style.SLIDE.source_size) >= style.MIN_SLIDE_PT


@pytest.mark.parametrize("name,lang,layout", [
    pytest.param(n, lang, layout, id=f"{n}-{lang}-{layout}") for n in ALL for lang in LANGS for layout in ("report", "slide")])
def test_every_chart_draws_its_rows_with_every_glyph(name, lang, layout):
    _, _, _, glyphs, rows = drawn_chart(name, lang, layout)
    assert glyphs == (), f"{name} ({lang}, {layout}): {glyphs[:3]}"
    assert rows > 0, f"{name} ({lang}, {layout}): nothing plotted"


@pytest.mark.parametrize("name", ALL)
def test_chinese_charts_speak_chinese(name):
    """Every text drawn on a Chinese chart is Chinese, a number, or a name with no Chinese form."""
    from tests.test_exports import _english_words, _names

    names = _names()
    texts, _, _ = measured(name, "zh", "report")
    for text, _, _ in texts:
        if text.endswith("…") and any(n.startswith(text[:-1].rstrip()) for n in names):
            continue  # a long name shortened to fit
        words = _english_words(text, names)
        assert not words, f"{name}: {text!r} has English words {sorted(words)}"


@pytest.mark.parametrize("name,lang", [_case(n, lang) for n in ALL for lang in LANGS])
def test_no_text_below_12px_on_the_web(name, lang):
    texts, width, _ = measured(name, lang, "report")
    small = sorted((round(_web_px(pt, width), 1), _describe(t)) for t, pt, _ in texts
                   if _web_px(pt, width) < style.MIN_WEB_PX - 1e-6)
    assert not small, f"{name} ({lang}): text below {style.MIN_WEB_PX:g} px at {style.WEB_CONTENT_PX} px wide: {small[:6]}"


@pytest.mark.parametrize("name,lang", [_case(n, lang) for n in ALL for lang in LANGS])
def test_no_text_below_18pt_on_a_slide(name, lang):
    texts, _, _ = measured(name, lang, "slide")
    small = sorted((round(pt, 1), _describe(t)) for t, pt, _ in texts if pt < style.MIN_SLIDE_PT - 1e-6)
    assert not small, f"{name} ({lang}): slide text below {style.MIN_SLIDE_PT:g} pt: {small[:6]}"


@pytest.mark.parametrize("layout", ["report", "slide"])
@pytest.mark.parametrize("name,lang", [_case(n, lang) for n in ALL for lang in LANGS])
def test_no_text_cut_off(name, lang, layout):
    texts, _, canvas = measured(name, lang, layout)
    out = [_describe(t) for t, _, box in texts
           if box.x0 < canvas.x0 - 1 or box.y0 < canvas.y0 - 1 or box.x1 > canvas.x1 + 1 or box.y1 > canvas.y1 + 1]
    assert not out, f"{name} ({lang}, {layout}): text outside the image: {out[:6]}"


def overlapping(texts, tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose extents overlap by more than ``tolerance`` pixels both ways."""
    pairs = []
    for i, (a, _, box_a) in enumerate(texts):
        for b, _, box_b in texts[i + 1:]:
            dx = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            dy = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if dx > tolerance and dy > tolerance:
                pairs.append((_describe(a), _describe(b)))
    return pairs


@pytest.mark.parametrize("name,lang,layout", [
    pytest.param(n, lang, layout, id=f"{n}-{lang}-{layout}") for n in ALL for lang in LANGS for layout in ("report", "slide")])
def test_no_overlapping_text(name, lang, layout):
    texts, _, _ = measured(name, lang, layout)
    pairs = overlapping(texts)
    assert not pairs, f"{name} ({lang}, {layout}): overlapping texts: {pairs[:4]}"


def test_the_checks_see_small_cut_off_and_overlapping_text():
    """The measures above catch what they claim to catch, on a figure built to break each rule."""
    layout = style.REPORT
    with style.house_style(layout):
        fig, ax = style.new_figure(layout)
        ax.text(0.5, 0.5, "small", fontsize=layout.min_size - 0.5)
        ax.text(0.2, 0.2, "first label", fontsize=layout.label_size)
        ax.text(0.21, 0.2, "second label", fontsize=layout.label_size)
        fig.text(0.98, 0.5, "runs off the edge", fontsize=layout.label_size)
        with _recording_texts() as drawn:
            fig.canvas.draw()
    width, canvas = fig.get_figwidth(), fig.bbox
    plt.close(fig)
    assert any(_web_px(pt, width) < style.MIN_WEB_PX and t == "small" for t, pt, _ in drawn)
    assert ("first label", "second label") in overlapping(drawn)
    assert any(t == "runs off the edge" and box.x1 > canvas.x1 for t, _, box in drawn)


def _wrapped_one_token_at_a_time(fig, text: str, size: float, width: float) -> str:
    """The rule ``style.wrap`` follows, measured token by token: add words (or CJK characters) while the line fits."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in style._tokens(paragraph):
            if line and style.text_width(fig, (line + tok).rstrip(), size) > width:
                lines.append(line.rstrip())
                line = tok.lstrip()
            else:
                line += tok
        lines.append(line.rstrip())
    return "\n".join(lines)


@pytest.mark.parametrize("text", [
    "Sources: Globe magazine, \"Industry innovation: large models in progress\", 17 May 2023; Epoch AI, CC BY 4.0.",
    "来源：零壹智库《AI大模型抢滩手机端?新巨头何时诞生》，约2023年8月。图：百模大战（图\u00a0compute-gpu-fleets）",
    "A supercalifragilisticexpialidocious-and-then-some word wider than the line, then short ones",
    "two paragraphs\n\nwith an empty one between", ""])
@pytest.mark.parametrize("width", [0.4, 1.5, 4.0, 40.0])
def test_wrap_breaks_where_adding_one_token_at_a_time_would(text, width):
    """wrap() finds each break by bisection; the lines must be exactly those of the plain greedy rule."""
    with style.house_style(style.REPORT):
        fig, _ = style.new_figure(style.REPORT)
        expected = _wrapped_one_token_at_a_time(fig, text, style.REPORT.label_size, width)
        assert style.wrap(fig, text, style.REPORT.label_size, width) == expected
    plt.close(fig)
