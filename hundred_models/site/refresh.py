"""Execute the theme notebooks: refresh their committed outputs, deterministically.

``python -m hundred_models refresh-notebooks`` runs each notebook top to bottom with its
default parameters and writes the outputs back into ``notebooks/``. Before running, each
figure cell's myst-nb metadata (caption, alt text, name) is set from the chart registry, so
the book's captions cannot drift from the exported figures, and every code cell is tagged
``hide-input``, so the site shows the code folded under a toggle (the notebooks run as before).
Timing metadata and execution timestamps are dropped, so refreshing twice changes nothing.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ..data import paths
from ..data.files import atomic_write
from ..report.charts.freshness import NOTEBOOK_DPI, saved_record
from ..report.charts.registry import get_chart
from ..report.params import Params, validate

FIGURE_CALL = re.compile(r'\bshow\("([a-z0-9-]+)"')
TIMEOUT = 600


def notebook_path(name: str) -> Path:
    return paths.NOTEBOOKS_DIR / f"{name}.ipynb"


def set_figure_metadata(nb, p: Params | None = None) -> list[str]:
    """Caption, alt text (for the data the notebook's parameters give) and a stable name on every chart cell.

    A chart whose saved drawing in ``p.fig_dir`` is current gives both from its marker, without importing the code
    that draws it (the Chinese mirror, made on every build, then needs neither pandas nor the chart modules).
    """
    p = p or validate({})
    shown = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        match = FIGURE_CALL.search(cell.source)
        if not match:
            continue
        name = match.group(1)
        record = saved_record(p.fig_dir, name, p, NOTEBOOK_DPI)
        if record is None:  # (a current marker was written by this renderer, so it has both)
            from ..report.charts.render import alt_text

            record = {"caption": get_chart(name).caption, "alt": alt_text(name, p)}
        cell.metadata["mystnb"] = {
            # English: the Chinese edition translates the caption through its catalogue (the same words as caption["zh"])
            "figure": {"caption": record["caption"]["en"], "name": f"fig-{name}"},
            "image": {"alt": record["alt"]},  # shown at its design width (720 px), narrower on small screens
        }
        tags = cell.metadata.setdefault("tags", [])
        if "nbval-ignore-output" not in tags:
            tags.append("nbval-ignore-output")
        shown.append(name)
    return shown


#: myst-nb's tag for a code cell whose source is folded (shown on demand) and whose outputs are shown.
FOLD_TAG = "hide-input"


def fold_code(nb) -> int:
    """Tag every code cell ``hide-input`` (parameters cell included); returns how many cells were tagged anew.

    Readers of a chapter see its prose, charts and tables; the code is one click away. Cells that
    are removed from the page altogether (``remove-input``, ``remove-cell``) are left as they are.
    """
    added = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.setdefault("tags", [])
        if FOLD_TAG in tags or {"remove-input", "remove-cell"} & set(tags):
            continue
        tags.append(FOLD_TAG)
        added += 1
    return added


def strip_volatile(nb) -> None:
    """Remove what changes from run to run: execution timings and the kernel's version details."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}


def execute(nb, cwd: Path | None = None) -> None:
    client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(cwd or paths.NOTEBOOKS_DIR)}})
    client.execute()


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def failing_cell(nb) -> str:
    """'cell 7 (first line of its code): ErrorName: message' for the first cell with an error output."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                message = ANSI.sub("", f"{output.get('ename')}: {output.get('evalue')}").splitlines()[0]
                return f"cell {index} ({first_line[:60]}) failed: {message}"
    return "a cell failed"


def refresh(name: str) -> Path:
    """Re-execute one committed notebook in place (atomically); raise with the failing cell on error."""
    path = notebook_path(name)
    nb = nbformat.read(path, as_version=4)
    set_figure_metadata(nb)
    fold_code(nb)
    try:
        execute(nb)
    except CellExecutionError:
        raise RuntimeError(f"{path.name}: {failing_cell(nb)}") from None
    strip_volatile(nb)
    atomic_write(path, nbformat.writes(nb) + "\n")
    return path
