"""Chapter 1, history: how model sizes grew, as the articles tell it and as Epoch AI records it."""
from __future__ import annotations

from .. import analysis
from ..charts.history import entries
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, count_text, key_figures, table
from ..params import Params, require
from ..phrases import count, interval, verb

NOTEBOOK = "01_history"


def _names(frame) -> str:
    """'A', 'A and B', 'A, B and C'."""
    names = list(frame["name_en"])
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _with_counts(frame, *columns):
    return frame.assign(**{c: frame[c].map(count_text) for c in columns})


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
    chapter.tables = {
        "sizes": table(_with_counts(drawn, "parameters").fillna({"scale_class": "", "count_issues": ""})[
            ["name_en", "unit", "release_date", "parameters_as_printed", "parameters", "parameters_basis", "architecture",
             "group", "scale_class", "count_issues", "dense_record"]], "history-sizes"),
        "frontier": table(_with_counts(frontier, "parameters")[
            ["name_en", "release_date", "parameters", "parameters_as_printed"]], "history-frontier"),
        "crosscheck": table(_with_counts(crosscheck, "article_value", "epoch_value")[
            ["claim_id", "model", "attribute", "anchor", "epoch_model", "article_value", "epoch_value", "article_date",
             "epoch_date", "verdict"]], "history-crosscheck"),
        "after": table(_with_counts(after, "parameters"), "history-after"),
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
        hist_largest_sparse_label=f"{largest_sparse['name_en']} ({largest_sparse['name_zh']})", hist_sparse_n=len(sparse),
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
