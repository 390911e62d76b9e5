"""Is a saved chart current? Answered without drawing anything, or importing matplotlib.

Each saved chart has a marker holding a key over what it was drawn from: its module's code and
everything that imports, the clean tables it read (recorded while it was drawn), its parameters and
its resolution. The marker also keeps the chart's alt text for the data it was drawn from, so a page
or the Chinese mirror that needs the alt text of a current chart reads it rather than computing the
chart's data again. A no-change site build asks this for every chart, so it must be cheap.
"""
from __future__ import annotations

import json
from pathlib import Path

from ...data.files import atomic_write
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


def _marker(out_dir: Path, file_stem: str) -> Path:
    return Path(out_dir) / f".{file_stem}.key"


def saved_record(out_dir: Path, name: str, p: Params, dpi: int, formats=NOTEBOOK_FORMATS) -> dict | None:
    """What the saved chart was drawn from ("tables"; its "alt" text and "caption") when every format exists and was drawn
    from exactly the current inputs; None when it must be drawn again."""
    file_stem = stem(name, p.lang)
    marker = _marker(out_dir, file_stem)
    if not marker.is_file() or not all((Path(out_dir) / f"{file_stem}.{fmt}").is_file() for fmt in formats):
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        return recorded if recorded["key"] == figure_key(name, p, dpi, recorded["tables"]) else None
    except (ValueError, KeyError, TypeError):
        return None


def is_current(out_dir: Path, name: str, p: Params, dpi: int, formats=NOTEBOOK_FORMATS) -> bool:
    """True when every format of the saved chart exists and was drawn from exactly the current inputs."""
    return saved_record(out_dir, name, p, dpi, formats) is not None


def mark_current(out_dir: Path, name: str, p: Params, dpi: int, tables, alt: str, caption: dict[str, str]) -> None:
    """Record what the chart just saved in ``out_dir`` was drawn from, its alt text for that data and its caption
    (so that the Chinese mirror can label a current chart without importing the code that draws it)."""
    record = {"key": figure_key(name, p, dpi, tables), "tables": sorted(tables), "alt": alt, "caption": caption}
    atomic_write(_marker(out_dir, stem(name, p.lang)), json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
