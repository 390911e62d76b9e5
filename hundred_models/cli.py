"""Command line: ``python -m hundred_models build-data``.

Errors in the data print as one line naming file, row and column, and exit 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hundred_models", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-data", help="validate data/raw and data/external and write data/clean")
    b.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="folder of curated CSVs")
    b.add_argument("--epoch", type=Path, default=paths.EPOCH_CSV, help="Epoch AI notable models CSV")
    b.add_argument("--out", type=Path, default=paths.CLEAN_DIR, help="output folder (replaced atomically)")
    b.add_argument("--seeds", type=Path, default=None, help=f"article texts (default: ${paths.SEEDS_ENV} or ../shared/seeds)")
    args = parser.parse_args(argv)
    if args.command == "build-data":
        from .build import build

        try:
            frames = build(args.raw, args.epoch, args.out, args.seeds)
        except DataError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in frames.items())
        print(f"wrote {args.out}: {counts}")
    return 0
