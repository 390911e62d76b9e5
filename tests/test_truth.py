"""Truth guards: who built what rests on a claim or a citation, every hedge and status is one the Methods page
documents, every curated finding names its primary source, models are counted by one rule, and the corrections
made in the second truth review (issue 10) cannot quietly come undone.

Each check is a function over the tables that returns what is wrong, so every test also breaks a copy of the data
and watches the same check report it.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from hundred_models.data import paths, schema
from hundred_models.data.build import build, load_raw

METHODS = paths.PROJECT_ROOT / "book" / "methods.ipynb"


@pytest.fixture(scope="module")
def raw() -> dict[str, pd.DataFrame]:
    return load_raw(check_articles=False).tables


def _copy(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in raw.items()}


def _set(frame: pd.DataFrame, key: str, key_value: str, column: str, value) -> None:
    rows = frame.index[frame[key] == key_value]
    assert len(rows) == 1, f"{key_value!r} not found once in {key}"
    frame.loc[rows[0], column] = value


# ---------------------------------------------------------------- developers rest on claims or cited facts

def _spellings(org: dict) -> list[str]:
    names = [org["name_en"], org["name_zh"]]
    for column in ("aliases", "epoch_organization"):
        names += (org[column] or "").split("|")
    return [n for n in names if n]


def unsupported_developers(t: dict[str, pd.DataFrame]) -> list[str]:
    """(model, developer) pairs that no developed_by claim states and whose citation does not name the developer."""
    claims = t["claims"]
    stated = set(zip(claims.loc[claims["attribute"] == "developed_by", "subject"],
                     claims.loc[claims["attribute"] == "developed_by", "object"]))
    orgs = {o["entity_id"]: o for o in t["organisations"].to_dict("records")}
    out = []
    for m in t["models"].to_dict("records"):
        citation = (m["developers_citation"] or "").casefold()
        for dev in m["developers"].split("|"):
            if (m["entity_id"], dev) in stated:
                continue
            if not any(name.casefold() in citation for name in _spellings(orgs[dev])):
                out.append(f"{m['entity_id']}: {dev}")
    return out


def test_each_developer_rests_on_a_claim_or_a_citation_naming_it(raw):
    assert unsupported_developers(raw) == []


def test_the_developer_check_can_fail(raw):
    t = _copy(raw)
    _set(t["models"], "entity_id", "pangu-alpha", "developers_citation", None)
    _set(t["models"], "entity_id", "palm-e", "developers_citation", "Driess et al., arXiv:2303.03378")  # names no one
    assert unsupported_developers(t) == ["palm-e: tu-berlin", "pangu-alpha: peng-cheng-lab"]


# ---------------------------------------------------------------- hedges and statuses are the documented ones

def undocumented_vocabulary(t: dict[str, pd.DataFrame]) -> list[str]:
    """Qualifiers, qualifier bases and statuses that are not in the vocabulary Methods documents."""
    out = []
    vocabularies = [(schema.QUALIFIERS, schema.QUALIFIER_MEANINGS, "qualifier"),
                    (schema.QUALIFIER_BASES, schema.QUALIFIER_BASIS_MEANINGS, "qualifier basis"),
                    (schema.STATUSES, schema.STATUS_MEANINGS, "status")]
    for values, meanings, what in vocabularies:
        if set(values) != set(meanings) or not all(meanings.values()):
            out.append(f"{what}: vocabulary and meanings differ")
    claims = t["claims"]
    for column, values in (("qualifier", schema.QUALIFIERS), ("qualifier_basis", schema.QUALIFIER_BASES),
                           ("status", schema.STATUSES)):
        out += [f"{c}: {column} {v!r}" for c, v in zip(claims["claim_id"], claims[column]) if v and v not in values]
    deployments = t["deployments"]
    out += [f"{d}: status {s!r}" for d, s in zip(deployments["entity_id"], deployments["status"])
            if s not in schema.DEPLOYMENT_STATUSES]
    return out


def test_every_qualifier_and_status_is_documented(raw):
    assert undocumented_vocabulary(raw) == []
    assert schema.REPORTED_MEANING  # the plain claim, which has no status value


def test_the_vocabulary_check_can_fail(raw):
    t = _copy(raw)
    _set(t["claims"], "claim_id", "004-034", "qualifier", "no_more_than")
    _set(t["claims"], "claim_id", "001-007", "status", "rumour")
    assert undocumented_vocabulary(t) == ["004-034: qualifier 'no_more_than'", "001-007: status 'rumour'"]
    meanings = dict(schema.STATUS_MEANINGS)
    try:
        del schema.STATUS_MEANINGS["projection"]
        assert undocumented_vocabulary(raw) == ["status: vocabulary and meanings differ"]
    finally:
        schema.STATUS_MEANINGS.clear()
        schema.STATUS_MEANINGS.update(meanings)


def test_methods_generates_the_vocabulary_tables_from_the_schema():
    """The Methods tables are built by code from schema.py, not retyped: the page calls report/methods.py, which reads them."""
    page = "\n".join("".join(c["source"]) for c in json.loads(METHODS.read_text(encoding="utf-8"))["cells"]
                     if c["cell_type"] == "code")
    assert "from hundred_models.report import methods" in page and "methods.qualifiers_table(" in page
    code = (paths.PROJECT_ROOT / "hundred_models" / "report" / "methods.py").read_text(encoding="utf-8")
    for name in ("QUALIFIERS", "QUALIFIER_MEANINGS", "QUALIFIER_BASES", "QUALIFIER_BASIS_MEANINGS", "STATUSES",
                 "STATUS_MEANINGS", "REPORTED_MEANING", "MODEL_UNITS", "MODEL_UNIT_MEANINGS", "COUNTED_UNIT"):
        assert f"schema.{name}" in code, name


# ---------------------------------------------------------------- every finding names its primary source

PRIMARY_SOURCE = re.compile(r"https?://\S+|\barXiv:\d{4}\.\d{4,5}\b|\bdoi:10\.\d+/\S+|\bx\d{3}\b")
#: Findings whose evidence is the article's own figures (a printed total that its printed parts do not add up to).
INTERNAL_KINDS = {"sum_mismatch"}


def findings_without_source(t: dict[str, pd.DataFrame]) -> list[str]:
    """Findings that name no primary source: no address, arXiv id or DOI, and no cited external fact that exists."""
    external = t["external_facts"]
    cited = {f for f, c in zip(external["fact_id"], external["citation"]) if c}
    out = []
    for k in t["known_issues"].to_dict("records"):
        if k["kind"] in INTERNAL_KINDS:
            continue
        refs = PRIMARY_SOURCE.findall(f"{k['note']} {k['resolution']}")
        if not any(not re.fullmatch(r"x\d{3}", r) or r in cited for r in refs):
            out.append(k["issue_id"])
    return out


def test_every_finding_names_a_primary_source(raw):
    assert findings_without_source(raw) == []


def test_the_source_check_can_fail(raw):
    t = _copy(raw)
    k = t["known_issues"]
    _set(k, "issue_id", "k104", "note", "Article 001 dates GPT-4 to 15 March 2023, the date in China.")
    _set(k, "issue_id", "k010", "note", "Article 000 uses one name for two models (see x999).")  # no such fact
    assert findings_without_source(t) == ["k010", "k104"]


# ---------------------------------------------------------------- the rows fixed in issue 10 stay fixed

def _claim(t, claim_id: str) -> dict:
    return t["claims"].set_index("claim_id").loc[claim_id].to_dict()


def _developers(t, model: str) -> set[str]:
    return set(t["models"].set_index("entity_id").loc[model, "developers"].split("|"))


FIXED = {
    "PanGu-alpha credits Peng Cheng Laboratory, with a citation":
        lambda t: "peng-cheng-lab" in _developers(t, "pangu-alpha")
        and "Peng Cheng" in (t["models"].set_index("entity_id").loc["pangu-alpha", "developers_citation"] or ""),
    "INTERN credits Shanghai AI Laboratory, CUHK and SJTU beside SenseTime":
        lambda t: {"sensetime", "shanghai-ai-lab", "cuhk", "sjtu"} <= _developers(t, "intern"),
    "PaLM-E credits TU Berlin beside Google": lambda t: {"google", "tu-berlin"} <= _developers(t, "palm-e"),
    "INTERN is a family, the SenseTime vision model one model":
        lambda t: t["models"].set_index("entity_id").loc[["intern", "sensetime-cv-model"], "unit"].tolist()
        == ["family", "model"],
    "'no more than' (不过) is at_most, from the sentence, OpenAI's own projection":
        lambda t: (_claim(t, "004-034")["qualifier"], _claim(t, "004-034")["qualifier_basis"],
                   _claim(t, "004-034")["status"]) == ("at_most", "sentence", "vendor_projection"),
    "joining the trillion-dollar club is at least":
        lambda t: (_claim(t, "004-060")["qualifier"], _claim(t, "004-060")["qualifier_basis"]) == ("at_least", "sentence"),
    "Google's A3 is a ceiling, not a fleet":
        lambda t: t["deployments"].set_index("entity_id").loc["google-a3", "status"] == "ceiling",
    "GPT-3's GPU count and cost are estimates":
        lambda t: [_claim(t, c)["status"] for c in ("001-007", "001-009")] == ["estimate", "estimate"],
    "INTERN's four error reductions are paired with tasks by our reading":
        lambda t: [_claim(t, f"000-0{n}")["status"] for n in range(61, 65)] == ["our_reading"] * 4,
    "亿级 and 百万亿级 are the two ends of one range, not stage labels":
        lambda t: all((_claim(t, c)["subject"], _claim(t, c)["attribute"], _claim(t, c)["qualifier"])
                      == ("model-scale-stages", attribute, "order")
                      for c, attribute in (("000-012", "scale_range_low"), ("003-002", "scale_range_low"),
                                           ("000-013", "scale_range_high"), ("003-003", "scale_range_high"))),
    "size thresholds (10亿级…以上, 千亿级别 reached) are floors, from the sentence":
        lambda t: all((_claim(t, c)["qualifier"], _claim(t, c)["qualifier_basis"]) == ("at_least", "sentence")
                      for c in ("001-005", "004-014", "004-029")),
    "the models the articles call ultra-large are recorded":
        lambda t: {(c["subject"], c["object"]) for c in t["claims"].to_dict("records") if c["attribute"] == "scale_class"}
        >= {("gpt-3", "stage-ultra-large"), ("pangu-nlp", "stage-ultra-large"), ("pangu-alpha", "stage-ultra-large"),
            ("yuan-1.0", "stage-ultra-large"), ("bert", "stage-large-pretrained")},
    "INTERN and the SenseTime vision model are an open possible double count":
        lambda t: t["known_issues"].set_index("issue_id").loc["k103", "kind"] == "possible_double_count",
    "GPT-4's date is flagged as Beijing time": lambda t: t["known_issues"].set_index("issue_id").loc["k104", "kind"]
        == "time_zone",
}


def regressions(t: dict[str, pd.DataFrame]) -> list[str]:
    return [name for name, holds in FIXED.items() if not holds(t)]


def test_the_rows_fixed_in_issue_10_stay_fixed(raw):
    assert regressions(raw) == []


BREAKS = [  # (guard, table, key column, key, column, wrong value)
    ("PanGu-alpha credits Peng Cheng Laboratory, with a citation", "models", "entity_id", "pangu-alpha", "developers",
     "huawei|pku"),
    ("INTERN credits Shanghai AI Laboratory, CUHK and SJTU beside SenseTime", "models", "entity_id", "intern",
     "developers", "sensetime"),
    ("PaLM-E credits TU Berlin beside Google", "models", "entity_id", "palm-e", "developers", "google"),
    ("INTERN is a family, the SenseTime vision model one model", "models", "entity_id", "intern", "unit", "model"),
    ("'no more than' (不过) is at_most, from the sentence, OpenAI's own projection", "claims", "claim_id", "004-034",
     "qualifier", None),
    ("joining the trillion-dollar club is at least", "claims", "claim_id", "004-060", "qualifier", None),
    ("Google's A3 is a ceiling, not a fleet", "deployments", "entity_id", "google-a3", "status", "reported"),
    ("GPT-3's GPU count and cost are estimates", "claims", "claim_id", "001-009", "status", None),
    ("INTERN's four error reductions are paired with tasks by our reading", "claims", "claim_id", "000-063", "status",
     None),
    ("亿级 and 百万亿级 are the two ends of one range, not stage labels", "claims", "claim_id", "003-003", "subject",
     "stage-ultra-large"),
    ("size thresholds (10亿级…以上, 千亿级别 reached) are floors, from the sentence", "claims", "claim_id", "004-029",
     "qualifier", "order"),
    ("the models the articles call ultra-large are recorded", "claims", "claim_id", "003-098", "attribute", "modality"),
    ("INTERN and the SenseTime vision model are an open possible double count", "known_issues", "issue_id", "k103",
     "kind", "double_count"),
    ("GPT-4's date is flagged as Beijing time", "known_issues", "issue_id", "k104", "kind", "date_conflict"),
]


def test_every_guard_is_broken_once():
    assert [b[0] for b in BREAKS] == list(FIXED)


@pytest.mark.parametrize("guard, table, key, key_value, column, wrong", BREAKS, ids=[b[0][:40] for b in BREAKS])
def test_each_guard_goes_red_when_its_row_regresses(raw, guard, table, key, key_value, column, wrong):
    t = _copy(raw)
    _set(t[table], key, key_value, column, wrong)
    assert regressions(t) == [guard]


# ---------------------------------------------------------------- models are counted by one rule

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("truth") / "clean"
    return out, build(clean_dir=out)


@pytest.fixture(scope="module")
def clean(built) -> dict[str, pd.DataFrame]:
    return built[1]


def test_organisations_count_models_not_families_products_or_architectures(clean):
    orgs = clean["organisations"].set_index("entity_id")
    models = clean["models"]
    for org in ("openai", "baidu", "huawei", "sensetime", "google"):
        mine = models[models["developers"].str.split("|").map(lambda d, o=org: o in d)]
        assert orgs.loc[org, "model_count"] == int((mine["unit"] == schema.COUNTED_UNIT).sum()), org
        assert orgs.loc[org, "family_count"] == int((mine["unit"] == "family").sum()), org
    # ChatGPT and ERNIE Bot (products), the GPT, ERNIE and PanGu families and the Transformer are not models
    assert (orgs.loc["openai", "model_count"], orgs.loc["openai", "family_count"]) == (5, 1)
    assert (orgs.loc["baidu", "model_count"], orgs.loc["baidu", "family_count"]) == (2, 1)
    assert (orgs.loc["huawei", "model_count"], orgs.loc["huawei", "family_count"]) == (2, 1)
    assert orgs.loc["google", "model_count"] == 6  # BERT, T5, Switch Transformer, PaLM, PaLM-E, XLNet; not the Transformer


def test_a_possible_double_count_is_flagged_not_counted_silently(clean):
    models = clean["models"].set_index("entity_id")
    assert models.loc[["intern", "sensetime-cv-model"], "count_issues"].tolist() == ["k103", "k103"]
    assert models["count_issues"].notna().sum() == 2
    orgs = clean["organisations"].set_index("entity_id")
    assert orgs.loc["sensetime", "count_issues"] == "k103"
    assert (orgs.loc["sensetime", "model_count"], orgs.loc["sensetime", "family_count"]) == (1, 1)


def test_the_history_chart_draws_only_what_the_articles_support(built):
    """Two range ends resting on the four range claims; stage rings resting on scale_class claims; no stage bands;
    families and architectures drawn but neither counted nor fitted."""
    from hundred_models.report import notebook as nb
    from hundred_models.report.charts.history import scale_data

    data = scale_data(nb.setup(lang="en", data_dir=str(built[0])))
    ends = data[data["row_kind"] != "entry"].set_index("row_kind")
    assert sorted(ends.index) == ["scale_range_high", "scale_range_low"]
    assert ends.loc["scale_range_low", "stage_claim_ids"].split("|") == ["000-012", "003-002"]
    assert ends.loc["scale_range_high", "stage_claim_ids"].split("|") == ["000-013", "003-003"]
    assert (ends.loc["scale_range_low", "parameters"], ends.loc["scale_range_low", "parameters_high"]) == (1e8, 1e9)
    assert (ends.loc["scale_range_high", "parameters"], ends.loc["scale_range_high", "parameters_high"]) == (1e14, 1e15)
    entries = data[data["row_kind"] == "entry"].set_index("entity_id")
    ringed = entries[entries["scale_class"].notna()]
    assert ringed["stage_claim_ids"].notna().all()
    assert ringed.loc["pangu-alpha", "stage_claim_ids"] == "000-088|003-100"
    others = entries[entries["unit"] != schema.COUNTED_UNIT]
    assert sorted(others.index) == ["intern", "transformer"]
    assert not others["counted"].any() and not others["dense_record"].any()
    assert not data.loc[data["row_kind"] != "entry", "dense_record"].any()
