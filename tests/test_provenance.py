"""Every claim can be found where it says it comes from, in the text we registered."""
from __future__ import annotations

import hashlib

import pytest

from hundred_models.data import paths
from hundred_models.data.build import load_raw

from .conftest import SEEDS, SKIP_NO_SEEDS

EPOCH_SHA256 = "de234a4ea78999566fc2929a296450904cd1fad9c16ff58526ea2675a610c3ad"


@pytest.fixture(scope="module")
def raw():
    return load_raw(check_articles=False).tables


@SKIP_NO_SEEDS
def test_article_checksums_match_register(raw):
    for s in raw["sources"].to_dict("records"):
        digest = hashlib.sha256((SEEDS / f"{s['source_id']}.txt").read_bytes()).hexdigest()
        assert digest == s["sha256"], s["source_id"]


@SKIP_NO_SEEDS
def test_every_anchor_is_on_its_line(raw):
    texts = {s: (SEEDS / f"{s}.txt").read_text(encoding="utf-8").splitlines() for s in raw["sources"]["source_id"]}
    missing = [c["claim_id"] for c in raw["claims"].to_dict("records")
               if c["anchor"] not in texts[c["source_id"]][c["line"] - 1]]
    assert missing == []


def test_register_lists_exactly_the_article_files(raw):
    if not SEEDS.is_dir():
        pytest.skip(f"article texts not found at {SEEDS}")
    assert sorted(raw["sources"]["source_id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_epoch_copy_is_the_registered_file():
    assert hashlib.sha256(paths.EPOCH_CSV.read_bytes()).hexdigest() == EPOCH_SHA256
    assert EPOCH_SHA256 in (paths.EPOCH_DIR / "README.md").read_text(encoding="utf-8")


def test_chart_credit_names_the_dataset_and_access_date_of_our_copy():
    """The source lines under the charts give Epoch AI's dataset and access date: those of the copy we hold."""
    from hundred_models.data.epoch import EPOCH_ACCESSED, EPOCH_DATASET

    readme = (paths.EPOCH_DIR / "README.md").read_text(encoding="utf-8")
    assert f"Accessed: {EPOCH_ACCESSED}." in readme
    assert f'"{EPOCH_DATASET}"' in readme


def test_every_epoch_note_cites_a_document(raw):
    """A sparse or estimated count marked on a chart rests on a cited document (epoch_notes.csv)."""
    notes = raw["epoch_notes"]
    assert len(notes) > 0
    assert notes["citation"].str.len().min() > 40 and notes["url"].str.startswith("https://").all()
    sparse = notes[notes["architecture"] == "moe"]
    assert sparse["active_parameters"].isna().sum() < len(sparse)  # active counts where the developers give them


def test_every_article_contributes_claims(raw):
    counts = raw["claims"]["source_id"].value_counts()
    assert set(counts.index) == set(raw["sources"]["source_id"])
    assert (counts >= 15).all(), counts.to_dict()


def test_claim_coverage_is_substantial(raw):
    numeric_or_date = raw["claims"]["kind"].isin(["number", "date"]).sum()
    assert numeric_or_date >= 170


def test_no_article_sentences_in_notes(raw):
    """Notes are our own English: no run of Chinese characters longer than a name."""
    import re
    long_runs = [c["claim_id"] for c in raw["claims"].to_dict("records") if re.search(r"[\u4e00-\u9fff]{9,}", c["note"])]
    assert long_runs == []


def _runs(text: str, n: int = 15) -> set[str]:
    flat = "".join(text.split())
    return {flat[i:i + n] for i in range(len(flat) - n + 1)}


@SKIP_NO_SEEDS
def test_recorded_text_sharing_is_real_and_complete(raw):
    """Every line pair given as evidence shares a 15-character run, and no other article pair does."""
    texts = {s: (SEEDS / f"{s}.txt").read_text(encoding="utf-8").splitlines() for s in raw["sources"]["source_id"]}
    related = set()
    for rel in raw["source_relations"].to_dict("records"):
        a, b = rel["source_id"], rel["related_source_id"]
        related |= {(a, b), (b, a)}
        for pair in rel["evidence"].split("; "):
            la, lb = (int(x.split(":")[1]) for x in pair.split("~"))
            assert _runs(texts[a][la - 1]) & _runs(texts[b][lb - 1]), pair
    ids = sorted(texts)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            shared = _runs("\n".join(texts[a])) & _runs("\n".join(texts[b]))
            assert bool(shared) == ((a, b) in related), (a, b)
