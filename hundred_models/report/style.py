"""The house style: one palette, one font, one frame for every chart, in English or Chinese.

Why here and not in the notebooks: a chart pasted on a slide must look like every other
chart of the report, carry its own title and source line, and render Chinese without tofu
on a machine with no system fonts. The font is the Noto Sans CJK SC file that the
``mplfonts`` wheel ships (installed from requirements.txt, no root needed); it covers Latin
as well, so both languages use the same face.
"""
from __future__ import annotations

import math
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# matplotlib is imported where a chart is drawn, not here: a page that shows saved charts and formats numbers with this
# module does not pay for it (about a second of every kernel's start).

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


#: Width of the book's content column in CSS pixels: a report chart is seen at this width on the site and in the
#: notebooks (render.show displays it at this width), so its type is designed for it.
WEB_CONTENT_PX = 720
#: The smallest text a reader is given: on the web, in CSS pixels at the content width; on a slide, in points.
MIN_WEB_PX = 12.0
MIN_SLIDE_PT = 18.0


@dataclass(frozen=True)
class Layout:
    """Size and type scale of one output: the report's figures or a 16:9 slide.

    Every text size a chart uses comes from here, so one test can hold each output to its smallest legible size:
    ``label_size`` and ``source_size`` are the smallest sizes a chart may use, and they are chosen so that a report
    chart shown at ``display_px`` (the page's content width) has no text below ``MIN_WEB_PX`` and a slide has none below
    ``MIN_SLIDE_PT``.
    """

    name: str
    width: float
    height: float
    title_size: float
    subtitle_size: float
    #: Axis labels and other primary text.
    base_size: float
    tick_size: float
    legend_size: float
    #: Labels on points and bars, annotations: the smallest text in a chart body.
    label_size: float
    #: The source and note lines under the chart.
    source_size: float
    #: Width in CSS pixels the image is shown at (None: printed or projected at its own size, so points are points).
    display_px: float | None = None
    #: A slide: fewer secondary labels, readable from the back of a room.
    slide: bool = False

    def px(self, points: float, figure_width: float | None = None) -> float:
        """Height in CSS pixels of text of ``points`` when the figure is shown at ``display_px`` (else at 96 dpi)."""
        shown = self.display_px or (figure_width or self.width) * 96
        return points / 72 * shown / (figure_width or self.width)

    @property
    def min_size(self) -> float:
        """The smallest font size in points this output allows."""
        if self.display_px:
            return MIN_WEB_PX * 72 * self.width / self.display_px
        return MIN_SLIDE_PT


#: The report layout is designed at the page's content width: 7.2 in shown at 720 px, so 1 pt is 1.39 px and the
#: smallest text (9 pt) is 12.5 px. Exports at 300 dpi are 2160 px wide, enough for print at that width.
REPORT = Layout("report", 7.2, 4.8, title_size=15.0, subtitle_size=10.5, base_size=10.0, tick_size=9.5,
                legend_size=9.5, label_size=9.0, source_size=9.0, display_px=WEB_CONTENT_PX)
#: A 16:9 slide at its real size (13.33 x 7.5 in): nothing below 18 pt.
SLIDE = Layout("slide", 13.333, 7.5, title_size=30.0, subtitle_size=21.0, base_size=21.0, tick_size=19.0,
               legend_size=19.0, label_size=18.0, source_size=18.0, slide=True)
LAYOUTS = {"report": REPORT, "slide": SLIDE}


def bundled_font_path() -> Path:
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"


_registered = False


def register_font() -> None:
    """Make the bundled Noto Sans CJK SC the only font of that name matplotlib knows (once per process)."""
    global _registered
    if _registered:
        return
    import matplotlib.font_manager as font_manager

    path = bundled_font_path()
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: install the pinned requirements (mplfonts ships the CJK font)")
    manager = font_manager.fontManager
    # Debian's fonts-noto-cjk also calls itself "Noto Sans CJK SC"; matplotlib breaks the tie by the order of its font
    # cache, so the same chart would be drawn with another file on a machine where that package is installed. Only the
    # bundled file may answer to the name: the figures then come out byte-identical on every machine.
    manager.ttflist[:] = [entry for entry in manager.ttflist if entry.name != FONT_FAMILY]
    manager.addfont(str(path))  # also empties findfont's cache
    chosen = Path(manager.findfont(font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False))
    if chosen.resolve() != path.resolve():
        raise RuntimeError(f"matplotlib resolves {FONT_FAMILY!r} to {chosen}, not the bundled {path}: "
                           "the house style's font pinning no longer applies to this matplotlib")
    _registered = True


def rc_params(layout: Layout = REPORT) -> dict:
    """rcParams of the house style; also what makes SVG and PDF output byte-identical across runs."""
    import matplotlib

    return {
        # Listed by name, not as "sans-serif", so a glyph the CJK font lacks (superscript digits) falls back to DejaVu Sans.
        "font.family": [FONT_FAMILY, "DejaVu Sans"],
        "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
        "font.size": layout.base_size,
        "axes.titlesize": layout.base_size,
        "axes.labelsize": layout.base_size,
        "axes.edgecolor": "#444444",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "xtick.labelsize": layout.tick_size,
        "ytick.labelsize": layout.tick_size,
        "legend.fontsize": layout.legend_size,
        "legend.title_fontsize": layout.legend_size,
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
    import matplotlib.pyplot as plt

    register_font()
    with plt.rc_context(rc_params(layout)):
        yield


def new_figure(layout: Layout = REPORT, nrows: int = 1, ncols: int = 1, report_height: float | None = None, **kwargs):
    """Figure and axes of the layout's size; ``report_height`` gives a report chart more height (a slide stays 16:9).

    Gaps between panels are left to the layout, which sizes them for the titles and tick labels in between: a
    gridspec with its own ``hspace`` or ``wspace`` is one tight_layout refuses to arrange, so those are dropped.
    """
    import matplotlib.pyplot as plt

    height = layout.height if layout.slide or report_height is None else report_height
    grid = {k: v for k, v in kwargs.pop("gridspec_kw", {}).items() if k not in ("hspace", "wspace")}
    fig, ax = plt.subplots(nrows, ncols, figsize=(layout.width, height), gridspec_kw=grid, **kwargs)
    return fig, ax


#: Margin around the title block and the source lines, in points.
_EDGE_PT = 6.0
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
#: Characters a line must not start with (closing punctuation), and must not end with (opening punctuation).
_NO_START = set("，。；：、！？）》」』”’,.;:!?)]%…")
_NO_END = set("（《「『“‘([")


def _tokens(text: str) -> list[str]:
    """Units a line may break between: Latin words with their trailing space, single CJK characters."""
    out: list[str] = []
    for piece in re.findall(r"[^ ]+ *| +", text):  # only a plain space breaks a line; a no-break space holds
        buf = ""
        for ch in piece:
            if _CJK.match(ch):
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(ch)
            else:
                buf += ch
        if buf:
            out.append(buf)
    merged: list[str] = []
    for tok in out:  # keep closing punctuation on the line before it, opening punctuation with what follows
        if merged and (tok[0] in _NO_START or merged[-1][-1] in _NO_END):
            merged[-1] += tok
        else:
            merged.append(tok)
    return merged


def text_width(fig, text: str, size: float) -> float:
    """Width in inches of ``text`` set at ``size`` points in the house font."""
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    prop = FontProperties(family=plt.rcParams["font.sans-serif"], size=size)
    width, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return width / fig.dpi


def wrap(fig, text: str, size: float, width: float) -> str:
    """``text`` broken into lines no wider than ``width`` inches at ``size`` points, between words or CJK characters.

    Each line takes as many tokens as fit (and at least one). A line's width grows with every token added, so the
    break is found by bisection: a handful of measurements a line rather than one a token (measuring text is most of
    the time a chart takes to lay out, and a Chinese line has a token a character).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens = _tokens(paragraph)
        start = 0
        while start < len(tokens):
            first = tokens[start].lstrip() if start else tokens[start]  # a line after a break starts at a word

            def fits(end: int) -> bool:
                return text_width(fig, (first + "".join(tokens[start + 1:end])).rstrip(), size) <= width

            low, high = start + 1, len(tokens)  # the line holds tokens[start:low] at least; does it hold them all?
            if high > low and not fits(high):
                high -= 1
                while low < high:  # the longest line that fits ends in (low, high]; tokens[start:high + 1] does not fit
                    middle = (low + high + 1) // 2
                    if fits(middle):
                        low = middle
                    else:
                        high = middle - 1
            lines.append((first + "".join(tokens[start + 1:high])).rstrip())
            start = high
        if not tokens:
            lines.append("")
    return "\n".join(lines)


def frame(fig, layout: Layout, title: str, subtitle: str | None, source: str, note: str | None = None) -> tuple[float, float]:
    """Title block at the top left, note and source lines at the bottom left, each wrapped to stay inside the image.

    Returns the bottom and top of the space left between them for the plot, as fractions of the figure height.
    """
    width, height = fig.get_size_inches()
    edge = _EDGE_PT / 72
    room = width - 2 * edge
    renderer = fig.canvas.get_renderer()
    y = 1 - edge / height
    title_text = fig.text(edge / width, y, wrap(fig, title, layout.title_size, room), ha="left", va="top",
                          fontsize=layout.title_size, color=COLOURS["text"], linespacing=1.15)
    top = title_text.get_window_extent(renderer).y0 / fig.dpi
    if subtitle:
        sub = fig.text(edge / width, top / height - 0.25 * layout.subtitle_size / 72 / height,
                       wrap(fig, subtitle, layout.subtitle_size, room), ha="left", va="top",
                       fontsize=layout.subtitle_size, color=COLOURS["muted"], linespacing=1.2)
        top = sub.get_window_extent(renderer).y0 / fig.dpi
    source_text = fig.text(edge / width, edge / height, wrap(fig, source, layout.source_size, room), ha="left",
                           va="bottom", fontsize=layout.source_size, color=COLOURS["muted"], linespacing=1.2)
    bottom = source_text.get_window_extent(renderer).y1 / fig.dpi
    if note:
        note_text = fig.text(edge / width, bottom / height + 0.3 * layout.source_size / 72 / height,
                             wrap(fig, note, layout.source_size, room), ha="left", va="bottom",
                             fontsize=layout.source_size, color=COLOURS["text"], linespacing=1.2)
        bottom = note_text.get_window_extent(renderer).y1 / fig.dpi
    spec = getattr(fig, "hmw_key", None)
    if spec:  # a key across the image, above the note and source lines, each entry wrapped to its column
        handles, labels, options = spec
        options = {"ncol": 3, "handlelength": 1.6, "columnspacing": 1.4, "handletextpad": 0.8, **options}
        em = layout.legend_size / 72
        column = room / options["ncol"] - em * (options["handlelength"] + options["handletextpad"] + options["columnspacing"])
        labels = [wrap(fig, t, layout.legend_size, column) for t in labels]
        key = fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, bottom / height + 0.4 * layout.base_size / 72 / height),
                         borderaxespad=0, **options)
        key.set_in_layout(False)
        bottom = key.get_window_extent(renderer).y1 / fig.dpi
    gap = 0.6 * layout.base_size / 72
    return (bottom + gap) / height, (top - gap) / height


def key_below(fig, handles, labels, **options) -> None:
    """A key (legend) across the foot of the image, above the note and source lines; the plot makes room for it."""
    fig.hmw_key = (handles, labels, options)


def fit_plot_area(fig, rect: tuple[float, float]) -> None:
    """Let the axes (with their tick labels and legends) use the space between the title block and the source lines."""
    bottom, top = rect
    with warnings.catch_warnings():
        # An axes tight_layout cannot arrange is an error, not a warning: it would leave labels cut off.
        warnings.filterwarnings("error", message="This figure includes Axes that are not compatible")
        warnings.filterwarnings("error", message="Tight layout not applied")
        # A legend placed below the axes moves with their height, so one pass leaves a gap: a few passes settle it.
        for _ in range(3):
            fig.tight_layout(rect=(0.004, bottom, 0.996, top), pad=0.2, h_pad=1.0)


def legend_below(ax, layout: Layout, handles=None, labels=None, xlabel: bool = True, **kwargs):
    """A legend under the axes, clear of its tick labels (and x label), whatever the axes' height.

    The gap is set in points, not as a fraction of the axes, so the layout pass that resizes the axes cannot push the
    legend into the tick labels or leave a hole under them. For side-by-side panels use :func:`key_below`.
    """
    from matplotlib.transforms import offset_copy

    gap = layout.tick_size * 1.6 + (layout.base_size * 1.45 if xlabel and ax.get_xlabel() else 0)
    anchor = offset_copy(ax.transAxes, fig=ax.figure, y=-gap, units="points")
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    options = {"loc": "upper center", "ncol": 2, "handlelength": 1.6, "columnspacing": 1.4, **kwargs}
    return ax.legend(handles, labels, bbox_to_anchor=(0.5, 0), bbox_transform=anchor, borderaxespad=0, **options)


def after_layout(fig, step) -> None:
    """Run ``step(fig)`` once the plot area has its final size (label placement needs the final geometry)."""
    steps = getattr(fig, "hmw_after_layout", None)
    if steps is None:
        steps = fig.hmw_after_layout = []
    steps.append(step)


def finish_layout(fig) -> None:
    for step in getattr(fig, "hmw_after_layout", ()):
        step(fig)
    fig.hmw_after_layout = []


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
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10, numticks=20))
    axis.set_major_formatter(FuncFormatter(lambda v, _: short_number(v, lang)))
    axis.set_minor_formatter(NullFormatter())
    if not minor:
        axis.set_minor_locator(LogLocator(base=10, subs=(), numticks=20))


def count_axis(axis, lang: str = "en", ticks: int = 4) -> None:
    """A linear axis of counts with a few round ticks: 50,000 in English, 5万 in Chinese (as the labels print them)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(ticks, steps=[1, 2, 2.5, 5, 10], integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _: short_number(v, lang) if lang == "zh" else thousands(v, lang)))


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def power_of_ten(value: float) -> str:
    """10¹⁵ for 1e15: how a reader writes a power of ten (not 1e15)."""
    return "10" + str(int(round(math.log10(value)))).translate(_SUPERSCRIPT)


def power_axis(axis, step: int = 1) -> None:
    """A base-10 log axis labelled 10¹⁵, 10¹⁷ ... every ``step`` powers."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10 ** step, numticks=30))
    axis.set_major_formatter(FuncFormatter(lambda v, _: power_of_ten(v) if v > 0 else ""))
    axis.set_minor_locator(LogLocator(base=10, subs=(), numticks=30))
    axis.set_minor_formatter(NullFormatter())


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
