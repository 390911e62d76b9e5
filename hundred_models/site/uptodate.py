"""Whether the whole site is already up to date, so that ``make book`` with nothing changed does nothing.

Sphinx, Jupyter Book and the page records already make every build incremental, but each of the
two editions still costs a Jupyter Book start-up (Sphinx, myst-nb and the saved environment) just
to find that nothing is outdated. After a successful build this module records one fingerprint of
everything the site is made from (the book's sources, the notebooks, the catalogues, the data, the
package's code, the installed packages, the build's options and the project's location) and one of
what the build wrote (every file of ``_build/html``, the PDF and the chart files). The next build
is skipped only when both match: any change to an input, or any output deleted or edited, makes it
a normal incremental build.

Inputs are fingerprinted by content, so a ``touch`` or a checkout that restores the same bytes does
not cost a build; outputs by name, size and modification time, which any rewrite changes.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..data import paths
from ..data.files import atomic_write, sha256_bytes

#: Folders and files the site is made from (relative to the project root).
INPUT_TREES = ("book", "notebooks", "locales", "data/raw", "data/external", "data/clean", "hundred_models")
INPUT_FILES = ("_config.yml", "_toc.yml", "requirements.txt", "pyproject.toml")
#: What the build writes, and whose presence and timestamps say the last build's output is still there.
OUTPUT_TREES = ("_build/html", "_build/pdf", "book/figures")
#: Never inputs: written by the build, editors or Python itself.
SKIPPED_PARTS = {"figures", "__pycache__", ".ipynb_checkpoints", "_build"}

STAMP = "_build/.site-stamp.json"


def _files(root: Path, trees, files):
    for name in files:
        path = root / name
        if path.is_file():
            yield path
    for tree in trees:
        top = root / tree
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_PARTS)
            for name in sorted(names):
                if not name.endswith((".pyc", ".tmp")) and not name.startswith(".~"):
                    yield Path(folder) / name


def inputs_fingerprint(options: dict, root: Path | None = None) -> str:
    """Content of every source file, the installed distributions, the Python version, the options and the location."""
    root = Path(root or paths.PROJECT_ROOT)
    chunks = [str(root.resolve()), json.dumps(options, sort_keys=True), sys.version]
    for path in _files(root, INPUT_TREES, INPUT_FILES):
        chunks += [path.relative_to(root).as_posix(), path.read_bytes()]
    site_packages = [Path(p) for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    for folder in site_packages:
        chunks += sorted(name for name in os.listdir(folder) if name.endswith(".dist-info"))
    return sha256_bytes(*chunks)


def outputs_fingerprint(root: Path) -> str:
    """Name, size and modification time of every file the last build wrote."""
    chunks = []
    for tree in OUTPUT_TREES:
        top = root / tree
        if not top.is_dir():
            chunks.append(f"missing {tree}")
            continue
        for folder, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                stat = path.lstat()
                chunks.append(f"{path.relative_to(root).as_posix()} {stat.st_size} {stat.st_mtime_ns}")
    return sha256_bytes(*chunks)


def is_up_to_date(inputs: str, root: Path | None = None) -> bool:
    """True when the last successful build had these inputs and its outputs are untouched since."""
    root = Path(root or paths.PROJECT_ROOT)
    try:
        stamp = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("inputs") == inputs and stamp.get("outputs") == outputs_fingerprint(root)


def record(inputs: str, options: dict, root: Path | None = None) -> bool:
    """After a successful build: remember it, unless the sources changed while it ran (then the next build runs)."""
    root = Path(root or paths.PROJECT_ROOT)
    stamp = root / STAMP
    if inputs_fingerprint(options, root) != inputs:
        stamp.unlink(missing_ok=True)
        return False
    atomic_write(stamp, json.dumps({"inputs": inputs, "outputs": outputs_fingerprint(root)}) + "\n")
    return True


def forget(root: Path | None = None) -> None:
    """A build is starting: until it succeeds, no earlier build counts as current."""
    (Path(root or paths.PROJECT_ROOT) / STAMP).unlink(missing_ok=True)
