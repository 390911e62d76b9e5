"""Draw a chart in the house style, save it with deterministic bytes, and show it in a notebook.

A chart is data (a tidy table of exactly what is plotted) plus a drawing (:mod:`.chart`).
Notebooks show charts with :func:`show`; the site's exports call :func:`render` and
:func:`save`; titles, captions, alt text and source lines live in the chart modules once, so the
notebook, the gallery and a slide cannot disagree.

Saved files are byte-identical from run to run: PNG without the Software tag, SVG with a fixed
hash salt and no date, PDF without a creation date, fonts drawn as paths. Each saved chart has a
marker holding a key over what it was drawn from (its module's code and imports, the clean tables
it read, its parameters and resolution), and a second key over what its drawing used (the same code
and parameters, the rows plotted, the tables read while drawing them): it is drawn again when both
changed (see :mod:`.freshness`).
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd

from ...data.epoch import EPOCH_ACCESSED, EPOCH_DATASET
from ...data.files import atomic_write
from .. import style
from ..load import count_as_read, load, recording_reads
from ..params import Params
from .chart import Chart
from .common import human_date, nothing_to_draw
from .freshness import (NOTEBOOK_DPI, NOTEBOOK_FORMATS, mark_current, plotted_digest, same_drawing, saved_drawing,
                        saved_record, stem)
from .registry import get_chart

REPORT_TITLE = {"en": "The Hundred-Model War", "zh": "百模大战"}
#: Titles longer than this are cut at their first colon or question mark for a source line (the full title is in the
#: source register and the chart's citation file).
_SHORT_TITLE = 50
def short_title(title: str) -> str:
    """A long title cut at its first colon or question mark: enough for a reader to find the article."""
    if len(title) <= _SHORT_TITLE:
        return title
    cut = min((i for i in (title.find(":"), title.find("?"), title.find("："), title.find("？")) if i > 0), default=-1)
    return title[:cut].rstrip() if cut > 0 else title


def article_reference(source: dict, lang: str) -> str:
    """The publication, the article's (short) title or 'untitled', and its date, as a reader can look them up."""
    inferred = str(source.get("date_inferred")).lower() == "true"
    date = human_date(source["published"], lang, approximate=inferred)
    if lang == "zh":
        title = source.get("title_zh")
        named = f"《{title}》" if isinstance(title, str) and title else "，无标题文章"
        return f"{source['outlet_short_zh']}{named}，{date}"
    title = source.get("title_en")
    named = f"\"{short_title(title)}\"" if isinstance(title, str) and title and not title.startswith("[") else "untitled article"
    return f"{source['outlet_short_en']}, {named}, {date}"


def epoch_reference(lang: str) -> str:
    """Epoch AI's credit line with the dataset's name and the date our copy was taken."""
    accessed = human_date(EPOCH_ACCESSED, lang)
    if lang == "zh":
        return f"数据：Epoch AI重要AI模型数据集（epoch.ai，{accessed}获取），CC BY 4.0"
    return f"Data: Epoch AI, \"{EPOCH_DATASET}\" (epoch.ai, accessed {accessed}), CC BY 4.0"


def source_ids(data: pd.DataFrame) -> list[str]:
    """The articles the plotted rows rest on, in register order."""
    if "source_ids" not in data:
        return []
    return sorted({s for ss in data["source_ids"].dropna() for s in str(ss).split("|") if s})


def source_line(chart: Chart, data: pd.DataFrame, p: Params) -> str:
    """The articles the plotted rows come from (publication, title, date), other sources, Epoch AI's dataset, the figure."""
    zh = p.lang == "zh"
    parts = []
    if chart.article_sources:
        sources = load("sources", p.data_dir).set_index("source_id")
        refs = [article_reference({"source_id": i, **sources.loc[i].to_dict()}, p.lang) for i in source_ids(data)]
        if refs:
            parts.append(("来源：" + "；".join(refs)) if zh else ("Sources: " + "; ".join(refs)))
    if chart.data_sources is not None and chart.data_sources(data, p):
        parts.append(chart.data_sources(data, p))
    extra = chart.extra_sources(data, p) if callable(chart.extra_sources) else chart.extra_sources.get(p.lang)
    if extra:
        parts.append(extra)
    if chart.uses_epoch:
        parts.append(epoch_reference(p.lang))
    # a no-break space keeps the figure's id on the line of the word before it
    tail = f"图：{REPORT_TITLE['zh']}（图\u00a0{chart.name}）" if zh else f"Chart: {REPORT_TITLE['en']} (figure\u00a0{chart.name})"
    return ("。" if zh else ". ").join(parts + [tail]) + ("" if zh else ".")


def _drawn(result) -> tuple:
    """A chart's draw returns (figure, subtitle) or (figure, subtitle, note)."""
    fig, subtitle, *rest = result
    return fig, subtitle, (rest[0] if rest else None)


def render(name: str, p: Params, layout: style.Layout = style.REPORT):
    """Draw one chart; returns the figure and the exact data plotted."""
    chart = get_chart(name)
    with recording_reads() as tables:
        data = chart.data(p)
        with recording_reads() as drawing_tables, style.house_style(layout), warnings.catch_warnings():
            warnings.filterwarnings("error", message=r"Glyph .* missing")
            # a window that holds none of the chart's rows gets its frame and a note, not an error deep in matplotlib
            drawn = nothing_to_draw(p, layout) if data.empty else chart.draw(data, p, layout)
            fig, subtitle, note = _drawn(drawn)
            if note:
                note = (f"注：{note}" if p.lang == "zh" else f"Note: {note}")
            rect = style.frame(fig, layout, chart.title[p.lang], subtitle, source_line(chart, data, p), note)
            style.fit_plot_area(fig, rect)
            style.finish_layout(fig)
    # Tick labels are laid out when the figure is drawn, so saving must see the same style.
    fig.hmw_layout = layout
    fig.hmw_tables = sorted(tables)
    fig.hmw_drawing_tables = sorted(drawing_tables)  # read while drawing the data (see freshness.drawing_key)
    return fig, data


def _palette_png(fig, dpi: int) -> io.BytesIO:
    """The figure as a PNG with a 256-colour palette: about a third of the size, no visible change for flat charts.

    Drawn straight from the Agg canvas, so the image is encoded once rather than saved, read back and saved again.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    palette = rgba.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", dpi=(dpi, dpi))
    return out


def save(fig, stem: str, out_dir: Path, formats=NOTEBOOK_FORMATS, dpi: int = NOTEBOOK_DPI) -> list[Path]:
    """Write a figure in each format with deterministic bytes; each file appears whole or not at all."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}, "pdf": {"CreationDate": None,
                                                                                         "Creator": None, "Producer": None}}
    with style.house_style(getattr(fig, "hmw_layout", style.REPORT)), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing")
        for fmt in formats:
            if fmt == "png":
                buf = _palette_png(fig, dpi)
            else:
                buf = io.BytesIO()
                fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata[fmt])
            written.append(atomic_write(out_dir / f"{stem}.{fmt}", buf.getvalue()))
    return written


def show(name: str, p: Params) -> None:
    """Draw a chart for a notebook, export it to ``p.fig_dir`` (PNG and SVG) and display the exported PNG.

    Displaying the exported file (rather than letting the inline backend redraw the figure
    outside the house style) means the notebook, the book and a slide show the same pixels.
    When the files in ``fig_dir`` were made from exactly the same inputs and parameters (the
    site build exports every chart first), they are shown without drawing the chart again (or importing
    matplotlib), and the tables they were drawn from count as read by the page.
    """
    from IPython.display import Image, display

    record = saved_record(p.fig_dir, name, p, NOTEBOOK_DPI)
    if record is None:
        draw_and_save(name, p)
    else:
        _depend_on_saved(name, record)
    png = Path(p.fig_dir) / f"{stem(name, p.lang)}.png"
    # Shown at the width the report layout is designed for (the book's content width): see style.REPORT.
    display(Image(data=png.read_bytes(), format="png", width=int(style.REPORT.display_px)))


def _depend_on_saved(name: str, record: dict) -> None:
    """A page that uses a chart's saved files depends on what drawing it would have used: the tables it was drawn
    from, and the module that draws it (imported here, without matplotlib, so the page's recorded modules name it)."""
    count_as_read(record["tables"])
    get_chart(name)


def draw_and_save(name: str, p: Params, out_dir: Path | None = None, formats=NOTEBOOK_FORMATS, dpi: int = NOTEBOOK_DPI,
                  slides: bool = False) -> tuple[list[Path], pd.DataFrame, str]:
    """Draw the chart in the report layout (and as a slide), save every format and, for the report layout alone,
    mark the drawing as current with its alt text and caption; returns the files written, the data plotted and the
    alt text (which the presenter exports write beside the files, so it is worked out once)."""
    chart = get_chart(name)
    out_dir = Path(out_dir or p.fig_dir)
    if not slides:
        kept = _keep_same_drawing(name, p, out_dir, formats, dpi)
        if kept is not None:
            return [], *kept
    import matplotlib.pyplot as plt

    written: list[Path] = []
    tables: set[str] = set()
    data = None
    for layout in (style.REPORT, style.SLIDE) if slides else (style.REPORT,):
        fig, data = render(name, p, layout)
        tables.update(fig.hmw_tables)
        written += save(fig, stem(name, p.lang, slide=layout.slide), out_dir, formats, dpi)
        plt.close(fig)
    alt = chart.alt_text(data, p.lang)
    if not slides:
        mark_current(out_dir, name, p, dpi, tables, alt, chart.caption, plotted_digest(data), fig.hmw_drawing_tables)
    return written, data, alt


def _keep_same_drawing(name: str, p: Params, out_dir: Path, formats, dpi: int) -> tuple[pd.DataFrame, str] | None:
    """When the saved drawing plots exactly the rows the chart's data now gives, from the same code and tables, mark it
    current as it stands (its files untouched) and return (data, alt text); else None.

    Working out a chart's data costs little beside drawing and saving it, and a changed table often leaves it as it was.
    """
    record = saved_drawing(out_dir, name, p, formats)
    if record is None:
        return None
    chart = get_chart(name)
    with recording_reads() as data_tables:
        data = chart.data(p)
    plotted = plotted_digest(data)
    if not same_drawing(record, name, p, dpi, plotted):
        return None
    drawing_tables = record["drawing"]["tables"]
    alt = chart.alt_text(data, p.lang)
    mark_current(out_dir, name, p, dpi, data_tables | set(drawing_tables), alt, chart.caption, plotted, drawing_tables)
    return data, alt


def alt_text(name: str, p: Params) -> str:
    """The chart's alt text for these parameters: the one saved with its current drawing in ``p.fig_dir`` (whose tables
    then count as read), else computed from its data."""
    record = saved_record(p.fig_dir, name, p, NOTEBOOK_DPI)
    if record is not None:
        _depend_on_saved(name, record)
        return record["alt"]
    chart = get_chart(name)
    return chart.alt_text(chart.data(p), p.lang)


def chart_data(name: str, p: Params) -> pd.DataFrame:
    """Exactly the data a chart plots, for tables beside it and for its CSV export."""
    return get_chart(name).data(p)
