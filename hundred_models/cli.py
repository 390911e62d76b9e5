"""Command line: ``python -m hundred_models <command>``.

build-data          validate data/raw and data/external, write data/clean atomically
refresh-notebooks   re-execute the committed theme notebooks and store their outputs
figures             export every chart (PNG, SVG, PDF; report and slide layouts; data, alt text, citation)
book                build both editions into _build/html (English) and _build/html/zh (Chinese)
rerun               run the theme notebooks with other parameters, in parallel, into a run folder
locales             update the Chinese edition's catalogues (locales/zh_CN) from the English sources

Errors print as one line (naming file, row and column, or the parameter) and exit 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import paths
from .data.errors import DataError
from .report.params import ParameterError


def _build_data(args) -> int:
    from .data.build import build

    frames = build(args.raw, args.epoch, args.out, args.seeds)
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in frames.items())
    print(f"wrote {args.out}: {counts}")
    return 0


def _refresh(args) -> int:
    from .site.pages import THEME_NOTEBOOKS
    from .site.refresh import refresh

    names = args.notebooks or list(THEME_NOTEBOOKS)
    unknown = [n for n in names if n not in THEME_NOTEBOOKS]
    if unknown:
        raise SystemExit(f"error: unknown notebook {unknown[0]!r}; choose from {', '.join(THEME_NOTEBOOKS)}")
    for name in names:
        path = refresh(name)
        print(f"refreshed {path.relative_to(paths.PROJECT_ROOT)}")
    return 0


def _figures(args) -> int:
    from .site.exports import export_all
    from .report.params import validate

    langs = ("en", "zh") if args.lang == "both" else (args.lang,)
    params = {"start_year": args.start_year, "end_year": args.end_year, "data_dir": args.data_dir}
    for lang in langs:
        validate({**params, "lang": lang})  # stop before writing anything
    written = export_all(args.out, langs, args.slides, tuple(args.formats), args.dpi, args.charts or None, **params)
    print(f"wrote {len(written)} files to {args.out}")
    return 0


def _rerun(args) -> int:
    from .site.rerun import parameters_from_args, rerun

    manifest = rerun(parameters_from_args(args), args.out, args.notebooks or None, args.jobs)
    failed = [r for r in manifest["notebooks"] if r["status"] == "failed"]
    if failed:
        print(f"error: {failed[0]['notebook']} {failed[0]['error']} (partial output: {args.out}/{failed[0]['output']})",
              file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {len(manifest['notebooks'])} notebooks in {manifest['seconds']} s; see manifest.json")
    return 0


def _locales(args) -> int:
    from .site.translations import catalogue_problems, update_catalogues

    written = update_catalogues()
    problems = catalogue_problems()
    print(f"updated {len(written)} catalogues in locales/zh_CN; {len(problems)} messages to translate or review")
    return 0


def _book(args) -> int:
    from .site.book import build_site

    return build_site(strict=not args.lenient, pdf=not args.no_pdf, chinese=not args.english_only)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m hundred_models", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-data", help="validate data/raw and data/external and write data/clean")
    b.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="folder of curated CSVs")
    b.add_argument("--epoch", type=Path, default=paths.EPOCH_CSV, help="Epoch AI notable models CSV")
    b.add_argument("--out", type=Path, default=paths.CLEAN_DIR, help="output folder (replaced atomically)")
    b.add_argument("--seeds", type=Path, default=None, help=f"article texts (default: ${paths.SEEDS_ENV} or ../shared/seeds)")
    b.set_defaults(run=_build_data)
    r = sub.add_parser("refresh-notebooks", help="re-execute the theme notebooks and store their outputs")
    r.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    r.set_defaults(run=_refresh)
    f = sub.add_parser("figures", help="export every chart for slides and papers")
    f.add_argument("charts", nargs="*", help="chart names (default: all)")
    f.add_argument("--lang", default="en", help="en, zh or both (default en)")
    f.add_argument("--slides", action="store_true", help="also write a 16:9 slide version of each chart")
    f.add_argument("--out", type=Path, default=Path("exports"), help="output folder (default exports/)")
    f.add_argument("--formats", nargs="+", default=["png", "svg", "pdf"], choices=["png", "svg", "pdf"])
    f.add_argument("--dpi", type=int, default=300, help="PNG resolution (default 300)")
    f.add_argument("--start-year", dest="start_year", default=2017)
    f.add_argument("--end-year", dest="end_year", default=2025)
    f.add_argument("--data-dir", dest="data_dir", default=None)
    f.set_defaults(run=_figures)
    n = sub.add_parser("rerun", help="run the theme notebooks with other parameters into a run folder")
    n.add_argument("notebooks", nargs="*", help="notebook names (default: all five)")
    n.add_argument("--out", type=Path, required=True, help="run folder to create (must be new or empty)")
    n.add_argument("-f", "--parameters-file", dest="parameters_file", type=Path, help="YAML file of parameters")
    n.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="a parameter, as papermill's -p (repeatable)")
    n.add_argument("--lang", default=None)
    n.add_argument("--start-year", dest="start_year", default=None)
    n.add_argument("--end-year", dest="end_year", default=None)
    n.add_argument("--data-dir", dest="data_dir", default=None)
    n.add_argument("-j", "--jobs", type=int, default=None, help="notebooks run at once (default: the number of cores)")
    n.set_defaults(run=_rerun, fig_dir=None)
    loc = sub.add_parser("locales", help="update the Chinese edition's gettext catalogues from the English sources")
    loc.set_defaults(run=_locales)
    k = sub.add_parser("book", help="build the site into _build/html")
    k.add_argument("--lenient", action="store_true", help="do not fail on Sphinx warnings")
    k.add_argument("--no-pdf", dest="no_pdf", action="store_true", help="leave the PDFs as they are (faster checks of the pages)")
    k.add_argument("--english-only", dest="english_only", action="store_true",
                   help="leave the Chinese edition as it is (faster while writing; a full build brings it up to date)")
    k.set_defaults(run=_book)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (DataError, ParameterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (RuntimeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
