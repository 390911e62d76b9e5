"""The Methods page (book/methods.ipynb): its glued counts and its tables, in either edition's language.

The English tables are those the page has always shown (the data's own column names and values); the
Chinese ones have Chinese headers, Chinese words for every code (hedges, statuses, units, kinds of
finding, attributes), Chinese names for entities and dates written 2023年3月16日. Free text that exists
only in English in the data (how a date was inferred, a finding's note and resolution) stays English,
and its header says so.
"""
from __future__ import annotations

import pandas as pd

from ..data import schema
from ..data.compare import ABOUT_TOLERANCE, interval
from ..data.facts import CHOICE_RULE, CHOICE_RULE_ZH
from ..data.labels import attribute_words
from ..data.numerals import PREFIX_QUALIFIERS, SEVERAL_WORDS, SUFFIX_QUALIFIERS, parse_number, significant_digits
from . import notebook as nb
from .load import load
from .phrases import date_text
from .tables import BUILD_KINDS, DETECTED_BY, DISCREPANCY_KINDS, QUALIFIERS, STATUSES, UNITS, figure_text, reader_names

#: A printed figure the hedges table applies each hedge to.
HEDGE_EXAMPLE = 100.0
#: Anchors from the data that the numerals table parses live.
NUMERAL_EXAMPLES = ["1750亿", "1.6万亿", "约2500亿", "百亿", "突破了174万亿个", "千亿级", "超过10亿美元", "三、四家", "数万块", "530B"]
RELATIONS = {"copies_from": ("copies from", "抄录自"), "shares_text_with": ("shares text with", "与之有相同文字")}
CLAIM_KINDS = {"number": "数字", "date": "日期", "named": "名称"}


def _zh(lang: str) -> bool:
    return lang == "zh"


def _yes_no(value: bool, lang: str) -> str:
    return ("是" if value else "否") if _zh(lang) else ("yes" if value else "no")


def _names(ids, names: dict, lang: str) -> str:
    """'baidu|pcl' as the reader's names: '百度、鹏城实验室' or 'Baidu, Peng Cheng Laboratory'."""
    if ids is None or ids != ids or ids == "":
        return ""
    parts = [names.get(i, (i, i))[1 if _zh(lang) else 0] for i in str(ids).split("|") if i]
    return ("、" if _zh(lang) else ", ").join(parts)


def glued(claims, facts, sources, disc, lang: str = "en") -> dict:
    """The numbers (and the choice rule, a phrase in the page's language) that the page's prose glues."""
    return {
        "n_claims": len(claims), "n_numeric_dates": int(claims["kind"].isin(["number", "date"]).sum()),
        "n_named": int((claims["kind"] == "named").sum()), "n_facts": len(facts),
        "n_multi": int((facts["n_sources"] > 1).sum()), "n_multi_independent": int((facts["n_independent"] > 1).sum()),
        "n_undated": int(sources["date_inferred"].sum()), "n_sources": len(sources), "about_pct": ABOUT_TOLERANCE * 100,
        "n_conflicts": int(facts.groupby(["subject", "attribute", facts["as_of"].fillna("")])["conflict"].any().sum()),
        "n_disc": len(disc), "n_external": int((facts["origin"] == "external").sum()), "hedge_example": HEDGE_EXAMPLE,
        "choice_rule": CHOICE_RULE_ZH if _zh(lang) else CHOICE_RULE,
    }


def sources_table(sources, lang: str = "en") -> nb.Table:
    if not _zh(lang):
        return nb.table(sources[["source_id", "outlet_en", "author", "published", "date_inferred", "date_basis"]],
                        "methods-sources")
    return nb.table(pd.DataFrame({
        "编号": sources["source_id"], "媒体": sources["outlet"], "作者": sources["author"].fillna(""),
        "发表日期": [date_text(d, "zh") for d in sources["published"]],
        "日期系推断": [_yes_no(v, lang) for v in sources["date_inferred"]],
        "日期依据（英文）": sources["date_basis"]}), "methods-sources")


def claim_counts(claims, lang: str = "en") -> nb.Table:
    counts = claims.groupby(["source_id", "kind"]).size().unstack(fill_value=0).reset_index()
    if _zh(lang):
        counts = counts.rename(columns={"source_id": "文章", **CLAIM_KINDS})
        counts.columns.name = None
    return nb.table(counts, "methods-claim-counts")


def _range_text(low, high, lang: str) -> str:
    if _zh(lang):
        return f"{figure_text(low, 'zh')}至" + ("无上限" if high == float("inf") else figure_text(high, "zh"))
    return f"{nb.count_text(low)} to " + ("no limit" if high == float("inf") else nb.count_text(high))


def numerals_table(lang: str = "en") -> nb.Table:
    """Anchors from the data, parsed live: value, upper end, hedge, unit mark, significant digits, range allowed."""
    rows = []
    for anchor in NUMERAL_EXAMPLES:
        parsed = parse_number(anchor)
        rng = interval(float(parsed.value), None if parsed.high is None else float(parsed.high), parsed.qualifier, anchor)
        if _zh(lang):
            rows.append({"原文数字": anchor, "数值": figure_text(float(parsed.value), "zh"),
                         "上端": "" if parsed.high is None else figure_text(float(parsed.high), "zh"),
                         "限定词": QUALIFIERS[parsed.qualifier][1] if parsed.qualifier in QUALIFIERS else "",
                         "单位标记": parsed.unit or "", "有效数字": significant_digits(anchor),
                         "允许的范围": _range_text(rng.low, rng.high, lang)})
        else:
            rows.append({"anchor": anchor, "value": nb.count_text(parsed.value), "upper end": nb.count_text(parsed.high),
                         "hedge": parsed.qualifier or "", "unit mark": parsed.unit or "",
                         "significant digits": significant_digits(anchor),
                         "range allowed": _range_text(rng.low, rng.high, lang)})
    return nb.table(pd.DataFrame(rows), "methods-numerals")


def qualifiers_table(claims, lang: str = "en") -> nb.Table:
    """Every hedge the data may use: its meaning, the marks read as it, the range around a printed 100, its claims."""
    marks: dict[str, list[str]] = {}
    for word, q in PREFIX_QUALIFIERS:
        marks.setdefault(q, []).append(word + "…")
    for word, q in SUFFIX_QUALIFIERS:
        marks.setdefault(q, []).append("…" + word)
    marks.setdefault("several", []).extend(w + "…" for w in SEVERAL_WORDS)
    numeric = claims[claims["kind"] == "number"]
    basis = numeric["qualifier_basis"].fillna("anchor")
    rows = []
    for q in schema.QUALIFIERS:
        rng = interval(HEDGE_EXAMPLE, 2 * HEDGE_EXAMPLE if q == "range" else None, q)
        n, from_sentence = int((numeric["qualifier"] == q).sum()), int(((numeric["qualifier"] == q) & (basis == "sentence")).sum())
        if _zh(lang):
            rows.append({"限定词": f"{QUALIFIERS[q][1]}（{q}）", "含义": schema.QUALIFIER_MEANINGS_ZH[q],
                         "原文标记": " ".join(marks.get(q, [])),
                         f"印出{HEDGE_EXAMPLE:.0f}时允许的范围": _range_text(rng.low, rng.high, lang), "说法数": n,
                         "其中出自句中": from_sentence})
        else:
            rows.append({"qualifier": q, "meaning": schema.QUALIFIER_MEANINGS[q],
                         "printed marks read as it": " ".join(marks.get(q, [])),
                         f"a printed {HEDGE_EXAMPLE:.0f} allows": _range_text(rng.low, rng.high, lang), "claims": n,
                         "of which from the sentence": from_sentence})
    return nb.table(pd.DataFrame(rows), "methods-qualifiers")


def qualifier_bases_table(claims, lang: str = "en") -> nb.Table:
    basis = claims[claims["kind"] == "number"]["qualifier_basis"].fillna("anchor")
    if _zh(lang):
        rows = [{"限定依据": f"{BASES_ZH[b]}（{b}）", "含义": schema.QUALIFIER_BASIS_MEANINGS_ZH[b], "数字说法数": int((basis == b).sum())}
                for b in schema.QUALIFIER_BASES]
    else:
        rows = [{"qualifier basis": b, "meaning": schema.QUALIFIER_BASIS_MEANINGS[b], "numeric claims": int((basis == b).sum())}
                for b in schema.QUALIFIER_BASES]
    return nb.table(pd.DataFrame(rows), "methods-qualifier-bases")


def statuses_table(claims, lang: str = "en") -> nb.Table:
    status = claims["status"].fillna("")
    zh = _zh(lang)
    rows = [{"状态": "（无）：说法", "含义": schema.REPORTED_MEANING_ZH, "说法数": int((status == "").sum()), "示例": ""} if zh else
            {"status": "(none): claim", "meaning": schema.REPORTED_MEANING, "claims": int((status == "").sum()),
             "for example": ""}]
    for s in schema.STATUSES:
        ids = claims.loc[status == s, "claim_id"]
        if zh:
            rows.append({"状态": f"{STATUSES[s][1]}（{s}）", "含义": schema.STATUS_MEANINGS_ZH[s], "说法数": len(ids),
                         "示例": "、".join(ids.iloc[:3])})
        else:
            rows.append({"status": s, "meaning": schema.STATUS_MEANINGS[s], "claims": len(ids),
                         "for example": ", ".join(ids.iloc[:3])})
    return nb.table(pd.DataFrame(rows), "methods-statuses")


def relations_table(relations, lang: str = "en") -> nb.Table:
    if not _zh(lang):
        return nb.table(relations, "methods-relations")
    return nb.table(pd.DataFrame({
        "文章": relations["source_id"], "相关文章": relations["related_source_id"],
        "关系": [RELATIONS.get(r, (r, r))[1] for r in relations["relation"]], "证据（行号对）": relations["evidence"],
        "备注（英文）": relations["note"].fillna("")}), "methods-relations")


#: Where a claim's hedge was found (claims.csv qualifier_basis), in Chinese.
BASES_ZH = {"anchor": "锚点", "sentence": "句中"}


def model_units_table(models, lang: str = "en") -> nb.Table:
    rows = []
    names = reader_names(load("entities")) if _zh(lang) else {}
    for u in schema.MODEL_UNITS:
        members = models[models["unit"] == u]
        if _zh(lang):
            rows.append({"单位": f"{UNITS[u][1]}（{u}）", "含义": schema.MODEL_UNIT_MEANINGS_ZH[u],
                         "是否计为模型": _yes_no(u == schema.COUNTED_UNIT, lang), "条目数": len(members),
                         "名称": _names("|".join(members["entity_id"]), names, lang)})
        else:
            rows.append({"unit": u, "meaning": schema.MODEL_UNIT_MEANINGS[u],
                         "counted as a model": _yes_no(u == schema.COUNTED_UNIT, lang), "entries": len(members),
                         "names": ", ".join(members["name_en"])})
    return nb.table(pd.DataFrame(rows), "methods-model-units")


def count_issues_table(models, lang: str = "en") -> nb.Table:
    flag = models[models["count_issues"].notna()]
    names = reader_names(load("entities"))
    zh = _zh(lang)
    return nb.table(pd.DataFrame({
        "编号" if zh else "ID": flag["entity_id"],
        "名称" if zh else "Name": [_names(e, names, lang) for e in flag["entity_id"]],
        "单位" if zh else "Unit": [UNITS[u][1 if zh else 0] for u in flag["unit"]],
        "开发机构" if zh else "Developers": [_names(d, names, lang) for d in flag["developers"]],
        "原文数字" if zh else "Figure as printed": flag["parameters_anchor"].fillna(""),
        "相关问题" if zh else "Findings": flag["count_issues"].str.replace("|", "、" if zh else ", ")}),
        "methods-count-issues")


def discrepancies_table(disc, lang: str = "en") -> nb.Table:
    """The curated and detected disagreements; their resolutions and notes are written in English only."""
    names = reader_names(load("entities"))
    kinds = {**DISCREPANCY_KINDS, **BUILD_KINDS}
    zh = _zh(lang)
    i = 1 if zh else 0
    return nb.table(pd.DataFrame({
        "编号" if zh else "ID": disc["discrepancy_id"], "类别" if zh else "Kind": [kinds.get(k, (k, k))[i] for k in disc["kind"]],
        "对象" if zh else "Subject": [_names(s, names, lang) for s in disc["subject"]],
        "属性" if zh else "Attribute": [attribute_words(a, lang) for a in disc["attribute"]],
        "所印数值" if zh else "Values as printed": disc["values"],
        "文章" if zh else "Articles": disc["source_ids"].fillna("").str.replace("|", "、" if zh else ", "),
        "处理方式（英文）" if zh else "Resolution": disc["resolution"].fillna(""),
        "备注（英文）" if zh else "Note": disc["note"].fillna(""),
        "发现者" if zh else "Found by": [DETECTED_BY.get(d, (d, d))[i] for d in disc["detected_by"]]}), "methods-discrepancies")
    names = reader_names(load("entities"))
    kinds = {**DISCREPANCY_KINDS, **BUILD_KINDS}
    return nb.table(pd.DataFrame({
        "编号": disc["discrepancy_id"], "类别": [kinds.get(k, (k, k))[1] for k in disc["kind"]],
        "对象": [_names(s, names, lang) for s in disc["subject"]],
        "属性": [attribute_words(a, "zh") for a in disc["attribute"]], "所印数值": disc["values"],
        "文章": disc["source_ids"].fillna("").str.replace("|", "、"),
        "处理方式（英文）": disc["resolution"].fillna(""), "备注（英文）": disc["note"].fillna(""),
        "发现者": [DETECTED_BY.get(d, (d, d))[1] for d in disc["detected_by"]]}), "methods-discrepancies")
