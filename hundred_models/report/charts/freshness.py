"""Is a saved chart current? Answered without drawing anything, or importing matplotlib.

Each saved chart has a marker holding a key over what it was drawn from: its module's code and
everything that imports, the clean tables it read (recorded while it was drawn), its parameters and
its resolution. A no-change site build asks this for every chart, so it must be cheap.
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


def figure_key(name: str, p: Params, dpi: int, tables) -> str:
    """Identifies one saved chart: its module's code, the tables it read, its parameters and its resolution."""
    module = f"{__package__}.{CHART_MODULES[name]}"
    return inputs_key([module, RENDERER], tables, p.data_dir, name, p.lang, str(p.start_year), str(p.end_year), str(dpi))


def _marker(out_dir: Path, stem: str) -> Path:
    return Path(out_dir) / f".{stem}.key"


def is_current(out_dir: Path, stem: str, name: str, p: Params, dpi: int, formats=NOTEBOOK_FORMATS) -> bool:
    """True when every format of the saved chart exists and was drawn from exactly the current inputs."""
    marker = _marker(out_dir, stem)
    if not marker.is_file() or not all((Path(out_dir) / f"{stem}.{fmt}").is_file() for fmt in formats):
        return False
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        return recorded["key"] == figure_key(name, p, dpi, recorded["tables"])
    except (ValueError, KeyError, TypeError):
        return False


def mark_current(out_dir: Path, stem: str, name: str, p: Params, dpi: int, tables) -> None:
    record = {"key": figure_key(name, p, dpi, tables), "tables": sorted(tables)}
    atomic_write(_marker(out_dir, stem), json.dumps(record, sort_keys=True) + "\n")


