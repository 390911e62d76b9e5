"""Is a saved chart current? Answered without drawing anything, or importing matplotlib.

Each saved chart has a marker holding a key over what it was drawn from: its module's code and
everything that imports, the clean tables it read (recorded while it was drawn), its parameters and
its resolution. The marker also keeps the chart's alt text for the data it was drawn from, so a page
or the Chinese mirror that needs the alt text of a current chart reads it rather than computing the
chart's data again. A no-change site build asks this for every chart, so it must be cheap.

A table holds more than one chart plots: a corrected claim changes the claims table that many charts
read, yet few of them plot that claim. So the marker also keeps a second key, over what the drawing
itself used: the same code, parameters and resolution, the exact rows plotted, and the tables read
while drawing them (for a source line, say). When the first key no longer matches but the second
still does, the saved files are what drawing again would give, byte for byte, and are kept.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...data.files import atomic_write, sha256_bytes
from ..dependencies import inputs_key
from ..params import Params
from .registry import CHART_MODULES

#: File formats of the charts the notebooks and the site show.
NOTEBOOK_FORMATS = ("png", "svg")
NOTEBOOK_DPI = 200
#: The module that draws and saves every chart: part of every chart's code.
RENDERER = f"{__package__}.render"


def stem(name: str, lang: str, slide: bool = False) -> str:
    """A saved chart's file name without its extension: ``history-scale``, ``history-scale.zh``, ``….slide``."""
    return name + ("" if lang == "en" else f".{lang}") + (".slide" if slide else "")


def figure_key(name: str, p: Params, dpi: int, tables) -> str:
    """Identifies one saved chart: its module's code, the tables it read, its parameters and its resolution."""
    module = f"{__package__}.{CHART_MODULES[name]}"
    return inputs_key([module, RENDERER], tables, p.data_dir, name, p.lang, str(p.start_year), str(p.end_year), str(dpi))


def plotted_digest(data) -> str:
    """A digest of exactly the rows a chart plots: their values (as CSV, floats in full), index, columns and types."""
    return sha256_bytes(data.to_csv(), json.dumps([str(dtype) for dtype in data.dtypes]))


def drawing_key(name: str, p: Params, dpi: int, plotted: str, drawing_tables) -> str:
    """Identifies one drawing by what it used: the chart's code, the rows plotted (:func:`plotted_digest`), the tables
    read while drawing them, its parameters and its resolution."""
    module = f"{__package__}.{CHART_MODULES[name]}"
    return inputs_key([module, RENDERER], drawing_tables, p.data_dir, "drawing", plotted, name, p.lang,
                      str(p.start_year), str(p.end_year), str(dpi))


def _marker(out_dir: Path, file_stem: str) -> Path:
    return Path(out_dir) / f".{file_stem}.key"


def _saved_marker(out_dir: Path, name: str, p: Params, formats) -> dict | None:
    """The saved chart's marker, when it and every format of the chart exist and it can be read."""
    file_stem = stem(name, p.lang)
    marker = _marker(out_dir, file_stem)
    if not marker.is_file() or not all((Path(out_dir) / f"{file_stem}.{fmt}").is_file() for fmt in formats):
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return recorded if isinstance(recorded, dict) else None


def saved_record(out_dir: Path, name: str, p: Params, dpi: int, formats=NOTEBOOK_FORMATS) -> dict | None:
    """What the saved chart was drawn from ("tables"; its "alt" text and "caption") when every format exists and was drawn
    from exactly the current inputs; None when it must be drawn again."""
    recorded = _saved_marker(out_dir, name, p, formats)
    try:
        return recorded if recorded and recorded["key"] == figure_key(name, p, dpi, recorded["tables"]) else None
    except (KeyError, TypeError):
        return None


def is_current(out_dir: Path, name: str, p: Params, dpi: int, formats=NOTEBOOK_FORMATS) -> bool:
    """True when every format of the saved chart exists and was drawn from exactly the current inputs."""
    return saved_record(out_dir, name, p, dpi, formats) is not None


def saved_drawing(out_dir: Path, name: str, p: Params, formats=NOTEBOOK_FORMATS) -> dict | None:
    """The marker of the saved chart if every format exists and it records what its drawing used (its "drawing" key
    and tables), to compare with :func:`same_drawing`; None otherwise."""
    recorded = _saved_marker(out_dir, name, p, formats)
    drawing = recorded.get("drawing") if recorded else None
    ok = isinstance(drawing, dict) and isinstance(drawing.get("key"), str) and isinstance(drawing.get("tables"), list)
    return recorded if ok else None


def same_drawing(record: dict, name: str, p: Params, dpi: int, plotted: str) -> bool:
    """Whether drawing the rows ``plotted`` now would use exactly what the saved drawing (``record``, from
    :func:`saved_drawing`) used: the same code, parameters and resolution, and its tables as they are now."""
    drawing = record["drawing"]
    return drawing["key"] == drawing_key(name, p, dpi, plotted, drawing["tables"])


def mark_current(out_dir: Path, name: str, p: Params, dpi: int, tables, alt: str, caption: dict[str, str],
                 plotted: str, drawing_tables) -> None:
    """Record what the chart saved in ``out_dir`` was drawn from (both keys: see the module's docstring), its alt text
    for that data and its caption (so that the Chinese mirror can label a current chart without importing the code
    that draws it)."""
    record = {"key": figure_key(name, p, dpi, tables), "tables": sorted(tables), "alt": alt, "caption": caption,
              "drawing": {"key": drawing_key(name, p, dpi, plotted, drawing_tables), "tables": sorted(drawing_tables)}}
    atomic_write(_marker(out_dir, stem(name, p.lang)), json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
