"""Presenter exports: every chart in either language, report and slide layouts, with its data, alt text and citation.

``python -m hundred_models figures --lang zh --slides --out exports/`` writes, for each chart,

* ``<name>[.zh].png|svg|pdf``: the report layout (PNG at 300 dpi by default);
* ``<name>[.zh].slide.png|svg|pdf``: a 16:9 slide (13.33 x 7.5 in) with larger type, source line kept;
* ``<name>.csv``: exactly the rows plotted (the same for both languages);
* ``<name>[.zh].alt.txt`` and ``<name>[.zh].citation.txt``: alt text and a line to paste under the chart.

Every file is written whole (temporary file, then rename) and the same inputs give the same bytes.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..data.files import atomic_write
from ..report.charts.registry import chart_names, get_chart
from ..report.charts.freshness import is_current, stem
from ..report.params import Params, validate
from .workers import parallel_map


#: File formats and resolution of the presenter exports (the notebooks and the site use PNG and SVG at 200 dpi).
PRESENTER_FORMATS = ("png", "svg", "pdf")
PRESENTER_DPI = 300


def data_csv(frame) -> str:
    """The plotted rows as CSV with plain numbers (no exponent), so spreadsheets read them as printed."""
    import pandas as pd

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        cells = []
        for v in row:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                cells.append("")
            elif isinstance(v, float):
                cells.append(f"{v:.10g}" if abs(v) < 1e15 else f"{v:.0f}")
            elif isinstance(v, pd.Timestamp):
                cells.append(v.strftime("%Y-%m-%d"))
            else:
                cells.append(str(v))
        writer.writerow(cells)
    return buf.getvalue()


def export_chart(name: str, p: Params, out: Path, slides: bool, formats, dpi: int) -> list[Path]:
    from ..report.charts.render import draw_and_save, source_line

    chart = get_chart(name)
    written, data, alt = draw_and_save(name, p, out, formats, dpi, slides)
    csv_path = out / f"{name}.csv"
    atomic_write(csv_path, data_csv(data))
    alt_path = out / f"{stem(name, p.lang)}.alt.txt"
    atomic_write(alt_path, alt + "\n")
    cite_path = out / f"{stem(name, p.lang)}.citation.txt"
    atomic_write(cite_path, f"{chart.citation(p.lang)} {source_line(chart, data, p)}\n")
    return written + [csv_path, alt_path, cite_path]


def _export_task(task) -> list[str]:
    name, values, out, slides, formats, dpi = task
    p = validate(values)
    return [str(w) for w in export_chart(name, p, out, slides, formats, dpi)]


def export_all(out: Path, langs=("en",), slides: bool = False, formats=PRESENTER_FORMATS, dpi: int = PRESENTER_DPI,
               names: list[str] | None = None, jobs: int | None = None, **params) -> list[Path]:
    """Export the named charts (default: all) in each language, in parallel; returns every file written.

    Report-layout exports are marked with what they were drawn from, so a chart already exported from the
    same code, tables and parameters is not drawn again (the site build relies on this).
    """
    names = names or chart_names()
    unknown = [n for n in names if n not in chart_names()]
    if unknown:
        raise ValueError(f"unknown chart {unknown[0]!r}; choose from {', '.join(chart_names())}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tasks = []
    for lang in langs:
        values = {**params, "lang": lang}
        p = validate(values)
        tasks += [(name, values, out, slides, tuple(formats), dpi) for name in names
                  if slides or not is_current(out, name, p, dpi, formats)]
    results = parallel_map(_export_task, tasks, jobs, processes=True)
    return [Path(path) for written in results for path in written]
