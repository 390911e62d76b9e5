"""Committed notebook outputs: a refresh reproduces them byte for byte, and nbval catches them once the data moves on.

Each test works on a scratch copy of the project (see :mod:`tests.projects`).
"""
from __future__ import annotations

import re

from hundred_models.data import paths
from tests.projects import change_count, run


def test_refresh_is_deterministic_and_committed_outputs_are_current(project):
    """Refreshing twice changes nothing, and a refresh of unchanged data reproduces the committed notebook."""
    name = "03_vertical_models.ipynb"
    committed = (paths.NOTEBOOKS_DIR / name).read_bytes()
    run(project, "-m", "hundred_models", "refresh-notebooks", "03_vertical_models")
    first = (project / "notebooks" / name).read_bytes()
    run(project, "-m", "hundred_models", "refresh-notebooks", "03_vertical_models")
    assert (project / "notebooks" / name).read_bytes() == first
    assert b'"execution"' not in first
    assert first == committed, "committed outputs differ from a fresh run: run `make refresh` and commit"


def test_nbval_catches_data_drift_until_outputs_are_refreshed(project):
    change_count(project)
    run(project, "-m", "hundred_models", "build-data")
    nbval = ("-m", "pytest", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
             "tests/nbval_sanitize.cfg", "notebooks/02_players.ipynb")
    stale = run(project, *nbval, check=False)
    assert stale.returncode != 0, "nbval passed although the data changed"
    report = re.sub(r"\x1b\[[0-9;]*m", "", stale.stdout)
    assert "02_players.ipynb::Cell" in report, report[-2000:]
    # In nbval's diff, '-' lines are the new run and '+' lines the stored output: the count must have moved 80 -> 90.
    assert re.search(r"^\s*-.*>90<", report, re.M), "the new value should appear in the new run's lines of the diff"
    assert re.search(r"^\s*\+.*>80<", report, re.M), "the stored value should appear in the stored lines of the diff"
    run(project, "-m", "hundred_models", "refresh-notebooks", "02_players")
    fresh = run(project, *nbval, check=False)
    assert fresh.returncode == 0, fresh.stdout[-3000:]
