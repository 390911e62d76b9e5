"""The data build: schema, foreign keys, merging and conflicts, bad input, determinism."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from hundred_models.data import paths
from hundred_models.data.build import build, load_raw
from hundred_models.data.errors import DataError
from hundred_models.data.facts import build_facts, dates_compatible
from hundred_models.data.schema import CLEAN_TABLES

from .conftest import HAVE_SEEDS, SEEDS, edit_csv


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean") / "clean"
    frames = build(clean_dir=out)
    return out, frames


def test_build_writes_every_table_and_schema(clean):
    out, _ = clean
    names = {p.name for p in out.iterdir()}
    assert names == {f"{t}.csv" for t in CLEAN_TABLES} | {"datapackage.json"}
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in package["resources"]}
    for table in CLEAN_TABLES.values():
        header = (out / f"{table.name}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert described[f"{table.name}.csv"] == header
        assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"])


def test_two_builds_are_byte_identical(clean, tmp_path):
    out, _ = clean
    again = tmp_path / "again"
    build(clean_dir=again)
    assert _digests(out) == _digests(again)


def test_models_refer_to_known_organisations(clean):
    _, f = clean
    orgs = set(f["organisations"]["entity_id"])
    assert all(set(d.split("|")) <= orgs for d in f["models"]["developers"])


def test_aliases_resolve_to_one_model():
    from hundred_models.data.validate import resolve
    raw = load_raw(check_articles=False)
    assert resolve(raw.aliases, "ERNIE3.0Titan") == resolve(raw.aliases, "ERNIE 3.0 Titan") == "ernie-3.0-titan"


def test_sparse_models_are_flagged(clean):
    _, f = clean
    moe = f["models"][f["models"]["architecture"] == "moe"]["entity_id"]
    assert {"switch-transformer", "bagualu"} <= set(moe)
    flagged = f["discrepancies"][f["discrepancies"]["kind"] == "sparse_vs_dense"]["subject"]
    assert set(flagged) >= {"switch-transformer", "bagualu"}


def test_epoch_crosscheck_records_differences(clean):
    _, f = clean
    cc = f["epoch_crosscheck"].set_index(["model", "attribute", "claim_id"])["verdict"].sort_index()
    assert set(cc.loc["gpt-3", "parameters"]) == {"agrees"}
    assert set(cc.loc["palm", "parameters"]) == {"differs"}
    assert set(cc.loc["mt-nlg", "release_date"]) == {"differs"}
    assert set(cc.loc["turing-nlg", "release_date"]) == {"differs"}
    assert set(cc.loc["mt-nlg", "parameters"]) == {"agrees"}


def test_charts_use_epoch_where_an_article_is_wrong(clean):
    _, f = clean
    m = f["models"].set_index("entity_id")
    assert m.loc["palm", "parameters"] == 540.35e9 and m.loc["palm", "parameters_basis"] == "epoch"
    assert m.loc["palm", "parameters_anchor"] == "530B"
    assert m.loc["mt-nlg", "release_date"] == "2021-10-11" and m.loc["mt-nlg", "release_basis"] == "epoch"
    assert m.loc["gpt-3", "parameters"] == 175e9 and m.loc["gpt-3", "parameters_basis"] == "articles"
    assert m.loc["gpt-3", "release_date_precise"] == "2020-05-28"


def test_article_errors_are_exposed(clean):
    """The errors the articles contain are all in the discrepancies table."""
    _, f = clean
    d = f["discrepancies"]
    kinds = set(zip(d["kind"], d["subject"]))
    assert ("misstated_value", "palm") in kinds            # PaLM530B
    assert ("double_count", "ernie-3.0-titan") in kinds    # ERNIE 3.0 Titan = Peng Cheng-Baidu Wenxin
    assert ("sum_mismatch", "palm") in kinds               # 29 + 11 != 68
    assert {("sparse_vs_dense", m) for m in ("switch-transformer", "m6-10t", "bagualu")} <= kinds
    assert ("date_conflict", "mt-nlg") in kinds
    both = d[d["detected_by"] == "build and reader"]
    assert {"palm", "mt-nlg", "turing-nlg", "pause-letter"} <= set(both["subject"])


def test_double_counted_model_is_one_entity(clean):
    _, f = clean
    titan = f["facts"][(f["facts"]["subject"] == "ernie-3.0-titan") & (f["facts"]["attribute"] == "release_date")]
    assert len(titan) == 1 and titan.iloc[0]["claim_ids"].count("000-") == 2
    sizes = f["facts"][(f["facts"]["subject"] == "ernie-3.0-titan") & (f["facts"]["attribute"] == "parameters")]
    assert not sizes["conflict"].any()  # 2600亿 and 千亿级 are compatible
    assert sizes.loc[sizes["chosen"], "value"].tolist() == [260e9]


def test_shared_text_counts_once(clean):
    """000 and 003 repeat one text: their shared figures have two sources but one independent one."""
    _, f = clean
    gpt = f["facts"][(f["facts"]["subject"] == "yuan-1.0") & (f["facts"]["attribute"] == "parameters")].iloc[0]
    assert gpt["n_sources"] == 2 and gpt["n_independent"] == 1


def test_official_dates_replace_vague_article_dates(clean):
    _, f = clean
    p = f["policies"].set_index("entity_id")
    assert p.loc["genai-measures", "draft_date"] == "2023-04-11"
    assert p.loc["genai-measures", "effective_date"] == "2023-08-15"
    assert p.loc["genai-measures", "draft_to_effect_days"] == 126
    assert p.loc["pause-letter", "published_date"] == "2023-03-22"
    assert "2023-03-29" in p.loc["pause-letter", "article_dates"]


def test_every_conflict_has_exactly_one_chosen_value(clean):
    _, f = clean
    facts = f["facts"]
    groups = facts[facts["kind"] != "named"].groupby(["subject", "attribute", facts["as_of"].fillna("")])
    assert (groups["chosen"].sum() == 1).all()


def test_epoch_slice_counts_chinese_models(clean):
    _, f = clean
    e = f["epoch_models"]
    assert len(e) == 976
    assert e.loc[e["year"] == 2023, "is_chinese"].sum() > 0


# ---------------------------------------------------------------- merging rules on hand-made fixtures
def _claims(rows):
    cols = ["claim_id", "source_id", "line", "anchor", "kind", "theme", "subject", "attribute", "value", "value_high",
            "unit", "date", "object", "qualifier", "as_of", "note"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


EMPTY_EXTERNAL = pd.DataFrame(columns=["fact_id", "subject", "attribute", "value", "unit", "date", "citation", "url", "note"])


def test_same_figure_in_two_articles_is_one_fact_and_copies_do_not_count():
    claims = _claims([
        ("000-001", "A", 1, "1750亿", "number", "history", "m", "parameters", 175e9, None, "parameters", None, None, None, None, "x"),
        ("001-001", "B", 1, "1750亿", "number", "history", "m", "parameters", 175e9, None, "parameters", None, None, None, None, "x"),
        ("002-001", "C", 1, "1750亿", "number", "history", "m", "parameters", 175e9, None, "parameters", None, None, None, None, "x"),
    ])
    facts = build_facts(claims, EMPTY_EXTERNAL, {"m": "models"}, {"C": {"A"}}, {})
    assert len(facts) == 1
    row = facts.iloc[0]
    assert row["source_ids"] == "A|B|C" and row["n_sources"] == 3 and row["n_independent"] == 2
    assert not row["conflict"] and row["chosen"]


def test_conflicting_figures_are_kept_flagged_and_one_is_chosen():
    claims = _claims([
        ("000-001", "A", 1, "1750亿", "number", "history", "m", "parameters", 175e9, None, "parameters", None, None, None, None, "x"),
        ("001-001", "B", 1, "15亿", "number", "history", "m", "parameters", 1.5e9, None, "parameters", None, None, None, None, "x"),
        ("002-001", "C", 1, "15亿", "number", "history", "m", "parameters", 1.5e9, None, "parameters", None, None, None, None, "x"),
    ])
    facts = build_facts(claims, EMPTY_EXTERNAL, {"m": "models"}, {}, {})
    assert len(facts) == 2 and facts["conflict"].all()
    assert facts.loc[facts["chosen"], "value"].tolist() == [1.5e9]  # two independent articles beat one
    with_epoch = build_facts(claims, EMPTY_EXTERNAL, {"m": "models"}, {}, {"m": 175e9})
    assert with_epoch.loc[with_epoch["chosen"], "value"].tolist() == [175e9]  # agreement with Epoch wins


def test_compatible_dates_are_not_a_conflict():
    assert dates_compatible("2023", "2023-03-16")
    assert not dates_compatible("2023-03", "2023-04")
    claims = _claims([
        ("000-001", "A", 1, "2023年", "date", "players", "m", "release_date", None, None, None, "2023", None, None, None, "x"),
        ("001-001", "B", 1, "3月16日", "date", "players", "m", "release_date", None, None, None, "2023-03-16", None, None, None, "x"),
    ])
    facts = build_facts(claims, EMPTY_EXTERNAL, {"m": "models"}, {}, {})
    assert not facts["conflict"].any()
    assert facts.loc[facts["chosen"], "date"].tolist() == ["2023-03-16"]


# ---------------------------------------------------------------- bad input: clear message, nothing written
def _assert_rejected(raw_dir: Path, tmp_path: Path, match: str, epoch: Path | None = None, seeds: Path | None = None):
    out = tmp_path / "clean"
    out.mkdir()
    (out / "sentinel.csv").write_text("last good build\n", encoding="utf-8")
    before = _digests(out)
    with pytest.raises(DataError, match=match) as info:
        build(raw_dir=raw_dir, clean_dir=out, epoch_csv=epoch, seeds=seeds)
    assert _digests(out) == before, "a failed build must leave the previous output untouched"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".clean")], "temporary folder left behind"
    assert "\n" not in str(info.value)
    return str(info.value)


def test_bad_input_01_missing_column(raw_copy, tmp_path):
    edit_csv(raw_copy / "claims.csv", ",qualifier,qualifier_basis,status,as_of,", ",qualifier_basis,status,as_of,")
    _assert_rejected(raw_copy, tmp_path, r"data/raw/claims.csv|claims.csv, row 0, column 'qualifier'")


def test_bad_input_02_duplicate_id(raw_copy, tmp_path):
    text = (raw_copy / "organisations.csv").read_text(encoding="utf-8").splitlines()
    (raw_copy / "organisations.csv").write_text("\n".join(text + [text[1]]) + "\n", encoding="utf-8")
    msg = _assert_rejected(raw_copy, tmp_path, r"organisations.csv, row \d+, column 'entity_id': duplicate")
    assert f"row {len(text)}" in msg


def test_bad_input_03_unknown_source(raw_copy, tmp_path):
    edit_csv(raw_copy / "claims.csv", "\n001-001,001_24967cd52ac5a3d3,", "\n001-001,009_24967cd52ac5a3d3,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'source_id': unknown source_id")


@pytest.mark.skipif(not HAVE_SEEDS, reason=f"article texts not found at {SEEDS}; anchors cannot be checked")
def test_bad_input_04_anchor_not_on_its_line(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims.iloc[0]
    edit_csv(raw_copy / "claims.csv", f"\n{first['claim_id']},{first['source_id']},{first['line']},",
             f"\n{first['claim_id']},{first['source_id']},{int(first['line']) + 1},")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row 1, column '(anchor|line)'", seeds=SEEDS)


def test_bad_input_05_unparseable_number(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims[claims["kind"] == "number"].iloc[0]
    edit_csv(raw_copy / "claims.csv", f",{first['anchor']},number,", ",一千七百五十x,number,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'anchor': cannot parse")


def test_bad_input_06_impossible_date(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims[claims["date"].str.len() == 10].iloc[0]
    edit_csv(raw_copy / "claims.csv", f",{first['date']},", f",{first['date'][:5]}02-30,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'date'")


def test_bad_input_07_value_not_what_anchor_prints(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims[(claims["attribute"] == "parameters")].iloc[0]
    edit_csv(raw_copy / "claims.csv", f"parameters,{first['value']},", f"parameters,{first['value']}0,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'value'")


def test_bad_input_08_unknown_developer(raw_copy, tmp_path):
    text = (raw_copy / "models.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = lines[0].split(",")
    row = dict.fromkeys(header, "")
    row.update(entity_id="zz-model", name_en="ZZ", developers="no-such-org", modality="text", scope="general",
               unit="model", architecture="unknown")
    lines.append(",".join(row[c] for c in header))
    (raw_copy / "models.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"models.csv, row \d+, column 'developers': unknown")


def test_bad_input_09_wrong_encoding(raw_copy, tmp_path):
    path = raw_copy / "organisations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    _assert_rejected(raw_copy, tmp_path, r"organisations.csv, row \d+: not valid UTF-8")


def test_bad_input_10_wrong_delimiter(raw_copy, tmp_path):
    path = raw_copy / "sources.csv"
    import csv
    import io
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"sources.csv, row 0: header has one column .* delimiter")


def test_bad_input_11_stray_quote(raw_copy, tmp_path):
    path = raw_copy / "organisations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",", ',"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"organisations.csv, row \d+")


def test_bad_input_12_negative_parameter_count():
    """A negative count passes the anchor check only if the anchor prints it, so check the range rule on its own."""
    from hundred_models.data.validate import check_value_range

    with pytest.raises(DataError, match=r"claims.csv, row 7, column 'value'.*negative"):
        check_value_range("data/raw/claims.csv", 7, {"value": -5.0, "unit": "parameters", "attribute": "parameters"})


@pytest.mark.skipif(not HAVE_SEEDS, reason=f"article texts not found at {SEEDS}; checksums cannot be checked")
def test_bad_input_13_article_checksum_changed(raw_copy, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with open(seeds / "003_cf7d46666ab8188c.txt", "a", encoding="utf-8") as fh:
        fh.write("\n")
    _assert_rejected(raw_copy, tmp_path, r"sources.csv, row 4, column 'sha256': checksum", seeds=seeds)


def test_bad_input_14_epoch_column_renamed(raw_copy, tmp_path):
    epoch = tmp_path / "epoch.csv"
    text = paths.EPOCH_CSV.read_text(encoding="utf-8")
    epoch.write_text(text.replace("Parameters,", "Params,", 1), encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"epoch.csv, row 0, column 'Parameters': required column missing", epoch=epoch)


def test_bad_input_15_unknown_subject(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims.iloc[0]
    edit_csv(raw_copy / "claims.csv", f",{first['theme']},{first['subject']},", f",{first['theme']},no-such-entity,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row 1, column 'subject': unknown entity")


def test_bad_input_16_category_outside_enum(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims.iloc[0]
    edit_csv(raw_copy / "claims.csv", f",{first['kind']},{first['theme']},", f",{first['kind']},gossip,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row 1, column 'theme'")


def test_bad_input_17_extra_column(raw_copy, tmp_path):
    path = raw_copy / "verticals.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",comment"] + [line + "," for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"verticals.csv, row 0, column 'comment': unexpected column")


def test_bad_input_18_date_out_of_range(raw_copy, tmp_path):
    claims = pd.read_csv(raw_copy / "claims.csv", dtype=str, keep_default_na=False)
    first = claims[claims["date"].str.len() == 4].iloc[0]
    edit_csv(raw_copy / "claims.csv", f",{first['date']},,", ",2099,,")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'date': date '2099': year 2099 outside")


def test_bad_input_19_absurd_parameter_count():
    from hundred_models.data.validate import check_value_range

    with pytest.raises(DataError, match=r"claims.csv, row 9, column 'value': parameter count 1e\+20 is outside"):
        check_value_range("data/raw/claims.csv", 9, {"value": 1e20, "unit": "parameters", "attribute": "parameters"})


def test_bad_input_20_qualifier_not_what_anchor_prints(raw_copy, tmp_path):
    text = (raw_copy / "claims.csv").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if ",约2500亿,number," in x)
    (raw_copy / "claims.csv").write_text(text.replace(line, line.replace(",about,", ",,")), encoding="utf-8")
    _assert_rejected(raw_copy, tmp_path, r"claims.csv, row \d+, column 'qualifier': anchor '约2500亿' reads as about")


def test_bad_input_21_developer_without_a_claim(raw_copy, tmp_path):
    edit_csv(raw_copy / "models.csv", ",商汤视觉模型,,sensetime,,", ",商汤视觉模型,,sensetime|baidu,,")
    _assert_rejected(raw_copy, tmp_path, r"models.csv, row \d+, column 'developers': developer 'baidu' of 'sensetime-cv-model' has no")


def test_bad_input_22_epoch_note_for_a_model_epoch_does_not_list(raw_copy, tmp_path):
    """A note on an Epoch AI count must name a model the table holds, or the chart it marks would silently miss it."""
    edit_csv(raw_copy / "epoch_notes.csv", "\nDeepSeek-V3,moe,", "\nDeepSeek V3,moe,")
    _assert_rejected(raw_copy, tmp_path, r"epoch_notes.csv, row \d+, column 'epoch_model': epoch_model 'DeepSeek V3' is "
                                         r"not in the Epoch table")


def test_a_data_error_raised_in_a_worker_process_arrives_whole(tmp_path):
    """Chart exports run in worker processes: a data error there must reach the user as itself, naming the file."""
    import pickle

    from hundred_models.site.exports import export_all

    error = pickle.loads(pickle.dumps(DataError("data/raw/claims.csv", "not a number", row=7, column="value")))
    assert (str(error), error.file, error.row, error.column) == (
        "data/raw/claims.csv, row 7, column 'value': not a number", "data/raw/claims.csv", 7, "value")
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "datapackage.json").write_text("{}", encoding="utf-8")  # a build whose tables are missing
    with pytest.raises(DataError, match=r"clean/\w+\.csv: not built yet: run `make data`"):
        export_all(tmp_path / "figures", ("en", "zh"), names=["policy-timeline", "history-scale"], data_dir=tmp_path / "clean")
