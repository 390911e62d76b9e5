"""Chapter 1, history: how model sizes grew, as the articles tell it and as Epoch AI records it."""
from __future__ import annotations

from .. import analysis
from ..charts.history import entries
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, key_figures
from ..tables import (ARCHITECTURES, BASES, GROUPS, UNITS, VERDICTS, Col, figure_text,
                      name_list, parameters_words, present, reader_names)
from ..params import Params, require
from ..phrases import count, interval, verb

NOTEBOOK = "01_history"
#: Marks an entry that a curated finding says may be the same model as another (as in the chart).
FLAG = "†"


def _name(row, lang: str) -> str:
    """An entry's name in the chapter's language (the Chinese name where there is one)."""
    zh = row.get("name_zh")
    return zh if lang == "zh" and isinstance(zh, str) and zh else row["name_en"]


def _names(frame, lang: str = "en", unit: bool = False) -> str:
    """'A, B and C' / 'A、B和C', each name followed by its unit ('Transformer (architecture)') if asked."""
    out = []
    for row in frame.to_dict("records"):
        name = _name(row, lang)
        if unit:
            words = UNITS[row["unit"]][1 if lang == "zh" else 0]
            name = f"{name}（{words}）" if lang == "zh" else f"{name} ({words})"
        out.append(name)
    return name_list(out, lang)


def _after_by_year(after, lang: str):
    """The largest notable model of each year in China and outside it, side by side: 'Kimi K2 (Moonshot)'."""
    import pandas as pd

    rows = []
    for year, group in after.groupby("year", sort=True):
        row = {"year": year}
        for rec in group.to_dict("records"):
            developer = _organisations(rec["organization"], lang)
            label = rec["model"] + ((f"（{developer}）" if lang == "zh" else f" ({developer})") if developer else "")
            row[f"{rec['group']}_model"], row[f"{rec['group']}_parameters"] = label, rec["parameters"]
        rows.append(row)
    columns = ["year"] + [f"{g}_{c}" for g in ("China", "Outside China") for c in ("model", "parameters")]
    return pd.DataFrame(rows).reindex(columns=columns)


def _organisations(text, lang: str) -> str:
    """Epoch AI's developers, 'A,B' in its table: 'A, B' / 'A、B'."""
    if not isinstance(text, str):
        return ""
    return ("、" if lang == "zh" else ", ").join(o.strip() for o in text.split(",") if o.strip())


def summary(p: Params) -> Chapter:
    drawn = entries(chart_data("history-scale", p))
    scale = drawn[drawn["counted"]]  # the counting rule: only rows whose unit is model are models
    not_models = drawn[~drawn["counted"]]
    frontier = scale[scale["dense_record"]]
    require(len(frontier), 3, "record-setting dense models the articles size", p)
    fit = analysis.fit_doubling(frontier["year_decimal"], frontier["parameters"])
    crosscheck = load("epoch_crosscheck", p.data_dir)
    sizes_checked = chart_data("history-articles-vs-epoch", p)
    after = chart_data("history-after-2023", p)
    dense = scale[scale["architecture"] != "moe"]
    sparse = scale[scale["architecture"] == "moe"].sort_values("parameters")
    last = after[after["year"] == after["year"].max()].set_index("group")
    differs = sizes_checked[sizes_checked["verdict"] == "differs"]
    dates_differ = int(((crosscheck["attribute"] == "release_date") & (crosscheck["verdict"] == "differs")).sum())
    last_year = int(after["year"].max())
    largest_sparse = sparse.iloc[-1]
    facts = load("facts", p.data_dir)
    models = load("models", p.data_dir).set_index("entity_id")
    ultra = drawn[drawn["scale_class"] == "stage-ultra-large"]
    ultra_printed = models.loc[ultra["entity_id"], "parameters"].astype(float)  # the articles' figures, not Epoch's
    large = drawn[drawn["scale_class"] == "stage-large-pretrained"]
    require(len(large), 1, "models an article calls large-scale", p)
    require(len(ultra), 1, "models an article calls ultra-large", p)
    flagged = drawn[drawn["count_issues"].notna()]

    chapter = Chapter(NOTEBOOK)
    lang = p.lang
    names = reader_names(load("entities", p.data_dir))
    # The sizes table marks the entries that may be one model, as the chart does.
    flagged_names = {**names, **{i: (f"{names[i][0]} {FLAG}", f"{names[i][1]} {FLAG}") for i in flagged["entity_id"]}}
    chapter.tables = {
        "sizes": present(drawn, [
            Col("entity_id", "Model", "模型", "name", flagged_names), Col("unit", "Counted as", "计为", "label", UNITS),
            Col("release_date", "Released", "发布", "date"),
            Col("parameters_as_printed", "Size as printed", "原文规模"),
            Col("parameters", "Parameters used", "采用参数量", "parameters"),
            Col("parameters_basis", "Size from", "参数量来源", "label", BASES),
            Col("architecture", "Architecture", "结构", "label", ARCHITECTURES), Col("group", "Where", "地区", "label", GROUPS), Col("dense_record", "Dense record", "稠密模型纪录", "bool"),
        ], "history-sizes", lang),
        "frontier": present(frontier, [
            Col("entity_id", "Model", "模型", "name", names), Col("release_date", "Released", "发布", "date"),
            Col("parameters", "Parameters", "参数量", "parameters"),
            Col("parameters_as_printed", "As printed", "原文数字"),
        ], "history-frontier", lang),
        # Sizes and dates checked apart: one table each, so neither needs the other's empty columns.
        "crosscheck": present(crosscheck[crosscheck["attribute"] == "parameters"], [
            Col("claim_id", "Claim", "说法编号"), Col("model", "Model", "模型", "name", names),
            Col("anchor", "As printed", "原文数字"), Col("article_value", "Article's value", "文章数值", "parameters"),
            Col("epoch_model", "Epoch AI entry", "Epoch AI条目"),
            Col("epoch_value", "Epoch AI's value", "Epoch AI数值", "parameters"),
            Col("verdict", "Verdict", "结论", "label", VERDICTS),
        ], "history-crosscheck", lang),
        "crosscheck_dates": present(crosscheck[crosscheck["attribute"] == "release_date"], [
            Col("claim_id", "Claim", "说法编号"), Col("model", "Model", "模型", "name", names),
            Col("anchor", "As printed", "原文数字"), Col("article_date", "Article's date", "文章日期", "date"),
            Col("epoch_model", "Epoch AI entry", "Epoch AI条目"),
            Col("epoch_date", "Epoch AI's date", "Epoch AI日期", "date"),
            Col("verdict", "Verdict", "结论", "label", VERDICTS),
        ], "history-crosscheck-dates", lang),
        # One row a year, China beside the rest of the world; the developer follows the model's name.
        "after": present(_after_by_year(after, lang), [
            Col("year", "Year", "年份"),
            Col("China_model", "Largest in China (developer)", "中国最大（开发机构）"),
            Col("China_parameters", "Parameters, China", "参数量（中国）", "parameters"),
            Col("Outside China_model", "Largest outside China (developer)", "中国以外最大（开发机构）"),
            Col("Outside China_parameters", "Parameters, outside China", "参数量（中国以外）", "parameters"),
        ], "history-after", lang),
    }
    chapter.glue = dict(
        hist_models_sized=len(scale), hist_entries_sized=len(drawn), hist_not_models_n=len(not_models),
        hist_not_models=_names(not_models, lang, unit=True),
        hist_ultra_n=len(ultra), hist_ultra_names=_names(ultra, lang),
        hist_ultra_low_bn=ultra_printed.min() / 1e9, hist_ultra_high_bn=ultra_printed.max() / 1e9,
        hist_ultra_range=f"{parameters_words(ultra_printed.min(), lang)}至{parameters_words(ultra_printed.max(), lang)}"
        if lang == "zh" else f"{ultra_printed.min() / 1e9:,.0f} to {ultra_printed.max() / 1e9:,.0f} billion",
        hist_large_names=_names(large, lang), hist_large_year=int(large["release_date"].str[:4].max()),
        hist_ultra_abroad_year=int(chosen_fact(facts, "global-model-race", "ultra_large_start_date")["date"][:4]),
        hist_flagged=_names(flagged, lang), hist_frontier_n=fit.n, hist_doubling_months=fit.months,
        hist_doubling_interval=interval(fit.months_low, fit.months_high, lang), hist_growth_per_year=fit.growth_per_year,
        hist_first_record=_name(frontier.iloc[0], lang), hist_last_record=_name(frontier.iloc[-1], lang),
        hist_largest_sparse=largest_sparse["parameters"], hist_largest_sparse_name=_name(largest_sparse, lang),
        hist_largest_sparse_label=f"{largest_sparse['name_zh']}（{largest_sparse['name_en']}）" if lang == "zh"
        else f"{largest_sparse['name_en']} ({largest_sparse['name_zh']})", hist_sparse_n=len(sparse),
        hist_sparse_to_dense=largest_sparse["parameters"] / dense["parameters"].max(),
        hist_checked=len(sizes_checked), hist_agree=int((sizes_checked["verdict"] == "agrees").sum()),
        hist_differ=len(differs), hist_date_differ=dates_differ, hist_last_year=last_year,
        hist_differ_phrase=f"{count(len(differs), 'size', lang=lang)} {verb(len(differs), 'is', 'are')} not"
        if lang == "en" else f"{count(len(differs), '', lang=lang, zh_unit='个')}不符",
        hist_date_differ_phrase=f"{count(dates_differ, 'release date', lang=lang)} {verb(dates_differ, 'is', 'are')} wrong"
        if lang == "en" else f"{count(dates_differ, '', lang=lang, zh_unit='个')}发布日期有误",
        hist_palm_anchor=differs["anchor"].iloc[0], hist_palm_epoch=float(differs["epoch_value"].iloc[0]),
        hist_palm_epoch_text=figure_text(differs["epoch_value"].iloc[0], lang),
        hist_largest_china_last=last.loc["China", "parameters"], hist_largest_china_last_name=last.loc["China", "model"],
        hist_largest_china_last_text=parameters_words(last.loc["China", "parameters"], lang),
        hist_largest_world_last=last.loc["Outside China", "parameters"],
        hist_largest_world_last_name=last.loc["Outside China", "model"],
        hist_largest_world_last_text=parameters_words(last.loc["Outside China", "parameters"], lang))
    china_last, world_last = last.loc["China", "model"], last.loc["Outside China", "model"]
    epoch_check = ("epoch_crosscheck.csv", "epoch_crosscheck.csv")
    chapter.key_figures = key_figures([
        (("Models the articles size, in the window", "文章给出规模的模型（所选年份内）"), len(scale), ("models", "个模型"),
         ("articles 000-004, counting rule (Methods)", "文章000–004，计数规则（见“方法”）")),
        (("Families and architectures they size (not counted)", "文章给出规模的模型系列和架构（不计为模型）"),
         len(not_models), ("entries", "个条目"), ("models.csv, unit column", "models.csv的unit列")),
        (("Models an article calls ultra-large (超大规模)", "被文章称为“超大规模”的模型"), len(ultra),
         ("models", "个模型"), ("articles 000, 003", "文章000、003")),
        (("Record-setting dense models in the fit", "参与拟合的创纪录稠密模型"), fit.n, ("models", "个模型"),
         ("articles, sizes exact from Epoch AI where consistent", "文章；在相符时用Epoch AI的精确参数量")),
        (("Doubling time of the largest dense models", "最大稠密模型的翻倍时间"), f"{fit.months:.1f}",
         ("months", "个月"), ("least squares on log2", "对log2取值的最小二乘拟合")),
        (("95% interval", "95%区间"), interval(fit.months_low, fit.months_high, lang), ("months", "个月"),
         ("t distribution", "t分布")),
        (("Growth per year", "每年增长"), round(fit.growth_per_year, 1), ("times", "倍"), ("from the fit", "由拟合推算")),
        ((f"Largest sparse total ({largest_sparse['name_en']})", f"最大的稀疏总参数（{_name(largest_sparse, 'zh')}）"),
         parameters_words(largest_sparse["parameters"], lang), ("parameters", "个参数"), ("articles", "文章")),
        (("Distinct printed sizes checked against Epoch AI", "与Epoch AI核对的不同规模数字"), len(sizes_checked),
         ("sizes", "个"), epoch_check),
        (("... inconsistent with Epoch AI", "……其中与Epoch AI不符"), len(differs), ("sizes", "个"), epoch_check),
        (("Release dates inconsistent with Epoch AI", "与Epoch AI不符的发布日期"), dates_differ, ("claims", "条说法"),
         epoch_check),
        ((f"Largest Chinese notable model, {last_year}: {china_last}", f"{last_year}年中国最大的重要模型：{china_last}"),
         parameters_words(last.loc["China", "parameters"], lang), ("parameters", "个参数"), "Epoch AI"),
        ((f"Largest notable model outside China, {last_year}: {world_last}",
          f"{last_year}年中国以外最大的重要模型：{world_last}"),
         parameters_words(last.loc["Outside China", "parameters"], lang), ("parameters", "个参数"), "Epoch AI"),
    ], lang)
    return chapter
