"""The book's executed pages and what each one depends on, recorded where Sphinx can see it.

Jupyter Book's execution cache keys a page on its code cells only, and Sphinx re-reads a page
only when its source file changes; neither knows that a chapter's numbers come from the clean
data and the package's code. So when the build executes a page it also asks the kernel which
clean tables it loaded and which package modules it imported, and stores that beside the build
(``_build/.pages/<page>.json``) with a key over those inputs. On the next build a page whose key
no longer matches is executed again, and the project's Sphinx extension declares it (and every
page that glues numbers from it) outdated, so the new outputs reach the HTML.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..data import paths
from ..data.files import atomic_write
from ..report.dependencies import inputs_key

THEME_NOTEBOOKS = ("01_history", "02_players", "03_vertical_models", "04_compute", "05_policy")
#: Pages of the book that run code besides the chapters: methods, data, gallery, reproduce.
BOOK_PAGES = ("methods", "data", "gallery", "reproduce")

#: Appended to a page while the build executes it, then removed: reports what the kernel read and ran.
PROBE = ("import json as _hmw_json, sys as _hmw_sys\n"
         "from hundred_models.report.load import tables_read as _hmw_tables_read\n"
         "print('HMW-DEPENDENCIES ' + _hmw_json.dumps({'tables': _hmw_tables_read(), 'modules': sorted(\n"
         "    m for m in _hmw_sys.modules if m == 'hundred_models' or m.startswith('hundred_models.'))}))")
PROBE_PREFIX = "HMW-DEPENDENCIES "
#: A glue role that names another page: {glue:text}`../notebooks/02_players.ipynb::key:d`.
GLUE_REFERENCE = re.compile(r"([\w./-]+)\.ipynb::")


def executed_pages(root: Path | None = None) -> dict[str, Path]:
    """docname (as Sphinx names it) -> notebook file, for every page the build executes."""
    root = Path(root or paths.PROJECT_ROOT)
    pages = {f"notebooks/{name}": root / "notebooks" / f"{name}.ipynb" for name in THEME_NOTEBOOKS}
    pages.update({f"book/{name}": root / "book" / f"{name}.ipynb" for name in BOOK_PAGES})
    return pages


def records_dir(root: Path | None = None) -> Path:
    return Path(root or paths.PROJECT_ROOT) / "_build" / ".pages"


def _record_path(docname: str, root: Path | None = None) -> Path:
    return records_dir(root) / (docname.replace("/", "__") + ".json")


def read_record(docname: str, root: Path | None = None) -> dict | None:
    path = _record_path(docname, root)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return record if {"key", "tables", "modules"} <= set(record) else None
    except (OSError, ValueError):
        return None


def current_key(record: dict, data_dir: Path | None = None) -> str:
    """The key of a page's recorded inputs as they are now (code of its modules, bytes of its tables)."""
    return inputs_key(record["modules"], record["tables"], Path(data_dir or paths.CLEAN_DIR))


def is_current(docname: str, root: Path | None = None, data_dir: Path | None = None) -> bool:
    record = read_record(docname, root)
    return record is not None and record["key"] == current_key(record, data_dir)


def write_record(docname: str, tables, modules, root: Path | None = None, data_dir: Path | None = None,
                 seconds: float | None = None) -> dict:
    """Record what a page read and ran (and how long it took, so that the next build can start the slowest first)."""
    record = {"tables": sorted(tables), "modules": sorted(modules)}
    record["key"] = current_key(record, data_dir)
    if seconds is not None:
        record["seconds"] = round(seconds, 2)
    path = _record_path(docname, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(record, indent=1, sort_keys=True) + "\n")
    return record


def recorded_seconds(docname: str, root: Path | None = None) -> float | None:
    """How long the page's last execution took, if the build recorded it."""
    record = read_record(docname, root)
    return record.get("seconds") if record is not None else None


def forget(docname: str, root: Path | None = None) -> None:
    _record_path(docname, root).unlink(missing_ok=True)


def recorded_keys(root: Path | None = None) -> dict[str, str]:
    """docname -> key of its inputs at its last execution, for the Sphinx extension."""
    out = {}
    for docname in executed_pages(root):
        record = read_record(docname, root)
        if record is not None:
            out[docname] = record["key"]
    return out


def glue_sources(text: str, docname: str) -> set[str]:
    """Docnames of the pages whose glued values a page's source refers to."""
    base = Path(docname).parent
    out = set()
    for ref in GLUE_REFERENCE.findall(text):
        parts = []
        for part in (base / ref).parts:
            if part == "..":
                if parts:
                    parts.pop()
            elif part != ".":
                parts.append(part)
        out.add("/".join(parts))
    return out
