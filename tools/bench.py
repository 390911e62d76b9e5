"""Build benchmark: ``make bench`` or ``python -m tools.bench [--runs N] [--out FILE]``.

Measures, on a copy of the project (the working tree is never touched):

* cold build of the whole site (no execution cache, no figures), rebuild with nothing changed, and
  rebuild after editing one notebook's markdown;
* the data build alone; a papermill rerun of all notebooks in parallel and one after another;
* the full test suite;
* the size of ``_build/html`` and of its largest page with the assets it loads.

Each time is the median of several runs and is also given as a ratio to a floor measured in the
same run: a Jupyter Book of as many trivial notebooks as the site executes pages (the five
chapters and the generated pages), built the same way (pages executed in parallel into the
execution cache, then ``jupyter-book build``). Results are
printed and written as JSON.
"""
from __future__ import annotations

import argparse
import html.parser
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from hundred_models.data import paths
from hundred_models.site.pages import executed_pages
from tools.workspace import copy_project, env_for

#: The targets of issues 11 and 12: a no-change rebuild within 3 s, a cold build of the site within twice the floor
#: (trivial notebooks built the same way: as many pages, two editions), the test suite after a build within 150 s.
TARGETS = {"rebuild_nothing_changed": "<= 3 s", "cold_build": "<= 2 x floor", "rerun_parallel": "< rerun_sequential",
           "site_size": "< 15 MB", "test_suite": "<= 150 s"}


def _timed(cmd: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds


def _median(samples: list[float]) -> dict:
    return {"median_s": round(statistics.median(samples), 2), "runs_s": [round(s, 2) for s in samples]}


def _floor_book(root: Path, notebooks: int) -> Path:
    """A Jupyter Book of trivial notebooks, configured like ours, to measure what any build costs here."""
    root.mkdir(parents=True)
    chapters = []
    for i in range(notebooks):
        nb = nbformat.v4.new_notebook()
        nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
        # Distinct code per notebook, or the execution cache would run only one of them.
        nb.cells = [nbformat.v4.new_markdown_cell(f"# Trivial {i}"), nbformat.v4.new_code_cell(f"{i} + 1")]
        nbformat.write(nb, root / f"nb{i}.ipynb")
        chapters.append(f"  - file: nb{i}")
    (root / "intro.md").write_text("# Floor\n", encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n" + "\n".join(chapters) + "\n", encoding="utf-8")
    (root / "_config.yml").write_text("title: Floor\nexecute:\n  execute_notebooks: cache\n", encoding="utf-8")
    return root


class _Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        ref = a.get("src") if tag in ("img", "script") else a.get("href") if tag == "link" else None
        if ref and not ref.startswith(("http:", "https:", "data:", "//")):
            self.refs.append(ref.split("#")[0].split("?")[0])


def site_size(html_dir: Path) -> dict:
    total = sum(p.stat().st_size for p in html_dir.rglob("*") if p.is_file())
    pages = []
    for page in html_dir.rglob("*.html"):
        if str(page.relative_to(html_dir)).startswith(("_static", "_sources", "_downloads")):
            continue
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        assets = {(page.parent / ref).resolve() for ref in parser.refs}
        size = page.stat().st_size + sum(a.stat().st_size for a in assets if a.is_file())
        pages.append((size, str(page.relative_to(html_dir))))
    largest = max(pages)
    return {"total_mb": round(total / 1e6, 2), "largest_page": largest[1], "largest_page_with_assets_mb": round(largest[0] / 1e6, 2)}


def run(runs: int, out: Path, skip_tests: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix="hmw-bench-"))
    results: dict = {"machine": {"python": platform.python_version(), "cores": os.cpu_count(), "platform": platform.platform()},
                     "runs": runs, "targets": TARGETS}
    try:
        root = copy_project(work / "project")
        env = env_for(root)
        py = sys.executable
        book = [py, "-m", "hundred_models", "book"]
        results["data_build"] = _median([_timed([py, "-m", "hundred_models", "build-data"], root, env) for _ in range(runs)])
        cold, pdfs = [], []
        for _ in range(runs):
            shutil.rmtree(root / "_build", ignore_errors=True)
            shutil.rmtree(root / "book" / "figures", ignore_errors=True)
            cold.append(_timed(book + ["--no-pdf"], root, env))  # the site, both editions; the floor makes no PDF
            pdfs.append(_timed([py, "-m", "hundred_models.site.pdf"], root, env))
        results["cold_build"] = _median(cold)
        results["pdfs_after_cold_build"] = _median(pdfs)
        _timed(book, root, env)  # the full build once (it records what it was made from), so the next has nothing to do
        results["rebuild_nothing_changed"] = _median([_timed(book, root, env) for _ in range(runs)])
        if not skip_tests:  # on the full build, before the edits below leave the translations behind the text
            suite = [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto", "--dist", "loadfile",
                     "--no-loadscope-reorder", "tests", "notebooks", "--nbval", "--nbval-current-env",
                     "--nbval-sanitize-with", "tests/nbval_sanitize.cfg"]  # as `make test` runs it
            results["test_suite"] = _median([_timed(suite, root, env) for _ in range(runs)])
        edits = []
        target = root / "notebooks" / "03_vertical_models.ipynb"
        for i in range(runs):
            nb = nbformat.read(target, as_version=4)
            nb.cells[0].source += f"\n\n(An edit for the benchmark, {i}.)"
            nbformat.write(nb, target)
            edits.append(_timed(book, root, env))
        results["rebuild_after_markdown_edit"] = _median(edits)
        results["site_size"] = site_size(root / "_build" / "html")
        for label, jobs in (("rerun_parallel", os.cpu_count() or 1), ("rerun_sequential", 1)):
            samples = []
            for i in range(runs):
                run_dir = work / f"run-{label}-{i}"
                samples.append(_timed([py, "-m", "hundred_models", "rerun", "--out", str(run_dir), "-j", str(jobs)], root, env))
            results[label] = {**_median(samples), "jobs": jobs}
        floors = []
        executed = len(executed_pages(root))  # the chapters and the generated pages, as the site executes them
        for i in range(runs):  # one trivial book per edition, built one after the other as the site's two editions are
            floor_roots = [_floor_book(work / f"floor-{i}-{edition}", executed) for edition in ("en", "zh")]
            floors.append(sum(_timed([py, "-m", "tools.bench", "--floor-build", str(r)], r, env) for r in floor_roots))
        results["floor_trivial_book"] = {**_median(floors), "notebooks": executed, "editions": 2}
        floor = results["floor_trivial_book"]["median_s"]
        for key, value in results.items():
            if isinstance(value, dict) and "median_s" in value and key != "floor_trivial_book":
                value["ratio_to_floor"] = round(value["median_s"] / floor, 2)
        results["meets_targets"] = {
            "rebuild_nothing_changed": results["rebuild_nothing_changed"]["median_s"] <= 3,
            "cold_build": results["cold_build"]["ratio_to_floor"] <= 2,
            "rerun_parallel": results["rerun_parallel"]["median_s"] < results["rerun_sequential"]["median_s"],
            "site_size": results["site_size"]["total_mb"] < 15,
        }
        if "test_suite" in results:
            results["meets_targets"]["test_suite"] = results["test_suite"]["median_s"] <= 150
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def report(results: dict) -> str:
    lines = [f"{'measure':32} {'median':>9} {'x floor':>8}  runs"]
    for key, value in results.items():
        if isinstance(value, dict) and "median_s" in value:
            ratio = value.get("ratio_to_floor", "")
            lines.append(f"{key:32} {value['median_s']:>8.2f}s {ratio!s:>8}  {value['runs_s']}")
    size = results["site_size"]
    lines.append(f"{'site size':32} {size['total_mb']:>7.2f}MB  largest page {size['largest_page']} "
                 f"({size['largest_page_with_assets_mb']} MB with assets)")
    lines.append("targets met: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in results["meets_targets"].items()))
    return "\n".join(lines)


def build_floor(root: Path) -> int:
    """Build the floor book the way the site is built: pages executed in parallel into the cache, then Jupyter Book."""
    from hundred_models.site.book import execute_stale_pages

    execute_stale_pages({path.stem: path for path in sorted(root.glob("*.ipynb"))}, root)
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    return subprocess.run([jb, "build", str(root)], cwd=root, capture_output=True).returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per measure (median reported; default 3)")
    ap.add_argument("--out", type=Path, default=paths.PROJECT_ROOT / "bench" / "results.json")
    ap.add_argument("--skip-tests", action="store_true", help="leave out the (slow) full test suite")
    ap.add_argument("--floor-build", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.floor_build:
        return build_floor(args.floor_build)
    results = run(args.runs, args.out, args.skip_tests)
    print(report(results))
    print(f"written to {args.out}")
    return 0 if all(results["meets_targets"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
