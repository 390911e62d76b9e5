"""Rerun the theme notebooks with other parameters, in parallel, into a run folder.

``python -m hundred_models rerun --lang zh --start-year 2020 --out runs/zh-2020 [notebooks...]``
or ``-f params.yaml``. Parameters are validated before any notebook starts (a bad value or an
unknown name is one line naming it, and nothing is written). Each notebook runs through
papermill with its figures going to ``<out>/figures``; the committed notebooks are never
touched. A notebook that fails leaves ``<name>.failed.ipynb`` with its partial output, and the
command exits non-zero naming the failing cell. ``manifest.json`` records the parameters, the
checksums of the input data, package versions and durations.
"""
from __future__ import annotations

import json
import os
import platform
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

from ..data import paths
from ..data.files import atomic_write, sha256_file
from ..report.params import NAMES, ParameterError, Params, validate
from .pages import THEME_NOTEBOOKS
from .refresh import ANSI
from .workers import parallel_map, worker_count

PACKAGES = ("hundred_models", "papermill", "nbclient", "ipykernel", "pandas", "numpy", "matplotlib", "scipy",
            "jupyter-book", "myst-nb")


class RerunError(RuntimeError):
    """A rerun that could not start or did not finish; the message is one line."""


def read_parameter_file(path: Path) -> dict:
    """Parameters from a YAML mapping, as papermill's ``-f`` takes them."""
    path = Path(path)
    if not path.is_file():
        raise ParameterError(f"parameter file {path} not found")
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ParameterError(f"parameter file {path} is not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(values, dict):
        raise ParameterError(f"parameter file {path} must hold a mapping of parameter names to values")
    return values


def _check_out(out: Path) -> Path:
    out = Path(out).resolve()
    if out == paths.NOTEBOOKS_DIR.resolve() or paths.NOTEBOOKS_DIR.resolve() in out.parents:
        raise ParameterError(f"--out {out} is inside notebooks/: a rerun never writes over the committed notebooks")
    if out.exists() and any(out.iterdir()):
        raise ParameterError(f"--out {out} already exists and is not empty; choose a new run folder")
    return out


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


@dataclass
class Progress:
    """Which notebooks are waiting, running, done or failed; prints a line whenever that changes."""

    names: list[str]
    stream: object = sys.stdout
    state: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.state = {n: "waiting" for n in self.names}

    def set(self, name: str, status: str, detail: str = "") -> None:
        with self.lock:
            self.state[name] = status
            done = sum(s in ("done", "failed") for s in self.state.values())
            running = [n for n, s in self.state.items() if s == "running"]
            line = f"[{done}/{len(self.names)}] {name}: {status}{(' ' + detail) if detail else ''}"
            if running:
                line += f" | running: {', '.join(running)}"
            print(line, file=self.stream, flush=True)


def _failing_cell(output: Path) -> str:
    import nbformat

    from .refresh import failing_cell

    try:
        return failing_cell(nbformat.read(output, as_version=4))
    except Exception:  # noqa: BLE001 - the notebook may not even be readable
        return "failed before any cell ran"


def _run_one(name: str, p: Params, out: Path, progress: Progress) -> dict:
    import papermill

    source = paths.NOTEBOOKS_DIR / f"{name}.ipynb"
    target = out / f"{name}.ipynb"
    parameters = {"lang": p.lang, "start_year": p.start_year, "end_year": p.end_year, "data_dir": str(p.data_dir),
                  "fig_dir": str(out / "figures")}
    progress.set(name, "running")
    started = time.monotonic()
    try:
        papermill.execute_notebook(str(source), str(target), parameters=parameters, cwd=str(paths.NOTEBOOKS_DIR),
                                   kernel_name="python3", progress_bar=False, log_output=False,
                                   request_save_on_cell_execute=False)
    except Exception as exc:  # noqa: BLE001 - papermill raises its own error types; all mean "failed"
        seconds = round(time.monotonic() - started, 2)
        failed = target.with_name(f"{name}.failed.ipynb")
        if target.exists():
            os.replace(target, failed)
            reason = _failing_cell(failed)
        else:
            reason = ANSI.sub("", str(exc)).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        progress.set(name, "failed", f"({seconds} s): {reason}")
        return {"notebook": name, "status": "failed", "seconds": seconds, "output": failed.name, "error": reason}
    seconds = round(time.monotonic() - started, 2)
    progress.set(name, "done", f"({seconds} s)")
    return {"notebook": name, "status": "done", "seconds": seconds, "output": target.name}


def rerun(values: dict, out: Path, notebooks: list[str] | None = None, jobs: int | None = None,
          stream=sys.stdout) -> dict:
    """Validate, run, write the manifest; returns it. Raises ParameterError before writing anything."""
    unknown_nb = [n for n in (notebooks or []) if n not in THEME_NOTEBOOKS]
    if unknown_nb:
        raise ParameterError(f"unknown notebook {unknown_nb[0]!r}; choose from {', '.join(THEME_NOTEBOOKS)}")
    p = validate(values)
    out = _check_out(out)
    names = list(notebooks or THEME_NOTEBOOKS)
    jobs = worker_count(jobs, len(names))
    (out / "figures").mkdir(parents=True, exist_ok=True)
    progress = Progress(names, stream)
    started = time.time()
    clock = time.monotonic()
    results = dict(zip(names, parallel_map(lambda n: _run_one(n, p, out, progress), names, jobs)))
    manifest = {
        "parameters": {"lang": p.lang, "start_year": p.start_year, "end_year": p.end_year, "data_dir": str(p.data_dir),
                       "fig_dir": str(out / "figures")},
        "notebooks": [results[n] for n in names],
        "inputs": {f.name: sha256_file(f) for f in sorted(p.data_dir.glob("*")) if f.is_file()},
        "versions": _versions(),
        "jobs": jobs,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(time.monotonic() - clock, 2),
        "status": "failed" if any(r["status"] == "failed" for r in results.values()) else "done",
    }
    atomic_write(out / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def parameters_from_args(args) -> dict:
    """Merge a YAML file, ``-p name value`` pairs and the named options (named options win)."""
    values: dict = {}
    if args.parameters_file:
        values.update(read_parameter_file(args.parameters_file))
    for name, value in args.parameter or []:
        values[name] = yaml.safe_load(value) if value not in ("",) else value
    for name in NAMES:
        option = getattr(args, name, None)
        if option is not None:
            values[name] = option
    return values
