"""Every path the project uses, resolved from this package's own location.

Notebooks and scripts import these instead of writing ``"../data"``, so they work
from any working directory (papermill, jupyter-book and pytest all start elsewhere).
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
EXTERNAL_DIR = DATA_DIR / "external"
EPOCH_DIR = EXTERNAL_DIR / "epoch-ai"
EPOCH_CSV = EPOCH_DIR / "notable_ai_models.csv"
CLEAN_DIR = DATA_DIR / "clean"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "book" / "figures"

#: Environment variable that points the project at another copy of the articles.
SEEDS_ENV = "HMW_SEEDS_DIR"


def seeds_dir() -> Path:
    """Folder holding the five article texts.

    The texts are not part of the repo (we keep figures, not sentences), so they are read
    from ``../shared/seeds`` beside the checkout unless ``HMW_SEEDS_DIR`` says otherwise.
    """
    override = os.environ.get(SEEDS_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return (PROJECT_ROOT.parent / "shared" / "seeds").resolve()
