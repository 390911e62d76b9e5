"""Standard files that standard tools accept: the data package (frictionless) and the citation file (CFF 1.2.0)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from hundred_models.data import paths


def test_data_package_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    descriptor = paths.CLEAN_DIR / "datapackage.json"
    assert descriptor.is_file(), "run `make data` first"
    report = frictionless.validate(str(descriptor))
    errors = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors][:5] + \
             [err.message for err in report.errors][:5]
    assert report.valid, errors
    rows = sum(task.stats.get("rows") or 0 for task in report.tasks)
    assert rows > 1900, rows


def test_citation_file_is_valid_cff():
    jsonschema = pytest.importorskip("jsonschema")
    # Found, not imported: cffconvert's own imports need an old jsonschema, and only its schema file is used here.
    spec = importlib.util.find_spec("cffconvert")
    if spec is None:
        pytest.skip("cffconvert (for its CFF 1.2.0 schema) is not installed: run `make venv`")
    schema_path = Path(spec.submodule_search_locations[0]) / "schemas" / "1.2.0" / "schema.json"
    schema_text = schema_path.read_text(encoding="utf-8")
    citation = yaml.safe_load((paths.PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft7Validator(json.loads(schema_text)).iter_errors(citation), key=str)
    assert errors == [], [e.message for e in errors[:3]]
