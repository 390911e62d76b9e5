"""Reruns with other parameters: validated first, parallel, never touching the committed notebooks."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from hundred_models.data import paths
from hundred_models.report.params import ParameterError, validate
from hundred_models.site.rerun import rerun
from hundred_models.site.pages import THEME_NOTEBOOKS


def _hashes() -> dict[str, str]:
    return {n: hashlib.sha256((paths.NOTEBOOKS_DIR / f"{n}.ipynb").read_bytes()).hexdigest() for n in THEME_NOTEBOOKS}


@pytest.mark.parametrize("values, message", [
    ({"lang": "fr"}, "lang must be one of 'en', 'zh', got 'fr'"),
    ({"start_year": "abc"}, "start_year must be an int between"),
    ({"start_year": 2024, "end_year": 2020}, "start_year (2024) must not be after end_year (2020)"),
    ({"colour": "red"}, "unknown parameter 'colour'"),
    ({"end_year": 3000}, "end_year must be an int between"),
    ({"data_dir": "/nonexistent"}, "data_dir must be a folder built by"),
    ({"start_year": True}, "start_year must be an int"),
])
def test_bad_input_22_invalid_notebook_parameters(values, message):
    with pytest.raises(ParameterError) as info:
        validate(values)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_bad_input_23_invalid_rerun_parameters_write_nothing(tmp_path):
    out = tmp_path / "run"
    result = subprocess.run([sys.executable, "-m", "hundred_models", "rerun", "--lang", "fr", "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: lang must be one of 'en', 'zh', got 'fr'"
    assert not out.exists()


def test_bad_input_24_parameter_file_not_a_mapping(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text("- zh\n- 2020\n", encoding="utf-8")
    out = tmp_path / "run"
    result = subprocess.run([sys.executable, "-m", "hundred_models", "rerun", "-f", str(params), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "must hold a mapping" in result.stderr and not out.exists()


def test_rerun_in_parallel_from_a_parameter_file(tmp_path):
    before = _hashes()
    params = tmp_path / "params.yaml"
    params.write_text("lang: zh\nstart_year: 2020\n", encoding="utf-8")
    out = tmp_path / "run"
    result = subprocess.run([sys.executable, "-m", "hundred_models", "rerun", "-f", str(params), "--out", str(out),
                             "-j", "2", "03_vertical_models", "05_policy"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"]["lang"] == "zh" and manifest["parameters"]["start_year"] == 2020
    assert [n["status"] for n in manifest["notebooks"]] == ["done", "done"]
    assert set(manifest["inputs"]) >= {"claims.csv", "datapackage.json"} and manifest["versions"]["papermill"]
    assert (out / "figures" / "policy-timeline.zh.png").is_file()
    executed = nbformat.read(out / "05_policy.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "start_year = 2020" in injected[0].source
    assert "running" in result.stdout and "[2/2]" in result.stdout
    assert _hashes() == before, "a rerun must never touch the committed notebooks"


def test_failed_notebook_is_kept_marked_and_named(tmp_path):
    broken = tmp_path / "clean"
    shutil.copytree(paths.CLEAN_DIR, broken)
    (broken / "verticals.csv").unlink()
    out = tmp_path / "run"
    result = subprocess.run([sys.executable, "-m", "hundred_models", "rerun", "--data-dir", str(broken), "--out", str(out),
                             "03_vertical_models"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "03_vertical_models cell" in result.stderr and "verticals.csv" in result.stderr
    assert (out / "03_vertical_models.failed.ipynb").is_file() and not (out / "03_vertical_models.ipynb").exists()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["status"] == "failed"


def test_rerun_refuses_to_write_into_the_notebooks_folder():
    with pytest.raises(ParameterError, match="inside notebooks/"):
        rerun({}, paths.NOTEBOOKS_DIR / "run")
