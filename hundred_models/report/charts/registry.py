"""Every chart of the report, listed once: which module defines it, in gallery order.

The list is explicit, so listing charts imports nothing, and showing one chart imports only the
module that draws it (a page that shows the history charts does not depend on the policy chart's
code, which keeps the book's execution cache precise). A test checks that this list and the
charts the modules define are the same.
"""
from __future__ import annotations

import importlib

from .chart import Chart

#: chart name -> module of ``hundred_models.report.charts`` that defines it.
CHART_MODULES: dict[str, str] = {
    "compute-gpu-fleets": "compute",
    "compute-doubling": "compute",
    "compute-chinese-hardware": "compute",
    "history-scale": "history",
    "history-articles-vs-epoch": "history",
    "history-after-2023": "history",
    "players-model-counts": "players",
    "players-launches-2023": "players",
    "players-network": "players",
    "players-china-notable": "players",
    "policy-timeline": "policy",
    "vertical-claims": "vertical",
    "vertical-error-tolerance": "vertical",
}
MODULES = tuple(dict.fromkeys(CHART_MODULES.values()))


def get_chart(name: str) -> Chart:
    """The chart called ``name``; an unknown name is an error that lists the known ones."""
    if name not in CHART_MODULES:
        raise KeyError(f"unknown chart {name!r}; choose from {', '.join(CHART_MODULES)}")
    module = importlib.import_module(f"{__package__}.{CHART_MODULES[name]}")
    for chart in module.CHARTS:
        if chart.name == name:
            return chart
    raise LookupError(f"chart {name!r} is listed under module {CHART_MODULES[name]!r}, which does not define it")


def chart_names(notebook: str | None = None) -> list[str]:
    """Chart names in gallery order, all or those of one chapter's notebook (e.g. ``"01_history"``)."""
    if notebook is None:
        return list(CHART_MODULES)
    return [name for name in CHART_MODULES if get_chart(name).notebook == notebook]


def all_charts() -> list[Chart]:
    return [get_chart(name) for name in CHART_MODULES]
