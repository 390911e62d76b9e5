"""Every chart of the report in one registry, drawn and exported one way.

A chart is data (a tidy table of exactly what is plotted) plus a drawing. Notebooks show
charts with :func:`show`; the ``figures`` command exports all of them with
:func:`export_all`; the book's gallery lists them from :data:`CHARTS`. Titles, captions, alt
text and source lines live here once, so the notebook, the gallery and a slide cannot
disagree.

Exports are byte-identical from run to run: PNG without the Software tag, SVG with a fixed
hash salt and no date, PDF without a creation date, fonts drawn as paths.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import matplotlib.pyplot as plt
import pandas as pd

from . import style
from .epoch import EPOCH_CREDIT
from .load import load
from .params import Params

REPORT_TITLE = {"en": "The Hundred-Model War", "zh": "百模大战"}
EPOCH_CREDIT_ZH = "数据：Epoch AI (epoch.ai)，CC BY 4.0"
#: File formats and resolutions of the two kinds of export.
NOTEBOOK_FORMATS = ("png", "svg")
PRESENTER_FORMATS = ("png", "svg", "pdf")
NOTEBOOK_DPI, PRESENTER_DPI = 200, 300


@dataclass(frozen=True)
class Chart:
    """One chart: its stable name, what it shows, how to get its data and how to draw it."""

    name: str
    notebook: str
    title: dict[str, str]
    caption: str
    alt: str
    data: Callable[[Params], pd.DataFrame]
    draw: Callable[..., "plt.Figure"]
    uses_epoch: bool = False
    article_sources: bool = True
    extra_sources: dict[str, str] = field(default_factory=dict)

    def citation(self, lang: str = "en") -> str:
        """A line to paste under the chart on a slide or in a paper."""
        if lang == "zh":
            return f"图：{self.title['zh']}。出自《百模大战》开放研究报告（The Hundred-Model War），图 {self.name}。"
        return f"Figure: {self.title['en']}. The Hundred-Model War (百模大战), open research report, figure {self.name}."


CHARTS: dict[str, Chart] = {}


def register(chart: Chart) -> Chart:
    if chart.name in CHARTS:
        raise ValueError(f"chart {chart.name!r} registered twice")
    CHARTS[chart.name] = chart
    return chart


def _load_registry() -> None:
    from . import charts  # noqa: F401 - importing registers every chart


def source_line(chart: Chart, data: pd.DataFrame, p: Params) -> str:
    """The articles the plotted rows come from (by outlet), and Epoch AI's credit where used."""
    parts = []
    if chart.article_sources and "source_ids" in data:
        sources = load("sources", p.data_dir).set_index("source_id")
        ids = sorted({s for ss in data["source_ids"].dropna() for s in str(ss).split("|") if s})
        col = "outlet_short_zh" if p.lang == "zh" else "outlet_short_en"
        names = [f"{sources.loc[i, col]} ({i[:3]})" for i in ids]
        if names:
            parts.append(("来源：" + "、".join(names)) if p.lang == "zh" else ("Sources: " + "; ".join(names)))
    extra = chart.extra_sources.get(p.lang)
    if extra:
        parts.append(extra)
    if chart.uses_epoch:
        parts.append(EPOCH_CREDIT_ZH if p.lang == "zh" else EPOCH_CREDIT)
    sep = "；" if p.lang == "zh" else ". "
    tail = f"{REPORT_TITLE[p.lang]}" + ("（图 " + chart.name + "）" if p.lang == "zh" else f" (figure {chart.name})")
    return sep.join(parts + [tail])


def render(name: str, p: Params, layout: style.Layout = style.REPORT):
    """Draw one chart; returns the figure and the exact data plotted."""
    _load_registry()
    chart = CHARTS[name]
    data = chart.data(p)
    with style.house_style(layout), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing")
        fig, subtitle = chart.draw(data, p, layout)
        style.fit_plot_area(fig, layout)
        style.frame(fig, layout, chart.title[p.lang], subtitle, source_line(chart, data, p))
    # Tick labels are laid out when the figure is drawn, so saving must see the same style.
    fig.hmw_layout = layout
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
            target = out_dir / f"{stem}.{fmt}"
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_bytes(buf.getvalue())
            tmp.replace(target)
            written.append(target)
    return written


def inputs_checksum(data_dir: Path) -> str:
    """Everything a chart depends on: the clean data, the package's code and the pinned requirements."""
    from . import paths
    from .load import data_checksum

    digest = hashlib.sha256(data_checksum(data_dir).encode())
    for path in sorted(Path(__file__).parent.rglob("*.py")) + [paths.PROJECT_ROOT / "requirements.txt"]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def export_key(name: str, p: Params, dpi: int, inputs: str | None = None) -> str:
    """Identifies one exported chart: its inputs, its parameters and its resolution."""
    inputs = inputs or inputs_checksum(p.data_dir)
    return hashlib.sha256(f"{inputs}|{name}|{p.lang}|{p.start_year}|{p.end_year}|{dpi}".encode()).hexdigest()


def _key_file(out_dir: Path, stem: str) -> Path:
    return Path(out_dir) / f".{stem}.key"


def is_current(out_dir: Path, stem: str, key: str, formats=NOTEBOOK_FORMATS) -> bool:
    marker = _key_file(out_dir, stem)
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == key \
        and all((Path(out_dir) / f"{stem}.{fmt}").is_file() for fmt in formats)


def mark_current(out_dir: Path, stem: str, key: str) -> None:
    _key_file(out_dir, stem).write_text(key + "\n", encoding="utf-8")


def show(name: str, p: Params) -> None:
    """Draw a chart for a notebook, export it to ``p.fig_dir`` (PNG and SVG) and display the exported PNG.

    Displaying the exported file (rather than letting the inline backend redraw the figure
    outside the house style) means the notebook, the book and a slide show the same pixels.
    When the files in ``fig_dir`` were made from exactly the same inputs and parameters (the
    site build exports every chart first), they are shown without drawing the chart again.
    """
    from IPython.display import Image, display

    stem = f"{name}" + ("" if p.lang == "en" else f".{p.lang}")
    key = export_key(name, p, NOTEBOOK_DPI)
    if not is_current(p.fig_dir, stem, key):
        fig, _ = render(name, p)
        save(fig, stem, p.fig_dir)
        plt.close(fig)
        mark_current(p.fig_dir, stem, key)
    png = Path(p.fig_dir) / f"{stem}.png"
    display(Image(data=png.read_bytes(), format="png", width=int(style.REPORT.width * 100)))


def chart_data(name: str, p: Params) -> pd.DataFrame:
    """Exactly the data a chart plots, for tables beside it and for its CSV export."""
    _load_registry()
    return CHARTS[name].data(p)


def chart_names(notebook: str | None = None) -> list[str]:
    _load_registry()
    return [n for n, c in CHARTS.items() if notebook is None or c.notebook == notebook]

