"""Chapter 3, vertical models: the industry offers, what their makers claim, where errors cost most."""
from __future__ import annotations

import pandas as pd

from .. import style
from ..charts.render import chart_data
from ..charts.vertical import CLAIM_LABELS, EVIDENCE
from ..load import chosen_fact, load
from ..notebook import Chapter, key_figures
from ..params import Params
from ..tables import INDUSTRIES, QUALIFIERS, Col, parameters_words, present, reader_names

NOTEBOOK = "03_vertical_models"
LIFE_SCIENCE_SUBJECTS = ["protein-sequence-data", "single-cell-omics", "xtrimo"]
#: What each figure of the life-science table is (subject, attribute).
LIFE_ROWS = {
    ("protein-sequence-data", "sequences"): ("Protein sequences in the data", "蛋白质序列数据量"),
    ("protein-sequence-data", "sequences_upper"): ("Protein sequences, the higher figure ('or even')",
                                                   "蛋白质序列数据量（较高的数字，“甚至”）"),
    ("single-cell-omics", "genes_measured"): ("Genes measured in single-cell omics", "单细胞组学测量的基因数"),
    ("xtrimo", "nested_levels"): ("Nested levels xTrimo models", "xTrimo建模的嵌套层级"),
    ("xtrimo", "parameters"): ("xTrimo's parameters", "xTrimo的参数量"),
}
#: What kind of figure each vendor claim is (claims.status; the chart's data fills an empty status as vendor_report).
CLAIM_KINDS = {
    "vendor_projection": ("vendor projection, not a measurement", "厂商预计，并非实测"),
    "our_reading": ("vendor's own benchmark; tasks and figures paired by their order", "厂商自报的测试结果；任务与数字按顺序配对"),
    "vendor_report": ("vendor's own benchmark", "厂商自报的测试结果"),
}


def _percent(value, qualifier, lang: str) -> str:
    """'more than 400%' / '超过400%', '40.2%'."""
    figure = f"{float(value):g}%"
    if not isinstance(qualifier, str) or not qualifier:
        return figure
    words = QUALIFIERS.get(qualifier, (qualifier, qualifier))
    return f"{words[1]}{figure}" if lang == "zh" else f"{words[0]} {figure}"


def _tolerance(tolerance: pd.DataFrame) -> pd.DataFrame:
    """One row per industry, one column per kind of evidence, industries with the most evidence first (as charted)."""
    wide = tolerance.pivot(index="industry", columns="evidence", values="present")
    order = (tolerance[tolerance["present"]].groupby("industry").size()
             .reindex(tolerance["industry"].unique(), fill_value=0).sort_values(ascending=False, kind="mergesort").index)
    return wide.loc[list(order)].reset_index()


def summary(p: Params) -> Chapter:
    lang = p.lang
    verticals = load("verticals", p.data_dir)
    claimed = chart_data("vertical-claims", p)
    tolerance = chart_data("vertical-error-tolerance", p)
    facts = load("facts", p.data_dir)
    life = facts[facts["subject"].isin(LIFE_SCIENCE_SUBJECTS) & (facts["kind"] == "number")]
    costly = tolerance[(tolerance["evidence"] == "high_error_cost") & tolerance["present"]]
    names = reader_names(load("entities", p.data_dir))

    def value(subject, attribute) -> float:
        return float(chosen_fact(facts, subject, attribute)["value"])

    def hedge(subject, attribute):
        return (QUALIFIERS.get(chosen_fact(facts, subject, attribute)["qualifier"]) or ("", ""))

    claims = claimed.assign(
        what=[CLAIM_LABELS[a][2 if lang == "zh" else 1] for a in claimed["attribute"]],
        figure=[_percent(v, q, lang) for v, q in zip(claimed["value"], claimed["qualifier"])])
    life_rows = life.assign(
        what=[LIFE_ROWS.get((s, a), (f"{s}: {a}",) * 2)[1 if lang == "zh" else 0]
              for s, a in zip(life["subject"], life["attribute"])],
        figure=life["value"].map(lambda v: parameters_words(v, lang)))
    # An offer's articles: those of the claims about it or about the model it is built on.
    claims_table = load("claims", p.data_dir)
    offers = verticals.assign(articles=[
        "|".join(sorted(set(claims_table.loc[claims_table["subject"].isin([e, m]), "source_id"]))) or None
        for e, m in zip(verticals["entity_id"], verticals["model"])])
    evidence = {key: (en.replace(" (004)", ""), zh.replace("（004）", "")) for key, en, zh, _ in EVIDENCE}

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "offers": present(offers, [
            Col("entity_id", "Industry model or offer", "行业模型或方案", "name", names),
            Col("industry", "Industry", "行业", "label", INDUSTRIES), Col("provider", "Provider", "提供方", "name", names),
            Col("model", "Built on", "所用模型", "name", names), Col("articles", "Articles", "文章", "sources"),
        ], "vertical-offers", lang),
        "claims": present(claims, [
            Col("subject", "Model", "模型", "name", names), Col("what", "Claimed improvement", "宣称的提升"),
            Col("figure", "Figure", "数字"), Col("anchor", "As printed", "原文数字"),
            Col("status", "Kind of figure", "数字性质", "label", CLAIM_KINDS), Col("claim_id", "Claim", "说法编号"),
        ], "vertical-claims", lang),
        "tolerance": present(_tolerance(tolerance), [
            Col("industry", "Industry", "行业", "name", names),
            *[Col(key, en, zh, "bool") for key, (en, zh) in evidence.items()],
        ], "vertical-tolerance", lang),
        "life": present(life_rows, [
            Col("what", "What", "项目"), Col("anchor", "As printed", "原文数字"), Col("figure", "Value", "数值"),
            Col("qualifier", "Hedge", "限定词", "label", QUALIFIERS), Col("claim_ids", "Claim", "说法编号", "sources"),
        ], "vertical-life", lang),
    }
    chapter.glue = dict(
        vert_offers=len(verticals), vert_industries=verticals["industry"].nunique(),
        vert_emr_gain=value("shanhai-medical", "emr_entry_efficiency_gain"),
        vert_maas_industries=int(value("tencent-maas", "industries")),
        vert_maas_solutions=int(value("tencent-maas", "solutions")),
        vert_costly_industries=len(costly), vert_vendor_claims=len(claimed),
        vert_protein_sequences=value("protein-sequence-data", "sequences"),
        vert_protein_sequences_text=parameters_words(value("protein-sequence-data", "sequences"), lang),
        vert_xtrimo_class=style.short_number(value("xtrimo", "parameters"), lang))

    def projected(attribute, en, zh):
        words = hedge("shanhai-medical", attribute)
        return ((f"Shanhai: {en} ({words[0]}; vendor projection)", f"山海：{zh}（{words[1]}；厂商预计）"),
                value("shanhai-medical", attribute), ("percent", "%"), ("article 004", "文章004"))

    a_002_004 = ("articles 002, 004", "文章002、004")
    chapter.key_figures = key_figures([
        (("Industry models and offers named", "文章点名的行业模型与方案"), len(verticals), ("offers", "个"), a_002_004),
        (("Application areas they serve", "覆盖的应用领域"), verticals["industry"].nunique(), ("areas", "个"), a_002_004),
        projected("emr_entry_efficiency_gain", "record-entry efficiency gain", "病历录入效率提升"),
        projected("consultation_time_saved", "time saved per consultation", "单个患者问诊时间节约"),
        projected("outpatient_efficiency_gain", "outpatient efficiency gain", "门诊效率提升"),
        (("Tencent MaaS: industries", "腾讯MaaS：覆盖行业"), int(value("tencent-maas", "industries")),
         ("industries", "个行业"), ("article 004", "文章004")),
        ((f"Tencent MaaS: solutions ({hedge('tencent-maas', 'solutions')[0]})",
          f"腾讯MaaS：解决方案（{hedge('tencent-maas', 'solutions')[1]}）"), int(value("tencent-maas", "solutions")),
         ("solutions", "个"), ("article 004", "文章004")),
        (("Industries where one error is too costly", "一次出错代价过高的行业"), len(costly), ("industries", "个行业"),
         ("article 004", "文章004")),
        (("Protein sequences (of the order of; or even ten times more)", "蛋白质序列（量级；甚至再高一个量级）"),
         parameters_words(value("protein-sequence-data", "sequences"), lang), ("sequences", "条"),
         ("article 002", "文章002")),
    ], lang)
    return chapter
