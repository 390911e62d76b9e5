"""What a chart or a page depends on: the package modules it runs and the clean tables it reads.

Caches are only as good as their keys. Chart exports and executed pages are keyed on the code
they actually run (a module and everything it imports inside the package, lazy imports
included, found by reading the source) and on the clean tables they actually read (recorded by
:func:`hundred_models.report.load.load` while they run), so an edit to one chapter's code or one
table re-does exactly the work that depends on it.
"""
from __future__ import annotations

import ast
import json
from functools import lru_cache
from pathlib import Path

from ..data import paths
from ..data.files import sha256_bytes, sha256_file

PACKAGE = "hundred_models"
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def module_file(module: str) -> Path | None:
    """Source file of a module of this package, or None for anything else."""
    if module != PACKAGE and not module.startswith(PACKAGE + "."):
        return None
    rel = Path(*module.split(".")[1:])
    for candidate in (PACKAGE_DIR / rel / "__init__.py", (PACKAGE_DIR / rel).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=None)
def _imports(module: str, source: str) -> frozenset[str]:
    is_package = module_file(module).name == "__init__.py"
    base = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = ".".join(base[: len(base) - node.level + 1])
                target = f"{parent}.{node.module}" if node.module else parent
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # "from . import style" names a module
    out = set()
    for name in found:
        parts = name.split(".")
        for i in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__ and a/b/__init__ too
            prefix = ".".join(parts[:i])
            if module_file(prefix):
                out.add(prefix)
    return frozenset(out)


def closure(modules) -> list[str]:
    """The given package modules and every package module they import, directly or not."""
    seen: set[str] = set()
    todo = [m for m in modules if module_file(m)]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo.extend(_imports(module, module_file(module).read_text(encoding="utf-8")) - seen)
    return sorted(seen)


def imported_by_code(code: str) -> list[str]:
    """Package modules a piece of Python (a notebook's code cells) imports, directly."""
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(n for n in names if module_file(n))


def code_digest(modules) -> str:
    """Digest of the source of ``modules`` and everything they import in the package, plus the pinned requirements."""
    chunks = []
    for module in closure(modules):
        chunks += [module, module_file(module).read_bytes()]
    requirements = paths.PROJECT_ROOT / "requirements.txt"
    if requirements.is_file():
        chunks += ["requirements.txt", requirements.read_bytes()]
    return sha256_bytes(*chunks)


def tables_digest(tables, data_dir: Path) -> dict[str, str]:
    """table name -> SHA-256 of its clean CSV (empty when the file is missing)."""
    out = {}
    for table in sorted(tables):
        path = Path(data_dir) / f"{table}.csv"
        out[table] = sha256_file(path) if path.is_file() else ""
    return out


def inputs_key(modules, tables, data_dir: Path, *extra: str) -> str:
    """One key over the code (with its imports), the tables read and any extra parts (parameters, resolution)."""
    return sha256_bytes(code_digest(modules), json.dumps(tables_digest(tables, data_dir), sort_keys=True), *extra)
