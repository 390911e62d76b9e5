"""Chapter 1, history: how model sizes grew, as the articles tell it and as Epoch AI records it."""
from __future__ import annotations

from .. import analysis
from ..charts.history import entries
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, key_figures
from ..tables import ARCHITECTURES, ATTRIBUTES, BASES, GROUPS, UNITS, VERDICTS, Col, entity_names, present
from ..params import Params, require
from ..phrases import count, interval, verb

NOTEBOOK = "01_history"


def _names(frame) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(frame["name_en"])
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


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
    names = entity_names(load("entities", p.data_dir))
    chapter.tables = {
        "sizes": present(drawn, [
            Col("entity_id", "Model", "模型", "name", names), Col("unit", "Counted as", "计为", "label", UNITS),
            Col("release_date", "Released", "发布", "date"),
            Col("parameters_as_printed", "Size as printed", "文章所印规模"),
            Col("parameters", "Parameters used", "采用参数量", "parameters"),
            Col("parameters_basis", "Size from", "参数量来源", "label", BASES),
            Col("architecture", "Architecture", "结构", "label", ARCHITECTURES), Col("group", "Where", "地区", "label", GROUPS), Col("dense_record", "Dense record", "稠密模型纪录", "bool"),
        ], "history-sizes", lang),
        "frontier": present(frontier, [
            Col("entity_id", "Model", "模型", "name", names), Col("release_date", "Released", "发布", "date"),
            Col("parameters", "Parameters", "参数量", "parameters"),
            Col("parameters_as_printed", "As printed", "文章所印"),
        ], "history-frontier", lang),
        "crosscheck": present(crosscheck, [
            Col("claim_id", "Claim", "说法编号"), Col("model", "Model", "模型", "name", names),
            Col("attribute", "What", "项目", "label", ATTRIBUTES), Col("anchor", "As printed", "文章所印"),
            Col("epoch_model", "Epoch AI entry", "Epoch AI条目"),
            Col("article_value", "Article's value", "文章数值", "parameters"),
            Col("epoch_value", "Epoch AI's value", "Epoch AI数值", "parameters"),
            Col("article_date", "Article's date", "文章日期", "date"), Col("epoch_date", "Epoch AI's date", "Epoch AI日期", "date"),
            Col("verdict", "Verdict", "结论", "label", VERDICTS),
        ], "history-crosscheck", lang),
        "after": present(after, [
            Col("year", "Year", "年份"), Col("group", "Where", "地区", "label", GROUPS), Col("model", "Largest notable model", "最大的重要模型"),
            Col("organization", "Developer", "开发者"), Col("parameters", "Parameters", "参数量", "parameters"),
            Col("publication_date", "Published", "发布", "date"),
        ], "history-after", lang),
    }
    chapter.glue = dict(
        hist_models_sized=len(scale), hist_entries_sized=len(drawn), hist_not_models_n=len(not_models),
        hist_not_models=_names(not_models.assign(name_en=not_models["name_en"] + " (" + not_models["unit"] + ")")),
        hist_ultra_n=len(ultra), hist_ultra_names=_names(ultra),
        hist_ultra_low_bn=ultra_printed.min() / 1e9, hist_ultra_high_bn=ultra_printed.max() / 1e9,
        hist_large_names=_names(large), hist_large_year=int(large["release_date"].str[:4].max()),
        hist_ultra_abroad_year=int(chosen_fact(facts, "global-model-race", "ultra_large_start_date")["date"][:4]),
        hist_flagged=_names(flagged), hist_frontier_n=fit.n, hist_doubling_months=fit.months,
        hist_doubling_interval=interval(fit.months_low, fit.months_high, p.lang), hist_growth_per_year=fit.growth_per_year,
        hist_first_record=frontier["name_en"].iloc[0], hist_last_record=frontier["name_en"].iloc[-1],
        hist_largest_sparse=largest_sparse["parameters"], hist_largest_sparse_name=largest_sparse["name_en"],
        hist_largest_sparse_label=f"{largest_sparse['name_zh']}（{largest_sparse['name_en']}）" if p.lang == "zh"
        else f"{largest_sparse['name_en']} ({largest_sparse['name_zh']})", hist_sparse_n=len(sparse),
        hist_sparse_to_dense=largest_sparse["parameters"] / dense["parameters"].max(),
        hist_checked=len(sizes_checked), hist_agree=int((sizes_checked["verdict"] == "agrees").sum()),
        hist_differ=len(differs), hist_date_differ=dates_differ, hist_last_year=last_year,
        hist_differ_phrase=f"{count(len(differs), 'size', lang=p.lang)} {verb(len(differs), 'is', 'are')} not"
        if p.lang == "en" else f"{count(len(differs), '', lang=p.lang, zh_unit='个')}不符",
        hist_date_differ_phrase=f"{count(dates_differ, 'release date', lang=p.lang)} {verb(dates_differ, 'is', 'are')} wrong"
        if p.lang == "en" else f"{count(dates_differ, '', lang=p.lang, zh_unit='个')}发布日期有误",
        hist_palm_anchor=differs["anchor"].iloc[0], hist_palm_epoch=float(differs["epoch_value"].iloc[0]),
        hist_largest_china_last=last.loc["China", "parameters"], hist_largest_china_last_name=last.loc["China", "model"],
        hist_largest_world_last=last.loc["Outside China", "parameters"],
        hist_largest_world_last_name=last.loc["Outside China", "model"])
    chapter.key_figures = key_figures([
        ("Models the articles size, in the window", len(scale), "models", "articles 000-004, counting rule (Methods)"),
        ("Families and architectures they size (not counted)", len(not_models), "entries", "models.csv unit"),
        ("Models an article calls ultra-large (超大规模)", len(ultra), "models", "articles 000, 003"),
        ("Record-setting dense models in the fit", fit.n, "models", "articles, sizes exact from Epoch AI where consistent"),
        ("Doubling time of the largest dense models", round(fit.months, 1), "months", "least squares on log2"),
        ("95% interval", interval(fit.months_low, fit.months_high), "months", "t distribution"),
        ("Growth per year", round(fit.growth_per_year, 1), "times", "from the fit"),
        ("Largest sparse total (" + largest_sparse["name_en"] + ")", largest_sparse["parameters"], "parameters", "articles"),
        ("Distinct printed sizes checked against Epoch AI", len(sizes_checked), "sizes", "epoch_crosscheck.csv"),
        ("... inconsistent with Epoch AI", len(differs), "sizes", "epoch_crosscheck.csv"),
        ("Release dates inconsistent with Epoch AI", dates_differ, "claims", "epoch_crosscheck.csv"),
        (f"Largest Chinese notable model, {last_year}: " + last.loc["China", "model"], last.loc["China", "parameters"],
         "parameters", "Epoch AI"),
        (f"Largest notable model outside China, {last_year}: " + last.loc["Outside China", "model"],
         last.loc["Outside China", "parameters"], "parameters", "Epoch AI"),
    ])
    return chapter
