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
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import style
from .figures import (CHARTS, PRESENTER_DPI, PRESENTER_FORMATS, _load_registry, export_key, inputs_checksum, is_current,
                      mark_current, render, save, source_line)
from .params import Params, validate


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def data_csv(frame: pd.DataFrame) -> str:
    """The plotted rows as CSV with plain numbers (no exponent), so spreadsheets read them as printed."""
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


def stem(name: str, lang: str, slide: bool = False) -> str:
    return name + ("" if lang == "en" else f".{lang}") + (".slide" if slide else "")


def alt_text(name: str, lang: str) -> str:
    chart = CHARTS[name]
    if lang == "zh":
        return f"{chart.title['zh']}。{chart.alt}"
    return chart.alt


def export_chart(name: str, p: Params, out: Path, slides: bool, formats, dpi: int) -> list[Path]:
    written: list[Path] = []
    layouts = [(style.REPORT, False)] + ([(style.SLIDE, True)] if slides else [])
    data = None
    for layout, is_slide in layouts:
        fig, data = render(name, p, layout)
        written += save(fig, stem(name, p.lang, is_slide), out, formats, dpi)
        plt.close(fig)
    csv_path = out / f"{name}.csv"
    _write_text(csv_path, data_csv(data))
    alt_path = out / f"{stem(name, p.lang)}.alt.txt"
    _write_text(alt_path, alt_text(name, p.lang) + "\n")
    cite_path = out / f"{stem(name, p.lang)}.citation.txt"
    chart = CHARTS[name]
    _write_text(cite_path, f"{chart.citation(p.lang)} {source_line(chart, data, p)}\n")
    return written + [csv_path, alt_path, cite_path]


def _export_task(task) -> list[str]:
    name, values, out, slides, formats, dpi, inputs = task
    p = validate(values)
    if not slides and is_current(out, stem(name, p.lang), export_key(name, p, dpi, inputs), formats):
        return []
    written = export_chart(name, p, out, slides, formats, dpi)
    if not slides:
        mark_current(out, stem(name, p.lang), export_key(name, p, dpi, inputs))
    return [str(w) for w in written]


def export_all(out: Path, langs=("en",), slides: bool = False, formats=PRESENTER_FORMATS, dpi: int = PRESENTER_DPI,
               names: list[str] | None = None, jobs: int | None = None, **params) -> list[Path]:
    """Export the named charts (default: all) in each language, in parallel; returns every file written.

    Report-layout exports are marked with their inputs, so a chart already exported from the same
    data, code and parameters is not drawn again (the site build relies on this).
    """
    _load_registry()
    names = names or list(CHARTS)
    unknown = [n for n in names if n not in CHARTS]
    if unknown:
        raise ValueError(f"unknown chart {unknown[0]!r}; choose from {', '.join(CHARTS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tasks = []
    for lang in langs:
        values = {**params, "lang": lang}
        p = validate(values)
        inputs = inputs_checksum(p.data_dir)
        tasks += [(name, values, out, slides, tuple(formats), dpi, inputs) for name in names
                  if slides or not is_current(out, stem(name, lang), export_key(name, p, dpi, inputs), formats)]
    if not tasks:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    if jobs == 1:
        results = [_export_task(t) for t in tasks]
    else:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = pool.map(_export_task, tasks, chunksize=1)
    return [Path(path) for written in results for path in written]
