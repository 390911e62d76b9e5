"""The package's shape: three layers with imports one way, no import cycles, every chart listed once."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from hundred_models.report.charts.registry import CHART_MODULES, MODULES, chart_names, get_chart
from hundred_models.report.dependencies import PACKAGE_DIR, _imports, module_file

LAYERS = {"data": 0, "report": 1, "site": 2}


def _modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def _graph() -> dict[str, set[str]]:
    return {m: set(_imports(m, module_file(m).read_text(encoding="utf-8"))) - {m} for m in _modules()}


def test_imports_go_one_way_only():
    """Nothing in data imports report or site; nothing in report imports site (lazy imports included)."""
    wrong = [(m, dep) for m, deps in _graph().items() for dep in deps
             if _layer(m) is not None and _layer(dep) is not None and _layer(dep) > _layer(m)]
    assert wrong == []


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ is imported with any of its modules; only real module-to-module edges can form cycles
    edges = {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node, path):
        state[node] = 1
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                cycle.extend(path + [node, dep])
                return True
            if state.get(dep) is None and visit(dep, path + [node]):
                return True
        state[node] = 2
        return False

    for module in sorted(edges):
        if state.get(module) is None and visit(module, []):
            break
    assert cycle == []


def test_the_layering_test_can_fail(tmp_path):
    """A data module that imports the site layer is caught by the same rule."""
    source = "from ..site import book\n"
    deps = _imports("hundred_models.data.build", source)
    assert any(_layer(d) == 2 for d in deps)


def test_registry_lists_exactly_the_charts_the_modules_define():
    defined = {}
    for module in MODULES:
        for chart in importlib.import_module(f"hundred_models.report.charts.{module}").CHARTS:
            assert chart.name not in defined, f"{chart.name} defined twice"
            defined[chart.name] = module
    assert defined == CHART_MODULES
    assert chart_names() == list(CHART_MODULES)
    assert chart_names("01_history") == ["history-scale", "history-articles-vs-epoch", "history-after-2023"]
    with pytest.raises(KeyError, match="unknown chart 'nope'"):
        get_chart("nope")


def test_developer_tools_are_outside_the_package():
    assert not (PACKAGE_DIR / "bench.py").exists() and not (PACKAGE_DIR / "workspace.py").exists()
    assert (Path(PACKAGE_DIR).parent / "tools" / "bench.py").is_file()


def test_notebooks_are_short_and_call_the_report_layer():
    import nbformat

    lines = 0
    for path in sorted((PACKAGE_DIR.parent / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                code = [ln for ln in cell.source.splitlines() if ln.strip()]
                lines += len(code)
                assert len(code) <= 8, f"{path.name}: a code cell of {len(code)} lines"
    assert lines <= 200, lines


def test_the_readme_diagram_names_every_module_and_only_modules_that_exist():
    """The README's Shape diagram matches the code: each layer's modules are named there, and nothing else is."""
    import re

    root = PACKAGE_DIR.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    diagram = readme[readme.index("## Shape"):readme.index("Imports go one way")]
    named = set(re.findall(r"\b([a-z_]+)\.py\b", diagram))
    site = {p.stem for p in (PACKAGE_DIR / "site").glob("*.py") if p.stem != "__init__"}
    assert named <= site, f"the diagram names site modules that do not exist: {sorted(named - site)}"
    assert site <= named, f"site modules missing from the README diagram: {sorted(site - named)}"
    words = set(re.findall(r"[a-z_]+", diagram))
    for layer in ("data", "report"):
        modules = {p.stem for p in (PACKAGE_DIR / layer).glob("*.py") if p.stem not in ("__init__", "paths",
                                                                                                     "errors", "files")}
        assert modules <= words, f"{layer} modules missing from the README diagram: {sorted(modules - words)}"
