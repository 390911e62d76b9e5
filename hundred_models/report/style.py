"""The house style: one palette, one font, one frame for every chart, in English or Chinese.

Why here and not in the notebooks: a chart pasted on a slide must look like every other
chart of the report, carry its own title and source line, and render Chinese without tofu
on a machine with no system fonts. The font is the Noto Sans CJK SC file that the
``mplfonts`` wheel ships (installed from requirements.txt, no root needed); it covers Latin
as well, so both languages use the same face.
"""
from __future__ import annotations

import math
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import matplotlib.font_manager as font_manager
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

FONT_FAMILY = "Noto Sans CJK SC"

#: Okabe-Ito, a palette that stays distinct for the common forms of colour blindness.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#8C8C8C",
}
#: Fixed meanings, so China is the same colour in every chart.
COLOURS = {
    "China": OKABE_ITO["vermillion"], "United States": OKABE_ITO["blue"], "Rest of world": OKABE_ITO["sky"],
    "Multinational": OKABE_ITO["purple"], "Unknown": OKABE_ITO["grey"], "Outside China": OKABE_ITO["blue"],
    "giant": OKABE_ITO["vermillion"], "ai_company": OKABE_ITO["orange"], "research": OKABE_ITO["green"],
    "international": OKABE_ITO["blue"], "other": OKABE_ITO["grey"],
    "ordered": OKABE_ITO["orange"], "delivered": OKABE_ITO["green"], "reported": OKABE_ITO["blue"],
    "planned": OKABE_ITO["purple"], "ceiling": OKABE_ITO["grey"],
    "draft_date": OKABE_ITO["orange"], "adopted_date": OKABE_ITO["purple"], "published_date": OKABE_ITO["blue"],
    "effective_date": OKABE_ITO["vermillion"], "band": "#F2F2F2", "band_alt": "#E6E6E6", "text": "#222222",
    "muted": "#595959",
    # What a published count of models counted (model_count_definitions.csv).
    "announced_1b_params": OKABE_ITO["vermillion"], "released_models_tally": OKABE_ITO["purple"],
    "cac_filed_services": OKABE_ITO["blue"], "local_registered_services": OKABE_ITO["sky"],
    "epoch_notable_chinese": OKABE_ITO["green"], **OKABE_ITO,
}


@dataclass(frozen=True)
class Layout:
    """Size and type scale of one output: the report's figures or a 16:9 slide."""

    name: str
    width: float
    height: float
    base_size: float
    title_size: float
    source_size: float
    left: float
    right: float
    top: float
    bottom: float


REPORT = Layout("report", 9.0, 5.6, 9.5, 13.0, 7.5, 0.09, 0.97, 0.84, 0.15)
SLIDE = Layout("slide", 13.333, 7.5, 15.0, 22.0, 11.0, 0.08, 0.975, 0.83, 0.14)
LAYOUTS = {"report": REPORT, "slide": SLIDE}


def _font_path() -> Path:
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"


_registered = False


def register_font() -> None:
    """Make Noto Sans CJK SC known to matplotlib (once per process, about 3 ms)."""
    global _registered
    if _registered:
        return
    path = _font_path()
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: install the pinned requirements (mplfonts ships the CJK font)")
    font_manager.fontManager.addfont(str(path))
    _registered = True


def rc_params(layout: Layout = REPORT) -> dict:
    """rcParams of the house style; also what makes SVG and PDF output byte-identical across runs."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": layout.base_size,
        "axes.titlesize": layout.base_size * 1.1,
        "axes.labelsize": layout.base_size,
        "axes.edgecolor": "#444444",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "xtick.labelsize": layout.base_size * 0.92,
        "ytick.labelsize": layout.base_size * 0.92,
        "legend.fontsize": layout.base_size * 0.9,
        "legend.frameon": False,
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "svg.fonttype": "path",
        "svg.hashsalt": "hundred-model-war",
        "pdf.fonttype": 42,
        "path.simplify": True,
        "axes.prop_cycle": matplotlib.cycler(color=[OKABE_ITO[k] for k in
                                                    ("vermillion", "blue", "green", "orange", "purple", "sky", "black")]),
    }


@contextmanager
def house_style(layout: Layout = REPORT):
    """Apply the house style for the charts drawn inside the block."""
    register_font()
    with plt.rc_context(rc_params(layout)):
        yield


def new_figure(layout: Layout = REPORT, nrows: int = 1, ncols: int = 1, **kwargs):
    """Figure and axes with the margins the title block and source line need."""
    fig, ax = plt.subplots(nrows, ncols, figsize=(layout.width, layout.height), **kwargs)
    fig.subplots_adjust(left=layout.left, right=layout.right, top=layout.top, bottom=layout.bottom)
    return fig, ax


def fit_plot_area(fig, layout: Layout) -> None:
    """Let the axes use the space between the title block and the source line, whatever their tick labels need."""
    title = layout.title_size / 72 / layout.height
    subtitle = layout.base_size / 72 / layout.height
    top = 0.985 - title * 1.45 - subtitle - 0.015
    bottom = 2.6 * layout.source_size / 72 / layout.height + 0.012
    with warnings.catch_warnings():
        # Two stacked axes with a fixed gap make tight_layout warn although it lays them out correctly.
        warnings.filterwarnings("ignore", message="This figure includes Axes that are not compatible")
        fig.tight_layout(rect=(0.005, bottom, 0.995, top))


def frame(fig, layout: Layout, title: str, subtitle: str | None, source: str) -> None:
    """Title block at the top left and the source line at the bottom left, inside the image."""
    fig.text(0.012, 0.985, title, ha="left", va="top", fontsize=layout.title_size,
             color=COLOURS["text"])
    if subtitle:
        fig.text(0.012, 0.985 - layout.title_size / 72 / layout.height * 1.45, subtitle, ha="left", va="top",
                 fontsize=layout.base_size, color=COLOURS["muted"])
    fig.text(0.012, 0.012, source, ha="left", va="bottom", fontsize=layout.source_size, color=COLOURS["muted"],
             wrap=True)


# ---------------------------------------------------------------- numbers as people read them
_EN_SCALES = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
_ZH_SCALES = [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]


def _trim(x: float, lang: str = "en") -> str:
    text = f"{x:,.2f}" if lang == "en" else f"{x:.2f}"
    return text.rstrip("0").rstrip(".")


def short_number(value: float, lang: str = "en") -> str:
    """175B / 1750亿, 26K / 2.6万, 1.6T / 1.6万亿: compact, in the reader's own units."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    scales = _ZH_SCALES if lang == "zh" else _EN_SCALES
    for size, suffix in scales:
        if abs(value) >= size:
            return f"{_trim(value / size, lang)}{suffix}"
    return _trim(value, lang)


def thousands(value: float, lang: str = "en") -> str:
    """Whole numbers with thousands separators (the same in both languages)."""
    return f"{value:,.0f}"


def log_axis(axis, lang: str = "en", minor: bool = False) -> None:
    """A base-10 log axis labelled 100M, 1B ... or 1亿, 10亿 ... instead of 10^8."""
    axis.set_major_locator(LogLocator(base=10, numticks=20))
    axis.set_major_formatter(FuncFormatter(lambda v, _: short_number(v, lang)))
    axis.set_minor_formatter(NullFormatter())
    if not minor:
        axis.set_minor_locator(LogLocator(base=10, subs=(), numticks=20))


def count_axis(axis, lang: str = "en") -> None:
    """A linear axis with thousands separators."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: thousands(v, lang)))


_SEVERAL_EN = {1e3: "thousands", 1e4: "tens of thousands", 1e5: "hundreds of thousands", 1e6: "millions",
               1e7: "tens of millions", 1e8: "hundreds of millions", 1e9: "billions", 1e10: "tens of billions"}
_HEDGE_EN = {"more_than": "more than {}", "at_least": "at least {}", "about": "about {}", "nearly": "nearly {}",
             "up_to": "up to {}", "less_than": "less than {}", "at_most": "at most {}", "order": "{} class"}


def printed_figure(value: float, qualifier: str | None, lang: str, anchor: str | None = None,
                   compact: bool = False) -> str:
    """A hedged figure for a label: the figure as printed in Chinese charts, its English reading in English ones."""
    if lang == "zh" and anchor:
        return anchor
    number = short_number(value, lang) if compact else thousands(value, lang)
    if qualifier == "several":
        return _SEVERAL_EN.get(float(value), f"several × {number}")
    return _HEDGE_EN.get(qualifier or "", "{}").format(number)
