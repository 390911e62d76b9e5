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


# ---------------------------------------------------------------- the charts' Chinese strings and the glossary
CHARTS_DIR = paths.PROJECT_ROOT / "hundred_models" / "report" / "charts"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: English words the chart strings use in another sense than the glossary's term, consumed before terms are matched.
OTHER_SENSES = {
    "claim": [r"makers claim"],  # the verb (宣称), not a claim (说法) as a row of claims.csv
    "note": [r"\bNote:"],  # a chart's footnote (注：), not a column of the data (备注)
}


def _text(node) -> str | None:
    """A string literal, an f-string (its fields as a gap) or a sum of them; None for anything else."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " … " for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        return None if left is None or right is None else left + right
    return None


def chart_string_pairs(source: str) -> list[tuple[str, str]]:
    """(English, Chinese) pairs a chart module writes: tr(lang, en, zh), ("English", "中文") in a vocabulary,
    {"en": ..., "zh": ...} (titles, captions) and ``en if lang == "en" else zh``."""
    import ast

    pairs = []
    for node in ast.walk(ast.parse(source)):
        candidates = []
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and len(node.args) == 3:
            candidates.append((node.args[1], node.args[2]))
        elif isinstance(node, ast.Tuple):
            candidates += list(zip(node.elts, node.elts[1:]))
        elif isinstance(node, ast.IfExp):
            candidates += [(node.body, node.orelse), (node.orelse, node.body)]
        elif isinstance(node, ast.Dict):
            keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
            if "en" in keys and "zh" in keys:
                candidates.append((node.values[keys.index("en")], node.values[keys.index("zh")]))
        for a, b in candidates:
            en, zh = _text(a), _text(b)
            if en and zh and not CJK.search(en) and CJK.search(zh):
                pairs.append((en, zh))
    return pairs


def glossary_terms() -> list[tuple[str, str, re.Pattern]]:
    """(English term, Chinese term, pattern for the English in running text), longest first."""
    with open(paths.PROJECT_ROOT / "locales" / "glossary.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for row in rows:
        words = re.sub(r"\s*\(.*?\)", "", row["term_en"]).strip()  # "filing (with the CAC)": the term is "filing"
        pattern = re.compile(r"(?<![\w-])" + re.escape(words).replace(r"\ ", r"[\s-]+") + r"(s|es)?(?![\w-])", re.I)
        out.append((row["term_en"], row["term_zh"], pattern))
    return sorted(out, key=lambda t: -len(t[0]))


def glossary_violations(pairs) -> list[str]:
    """Each chart string whose English uses a glossary term and whose Chinese lacks the term's Chinese.

    Longer terms are matched first and their words consumed, so "vendor's own benchmark" (厂商自报的测试结果) is not
    also checked as "benchmark result", nor "sparse mixture-of-experts" as "mixture-of-experts".
    """
    bad = []
    for en, zh in pairs:
        rest = en
        for term, senses in OTHER_SENSES.items():
            for sense in senses:
                rest = re.sub(sense, " ", rest, flags=re.I)
        for term_en, term_zh, pattern in glossary_terms():
            if pattern.search(rest):
                rest = pattern.sub(" ", rest)
                if term_zh not in zh:
                    bad.append(f"{term_en} -> {term_zh}: {en[:70]!r} / {zh[:40]!r}")
    return bad


def test_the_charts_chinese_strings_use_the_glossary():
    """Where a chart's English uses a glossary term, its Chinese uses the glossary's Chinese term, as the prose does."""
    pairs = [pair for module in sorted(CHARTS_DIR.glob("*.py")) for pair in chart_string_pairs(module.read_text("utf-8"))]
    assert len(pairs) > 150
    bad = glossary_violations(pairs)
    assert bad == [], f"{len(bad)} chart strings differ from the glossary:\n" + "\n".join(bad)


def test_the_glossary_check_sees_a_wrong_term():
    source = 'x = tr(lang, "Estimate", "预计")\ny = {"en": "Release date", "zh": "发布日期"}\nz = ("Dense model", "密集模型")'
    pairs = chart_string_pairs(source)
    assert len(pairs) == 3
    assert [b.split(":")[0] for b in glossary_violations(pairs)] == ["estimate -> 估算", "dense model -> 稠密模型"]


# ---------------------------------------------------------------- Chinese words the generated pages need
def columns_without_chinese(tables) -> list[str]:
    return [f"{t.name}.{f.name}" for t in tables.values() for f in t.fields if not CJK.search(f.description_zh)]


def test_every_column_of_every_table_has_its_chinese_doc():
    """The Chinese data dictionary is generated from the schema's Chinese docs: a column without one fails here."""
    from hundred_models.data.schema import CLEAN_TABLES, RAW_TABLES

    assert columns_without_chinese(RAW_TABLES) == [] and columns_without_chinese(CLEAN_TABLES) == []
    assert [name for name, table in CLEAN_TABLES.items() if not CJK.search(table.description_zh)] == []


def test_a_column_without_its_chinese_doc_is_caught():
    from hundred_models.data.schema import F, Table

    table = Table("t", "T", "A table.", (F("a", "string", "A column.", zh="一列。"), F("b", "string", "Another.")))
    assert columns_without_chinese({"t": table}) == ["t.b"]


def test_the_chinese_data_dictionary_is_chinese():
    from hundred_models.data.dictionary import data_dictionary

    for which in ("clean", "raw"):
        zh, en = data_dictionary(which, "zh"), data_dictionary(which)
        assert list(zh.columns) == ["数据表", "列", "类型", "单位", "含义", "规则"] and len(zh) == len(en)
        assert zh["含义"].map(lambda text: bool(CJK.search(text))).all()
        assert not zh["规则"].str.contains("required|one of|refers to").any()


def test_every_code_the_chinese_tables_show_has_chinese_words():
    """Attributes of claims and facts, glue keys and the schema's vocabularies, each with its Chinese words."""
    from hundred_models.data import schema
    from hundred_models.data.labels import ATTRIBUTE_WORDS_ZH
    from hundred_models.report.gluekeys import KEYS, MEANINGS_ZH
    from hundred_models.report.load import load

    used = set(load("claims")["attribute"]) | set(load("facts")["attribute"]) | set(load("discrepancies")["attribute"].dropna())
    assert sorted(used - set(ATTRIBUTE_WORDS_ZH)) == []
    assert set(MEANINGS_ZH) == set(KEYS) and all(CJK.search(m) for m in MEANINGS_ZH.values())
    for english, chinese in [(schema.QUALIFIER_MEANINGS, schema.QUALIFIER_MEANINGS_ZH),
                             (schema.QUALIFIER_BASIS_MEANINGS, schema.QUALIFIER_BASIS_MEANINGS_ZH),
                             (schema.STATUS_MEANINGS, schema.STATUS_MEANINGS_ZH),
                             (schema.MODEL_UNIT_MEANINGS, schema.MODEL_UNIT_MEANINGS_ZH)]:
        assert set(english) == set(chinese)
