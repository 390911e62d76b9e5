"""The Chinese edition's catalogues: complete, not fuzzy, in step with the English sources, one glossary."""
from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

import pytest

from hundred_models.data import paths
from hundred_models.site.translations import catalogue_problems, extract, read_catalogue

LOCALES = paths.PROJECT_ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
ROLE = re.compile(r"\{[a-z:]+\}`[^`]*`")


@pytest.fixture(scope="module")
def templates():
    with tempfile.TemporaryDirectory() as tmp:
        yield extract(Path(tmp))


def test_every_message_is_translated_and_the_catalogues_follow_the_english(templates):
    """A new English paragraph is an untranslated message; an edited one is fuzzy or missing: both fail here."""
    problems = catalogue_problems(templates)
    assert problems == [], f"{len(problems)} messages: run `make locales` and translate them\n" + "\n".join(problems[:15])


def test_translations_keep_every_role_of_the_english():
    """Glue, citations and cross-references must survive translation, or a number or link silently disappears."""
    broken = []
    for po in sorted(LOCALES.rglob("*.po")):
        for message in read_catalogue(po):
            if message.id and message.string and not message.fuzzy:
                if sorted(ROLE.findall(str(message.id))) != sorted(ROLE.findall(str(message.string))):
                    broken.append(f"{po.relative_to(LOCALES)}: {str(message.id)[:60]!r}")
    assert broken == []


def test_glossary_has_one_chinese_term_per_english_term():
    with open(paths.PROJECT_ROOT / "locales" / "glossary.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seen: dict[str, str] = {}
    for row in rows:
        key = row["term_en"].strip().lower()
        assert row["term_zh"].strip(), row
        assert seen.setdefault(key, row["term_zh"]) == row["term_zh"], f"{row['term_en']} translated two ways"
    assert len(rows) >= 20
