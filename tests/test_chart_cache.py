"""What makes a no-change build cheap must not make it wrong.

A page that shows a chart whose saved files are current reads them instead of drawing (and never imports
matplotlib), yet still depends on everything the chart was drawn from; the Chinese mirror labels such a chart from
its marker with what drawing it would give; a changed table redraws exactly the charts whose drawing it changes;
``load`` parses each table once a process yet hands every caller its own copy and notices a changed file; the
worker pool reports each result as it finishes yet returns them in order.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hundred_models.data import paths
from hundred_models.report.charts.registry import CHART_MODULES
from hundred_models.report.load import load
from hundred_models.site.workers import parallel_map

CHART = "policy-timeline"
#: Shows the chart as a page does, then reports what the page now depends on and whether matplotlib was imported.
SHOW_AS_A_PAGE = """
import json, sys
from hundred_models.report.params import validate
from hundred_models.report.charts.render import alt_text, show
from hundred_models.report.load import tables_read
p = validate(data_dir=sys.argv[1], fig_dir=sys.argv[2])
show(sys.argv[3], p)
print(json.dumps({"matplotlib": "matplotlib" in sys.modules, "tables": tables_read(), "alt": alt_text(sys.argv[3], p),
                  "modules": sorted(m for m in sys.modules if m.startswith("hundred_models."))}))
"""
#: Draws the chart from scratch and reports the alt text computed from its data.
DRAW = """
import json, sys
from hundred_models.report.params import validate
from hundred_models.report.charts.registry import get_chart
from hundred_models.report.charts.render import draw_and_save
p = validate(data_dir=sys.argv[1], fig_dir=sys.argv[2])
_, data, _ = draw_and_save(sys.argv[3], p)
print(json.dumps({"alt": get_chart(sys.argv[3]).alt_text(data, p.lang)}))
"""

#: Labels a chart cell as the Chinese mirror does, then reports the labels and whether drawing code was imported.
LABEL_AS_THE_MIRROR = """
import json, sys
import nbformat
from hundred_models.report.params import validate
from hundred_models.site.refresh import set_figure_metadata
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f'show("{sys.argv[3]}", p)')])
set_figure_metadata(nb, validate(data_dir=sys.argv[1], fig_dir=sys.argv[2]))
print(json.dumps({"metadata": nb.cells[0].metadata["mystnb"], "pandas": "pandas" in sys.modules,
                  "modules": sorted(m for m in sys.modules if m.startswith("hundred_models."))}))
"""


def _run(script: str, data_dir: Path, fig_dir: Path, name: str = CHART) -> dict:
    done = subprocess.run([sys.executable, "-c", script, str(data_dir), str(fig_dir), name], capture_output=True,
                          text=True, cwd=paths.PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def clean_copy(tmp_path: Path) -> Path:
    if not (paths.CLEAN_DIR / "datapackage.json").is_file():
        pytest.fail("clean data not built: run `make data` first")
    return Path(shutil.copytree(paths.CLEAN_DIR, tmp_path / "clean"))


def test_a_page_showing_a_current_chart_reads_it_and_depends_on_what_it_was_drawn_from(clean_copy, tmp_path):
    figures = tmp_path / "figures"
    drawn = _run(DRAW, clean_copy, figures)
    png = (figures / f"{CHART}.png").read_bytes()

    shown = _run(SHOW_AS_A_PAGE, clean_copy, figures)
    assert not shown["matplotlib"], "a current chart was drawn again"
    assert (figures / f"{CHART}.png").read_bytes() == png
    # the page depends on the chart's tables and code as if it had drawn it, and gets the same alt text
    recorded = json.loads((figures / f".{CHART}.key").read_text(encoding="utf-8"))
    assert recorded["tables"] and set(recorded["tables"]) <= set(shown["tables"])
    assert f"hundred_models.report.charts.{CHART_MODULES[CHART]}" in shown["modules"]
    assert shown["alt"] == drawn["alt"]

    # a table it was drawn from changes: the page draws it again
    policies = clean_copy / "policies.csv"
    text = policies.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    policies.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")  # one policy fewer
    assert "policies" in recorded["tables"]
    redrawn = _run(SHOW_AS_A_PAGE, clean_copy, figures)
    assert redrawn["matplotlib"], "a chart whose table changed was shown from its old files"
    assert json.loads((figures / f".{CHART}.key").read_text(encoding="utf-8"))["key"] != recorded["key"]


def test_the_mirror_labels_a_current_chart_from_its_marker_as_drawing_it_would(clean_copy, tmp_path):
    figures = tmp_path / "figures"
    computed = _run(LABEL_AS_THE_MIRROR, clean_copy, figures)  # nothing saved yet: worked out from the chart's data
    _run(DRAW, clean_copy, figures)
    read = _run(LABEL_AS_THE_MIRROR, clean_copy, figures)
    assert read["metadata"] == computed["metadata"]
    assert read["metadata"]["image"]["alt"] and read["metadata"]["figure"]["caption"]
    assert not read["pandas"], "labelling a current chart imported pandas"
    assert f"hundred_models.report.charts.{CHART_MODULES[CHART]}" not in read["modules"]


def test_a_changed_table_redraws_only_the_charts_whose_drawing_it_changes(clean_copy, tmp_path):
    """A table holds more than a chart plots. A change to rows the chart does not plot keeps its files byte for byte
    (marked current for the new table); a change to a plotted row, or to a table its drawing reads, draws it again."""
    from hundred_models.report.charts.freshness import NOTEBOOK_DPI, is_current
    from hundred_models.report.charts.render import draw_and_save
    from hundred_models.report.params import validate
    from tests.conftest import edit_csv

    name = "vertical-claims"  # plots the vertical models' claims; its source line reads the register of sources
    p = validate(data_dir=str(clean_copy), fig_dir=str(tmp_path / "figures"))
    written, _, _ = draw_and_save(name, p)
    saved = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in written}
    assert sorted(path.suffix for path in saved) == [".png", ".svg"]

    def current() -> bool:
        return is_current(p.fig_dir, name, p, NOTEBOOK_DPI)

    # A claim about a company's founding, which this chart does not plot.
    edit_csv(clean_copy / "claims.csv", "founded Mobvoi, a voice-interaction start-up", "founded Mobvoi, a start-up")
    assert not current()
    assert draw_and_save(name, p)[0] == [] and current()
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in saved} == saved

    # The register of sources, read while drawing (for the source line): drawn again.
    edit_csv(clean_copy / "sources.csv", "01Caijing think tank", "01Caijing")
    assert not current()
    assert sorted(draw_and_save(name, p)[0]) == sorted(saved) and current()

    # A plotted claim: drawn again, with the new value.
    edit_csv(clean_copy / "claims.csv", ",超过400%,number,vertical,shanhai-medical,emr_entry_efficiency_gain,400,",
             ",超过400%,number,vertical,shanhai-medical,emr_entry_efficiency_gain,450,")
    before = {path: path.read_bytes() for path in saved}
    assert sorted(draw_and_save(name, p)[0]) == sorted(saved) and current()
    assert all(path.read_bytes() != content for path, content in before.items())


def test_load_parses_once_but_hands_out_copies_and_sees_a_changed_file(clean_copy):
    first = load("policies", clean_copy)
    first.iloc[0, 0] = "changed by one caller"
    second = load("policies", clean_copy)
    assert second.iloc[0, 0] != "changed by one caller", "one caller's edit reached another through the cache"

    path = clean_copy / "policies.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(lines[0] + "".join(lines[2:]), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # even on a coarse clock
    assert len(load("policies", clean_copy)) == len(second) - 1, "a changed file was served from the cache"


def test_the_worker_pool_reports_results_as_they_finish_and_returns_them_in_order():
    finished = []

    def slow_first(x: int) -> int:
        time.sleep(0.6 if x == 0 else 0.0)
        return x * 10

    results = parallel_map(slow_first, range(4), jobs=2, on_result=lambda item, result: finished.append((item, result)))
    assert results == [0, 10, 20, 30]
    assert sorted(finished) == [(0, 0), (1, 10), (2, 20), (3, 30)]
    assert finished[-1] == (0, 0), "results were reported in submission order, not as they finished"
