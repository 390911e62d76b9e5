"""Chapter 2 charts: who builds China's models, when they launched in 2023, who built together."""
from __future__ import annotations

import itertools

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from ...data.schema import COUNT_DEFINITIONS, LOWER_BOUND_QUALIFIERS
from .. import analysis, style
from .chart import Chart
from ..load import load
from ..params import Params
from .common import entity_group, names, place_labels, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: Entity tables whose 2023 events are launches and moves of players (not rules, counts or concepts).
PLAYER_EVENTS = ("models", "verticals", "organisations", "deployments", "other_entities")
PLAYER_KINDS_OTHER = ("product",)


def launches_data(p: Params) -> pd.DataFrame:
    e = load("events", p.data_dir)
    ent = load("entities", p.data_dir).set_index("entity_id")
    kind = e["subject"].map(ent["kind"])
    keep = e["year"].eq(2023) & e["subject_kind"].isin(PLAYER_EVENTS) & e["precision"].isin(["month", "day"]) \
        & (e["subject_kind"].ne("other_entities") | kind.isin(PLAYER_KINDS_OTHER)) & e["status"].isna()
    out = e[keep].copy()
    out["start"] = out["date"].map(_start)
    out["end"] = out["date"].map(_end)
    groups = entity_group(p)
    out["group"] = out["subject"].map(lambda s: groups.get(s, "China"))
    return out[["event_id", "date", "precision", "start", "end", "subject", "group", "event", "label_en", "label_zh",
                "origin", "source_ids"]].reset_index(drop=True)


def _start(date: str) -> pd.Timestamp:
    return pd.Timestamp(date if len(date) == 10 else f"{date}-01")


def _end(date: str) -> pd.Timestamp:
    start = _start(date)
    return start if len(date) == 10 else start + pd.offsets.MonthEnd(0)


def draw_launches(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, ax = style.new_figure(layout)
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    ax.set_yticks([])
    label_col = "label_zh" if lang == "zh" else "label_en"
    # Greedy rows: each label goes on the lowest row where it does not overlap the previous label there.
    days_per_char = (365 / (layout.width * 0.85 * 72 / (layout.base_size * 0.8))) * (1.9 if lang == "zh" else 1.0)
    rows_end: list[pd.Timestamp] = []
    levels = []
    for rec in data.sort_values(["start", "event_id"]).to_dict("records"):
        width = pd.Timedelta(days=len(rec[label_col]) * days_per_char * 0.55 + 8)
        for level, last in enumerate(rows_end):
            if rec["start"] > last:
                rows_end[level] = rec["start"] + width
                break
        else:
            level = len(rows_end)
            rows_end.append(rec["start"] + width)
        levels.append((rec, level))
    for rec, level in levels:
        y = level + 1
        colour = style.COLOURS[rec["group"]]
        if rec["precision"] == "day":
            ax.scatter([rec["start"]], [y], color=colour, s=layout.base_size * 4, zorder=3)
        else:
            ax.plot([rec["start"], rec["end"]], [y, y], color=colour, lw=5, alpha=0.6, solid_capstyle="butt", zorder=3)
        ax.plot([rec["start"], rec["start"]], [0, y], color="#BBBBBB", lw=0.6, zorder=1)
        ax.text(rec["start"] + pd.Timedelta(days=3), y + 0.18, rec[label_col], fontsize=layout.base_size * 0.8,
                va="bottom", ha="left", color=style.COLOURS["text"])
    ax.set_ylim(0, len(rows_end) + 1.2)
    ax.set_xlim(pd.Timestamp("2023-01-15"), pd.Timestamp("2023-12-31"))
    months = pd.date_range("2023-02-01", "2023-12-01", freq="MS")
    ax.set_xticks(months)
    ax.set_xticklabels([m.strftime("%b") if lang == "en" else f"{m.month}月" for m in months])
    ax.scatter([], [], color=style.COLOURS["China"], label=tr(lang, "Chinese player, exact day", "中国企业，具体日期"))
    ax.plot([], [], color=style.COLOURS["China"], lw=5, alpha=0.6, label=tr(lang, "Month only", "仅有月份"))
    ax.scatter([], [], color=style.COLOURS["Outside China"], label=tr(lang, "Outside China", "中国以外"))
    ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=3, fontsize=layout.base_size * 0.8)
    subtitle = tr(lang, f"{len(data)} launches and moves the articles date in 2023",
                  f"文章中注明日期的2023年{len(data)}项发布与布局")
    return fig, subtitle


def network_data(p: Params) -> pd.DataFrame:
    """One row per pair of organisations that built a model (or offer) together, with what they built."""
    rows = []
    for table, who in (("models", "developers"), ("verticals", "provider")):
        frame = load(table, p.data_dir)
        for rec in frame.to_dict("records"):
            orgs = sorted(rec[who].split("|"))
            for a, b in itertools.combinations(orgs, 2):
                rows.append({"org_a": a, "org_b": b, "built": rec["entity_id"]})
    claims = load("claims", p.data_dir)
    support = claims[claims["attribute"].isin(["developed_by", "provided_by"])]

    def naming_both(row) -> str:
        """The articles that name both partners as builders of the thing (so the pair rests on them)."""
        own = support[support["subject"] == row["built"]]
        return "|".join(sorted(set(own.loc[own["object"] == row["org_a"], "source_id"])
                               & set(own.loc[own["object"] == row["org_b"], "source_id"])))

    out = pd.DataFrame(rows)
    out["source_ids"] = out.apply(naming_both, axis=1)
    # Every edge drawn rests on an article naming both partners; fuller developer lists added from papers (PanGu-α,
    # INTERN) are in models.csv with their citations and flagged in known_issues, not drawn as article partnerships.
    out = out[out["source_ids"] != ""]
    return out.groupby(["org_a", "org_b"], sort=True).agg(
        built=("built", lambda s: "|".join(sorted(s))), source_ids=("source_ids", lambda s: "|".join(sorted(
            {x for v in s for x in v.split("|") if x})))).reset_index()


def draw_network(data: pd.DataFrame, p: Params, layout: style.Layout):
    import networkx as nx

    lang = p.lang
    label = names(p)
    orgs = load("organisations", p.data_dir).set_index("entity_id")
    graph = nx.Graph()
    for rec in data.to_dict("records"):
        graph.add_edge(rec["org_a"], rec["org_b"], built=rec["built"])
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    fig, ax = style.new_figure(layout)
    ax.axis("off")
    # One partnership per row, the best-connected organisation in the middle.
    step = 1.2
    positions = {}
    for row, comp in enumerate(components):
        hub = max(comp, key=lambda n: (graph.degree(n), n))
        others = [n for n in comp if n != hub]
        ordered = others[: len(others) // 2] + [hub] + others[len(others) // 2:]
        for k, node in enumerate(ordered):
            positions[node] = ((k - (len(ordered) - 1) / 2) * step, -row)
    row = len(components) - 1
    for a, b, attrs in sorted(graph.edges(data=True)):
        (xa, ya), (xb, yb) = positions[a], positions[b]
        ax.plot([xa, xb], [ya, yb], color="#999999", lw=2, zorder=1)
        built = " / ".join(label[m][1 if lang == "zh" else 0] for m in attrs["built"].split("|"))
        ax.text((xa + xb) / 2, (ya + yb) / 2 + 0.08, built, ha="center", va="bottom", fontsize=layout.base_size * 0.78,
                color=style.COLOURS["muted"], zorder=2,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    for node, (x, y) in sorted(positions.items()):
        kind = orgs.loc[node, "org_kind"]
        ax.scatter([x], [y], s=layout.base_size * 30, color=style.COLOURS[kind], zorder=3, edgecolor="white", lw=1.5)
        ax.text(x, y - 0.16, label[node][1 if lang == "zh" else 0], ha="center", va="top",
                fontsize=layout.base_size * 0.85, color=style.COLOURS["text"], zorder=4)
    kinds = {"giant": ("Giant", "巨头"), "ai_company": ("AI company", "人工智能公司"), "research": ("Research institute", "科研院所"),
             "international": ("International", "国外企业"), "other": ("Other", "其他")}
    present = [k for k in kinds if k in set(orgs.loc[list(positions), "org_kind"])]
    for k in present:
        ax.scatter([], [], s=layout.base_size * 10, color=style.COLOURS[k], label=tr(lang, *kinds[k]))
    ax.legend(loc="lower center", ncols=len(present), bbox_to_anchor=(0.5, -0.04))
    xs = [pos[0] for pos in positions.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(-row - 0.75, 0.45)
    subtitle = tr(lang, f"{graph.number_of_nodes()} organisations, {graph.number_of_edges()} pairs of partners; a line joins two "
                        "that built a model or product together",
                  f"{graph.number_of_nodes()}家机构、{graph.number_of_edges()}对合作方；连线表示两家共同打造了模型或产品")
    return fig, subtitle


def china_data(p: Params) -> pd.DataFrame:
    return analysis.notable_by_year(load("epoch_models", p.data_dir), p.years)


def draw_china(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    fig, (top, bottom) = style.new_figure(layout, 2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2], "hspace": 0.12})
    only = data["china_only_models"]
    shared = data["chinese_models"] - data["china_only_models"]
    top.bar(data["year"], only, color=style.COLOURS["China"], label=tr(lang, "Chinese organisations only", "仅中国机构"))
    top.bar(data["year"], shared, bottom=only, color=style.COLOURS["Multinational"],
            label=tr(lang, "With partners abroad", "与国外机构合作"))
    for r in data.to_dict("records"):
        top.text(r["year"], r["chinese_models"] + 0.5, f"{r['chinese_models']}", ha="center", va="bottom",
                 fontsize=layout.base_size * 0.8)
    top.set_ylabel(tr(lang, "Notable models", "重要模型数"))
    top.set_ylim(0, data["chinese_models"].max() * 1.25 + 1)
    top.legend(loc="upper left")
    bottom.plot(data["year"], data["china_share_pct"], marker="o", color=style.COLOURS["China"], lw=2)
    for r in data.to_dict("records"):
        if pd.notna(r["china_share_pct"]):
            bottom.text(r["year"], r["china_share_pct"] + 2, f"{r['china_share_pct']:.0f}%", ha="center", va="bottom",
                        fontsize=layout.base_size * 0.8)
    bottom.set_ylim(0, max(50, float(data["china_share_pct"].max() or 0) * 1.35))
    bottom.set_ylabel(tr(lang, "Share of all notable models", "占全部重要模型比例"))
    bottom.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    bottom.set_xticks(list(p.years))
    bottom.set_xticklabels([tr(lang, str(y), f"{y}年") for y in p.years])
    total = int(data["chinese_models"].sum())
    subtitle = tr(lang, f"Notable models by organisations in China, {p.start_year}-{p.end_year}: {total} in all",
                  f"{p.start_year}—{p.end_year}年中国机构的重要模型：共{total}个")
    return fig, subtitle


def counts_data(p: Params) -> pd.DataFrame:
    """The rows of model_counts the chart plots: every count dated in the window, from the first year of the ledger.

    Epoch AI's per-year counts go back further than any published tally; before the first ledger year they would only
    stretch the time axis, so they are shown from that year on (all of them when the window holds no ledger row).
    """
    counts = load("model_counts", p.data_dir)
    window = counts[counts["year"].between(p.start_year, p.end_year)]
    ledger_years = window.loc[window["origin"] == "ledger", "year"]
    if len(ledger_years):
        window = window[window["year"] >= int(ledger_years.min())]
    return window.reset_index(drop=True)


def _decimal_date(as_of: str) -> float:
    return analysis.year_fraction(as_of)


def count_label(count: int, qualifier: str, lang: str) -> str:
    """'>80' / '超80' for a lower bound, '~80' / '约80' for about, the plain figure otherwise."""
    figure = style.thousands(count, lang)
    prefix = {"more_than": tr(lang, ">", "超"), "at_least": tr(lang, "≥", "≥"), "about": tr(lang, "~", "约")}
    return prefix.get(qualifier, "") + figure


def count_bodies(data: pd.DataFrame, p: Params) -> str:
    """The counting bodies of the plotted ledger rows, in order of their first count (articles and Epoch AI are credited
    by the rest of the source line)."""
    rows = data[(data["origin"] == "ledger") & data["claim_id"].isna()].sort_values(["as_of", "count_id"])
    bodies = list(dict.fromkeys(rows["body_zh" if p.lang == "zh" else "body"]))
    if not bodies:
        return ""
    if p.lang == "zh":
        return "统计：" + "、".join(bodies) + "（完整出处见数据表）"
    return "Counts: " + ", ".join(bodies) + " (full citations in model_counts.csv)"


def draw_counts(data: pd.DataFrame, p: Params, layout: style.Layout):
    lang = p.lang
    defs = load("model_count_definitions", p.data_dir).set_index("definition_id")
    fig, ax = style.new_figure(layout)
    positive = data.loc[data["count"] > 0, "count"]
    # Log scale when the counts span more than a factor of ten and none is zero; linear otherwise.
    use_log = len(positive) == len(data) and len(data) > 0 and positive.max() / positive.min() >= 10
    size = layout.base_size * 6
    texts, avoid_x, avoid_y, handles = [], [], [], []
    for definition in [d for d in COUNT_DEFINITIONS if d in set(data["definition_id"])]:
        rows = data[data["definition_id"] == definition].sort_values(["as_of", "count_id"])
        colour = style.COLOURS[definition]
        d = defs.loc[definition]
        name = d["short_zh"] if lang == "zh" else d["short_en"]
        if d["measure"] == "per_year":
            # A count for a whole year spans the year, so it cannot be mistaken for a stock at one date.
            for r in rows.to_dict("records"):
                ax.plot([r["year"] + 0.02, r["year"] + 0.98], [r["count"], r["count"]], color=colour, lw=3.2,
                        solid_capstyle="butt", zorder=2, gid=f"count:{r['count_id']}")
                texts.append(ax.text(r["year"] + 0.5, r["count"], count_label(r["count"], r["qualifier"], lang),
                                     fontsize=layout.base_size * 0.78, color=colour, ha="center", va="bottom"))
                avoid_x += [r["year"] + k / 4 for k in range(1, 4)]
                avoid_y += [r["count"]] * 3
            handles.append(Line2D([], [], color=colour, lw=3.2, label=name))
            continue
        x = rows["as_of"].map(_decimal_date)
        y = rows["count"].astype(float)
        if bool(d["joinable"]) and len(rows) > 1:
            ax.plot(x, y, color=colour, lw=1.3, zorder=2)
        lower = rows["qualifier"].isin(LOWER_BOUND_QUALIFIERS)
        # gid names what each group of markers is, so a test can read back exactly what was plotted.
        ax.scatter(x[~lower], y[~lower], marker="o", s=size, color=colour, edgecolor="white", lw=0.8, zorder=3,
                   gid=f"counts:{definition}:exact")
        ax.scatter(x[lower], y[lower], marker="^", s=size * 1.5, color=colour, edgecolor="white", lw=0.8, zorder=3,
                   gid=f"counts:{definition}:lower_bound")
        for xi, yi, r in zip(x, y, rows.to_dict("records")):
            if isinstance(r["claim_id"], str):
                continue  # labelled with its article below
            texts.append(ax.text(xi, yi, count_label(r["count"], r["qualifier"], lang), fontsize=layout.base_size * 0.78,
                                 color=style.COLOURS["text"], zorder=4))
        avoid_x += list(x)
        avoid_y += list(y)
        handles.append(Line2D([], [], color=colour, marker="o", lw=1.3 if bool(d["joinable"]) else 0, label=name))
    # The counts the articles give, ringed and named, so the reader can find the figure the report started from.
    quoted = data[data["claim_id"].notna()]
    if len(quoted):
        qx = quoted["as_of"].map(_decimal_date)
        ax.scatter(qx, quoted["count"].astype(float), marker="o", s=size * 4.5, facecolor="none",
                   edgecolor=style.COLOURS["text"], lw=1.1, zorder=4, gid="counts:articles")
        for xi, r in zip(qx, quoted.to_dict("records")):
            article = str(r["source_ids"]).split("|")[0][:3]
            figure = count_label(r["count"], r["qualifier"], lang)
            ax.annotate(tr(lang, f"Article {article}: {figure}", f"文章{article}：{figure}"), xy=(xi, r["count"]),
                        xytext=(xi - 0.3, r["count"] * 3 if use_log else r["count"] * 1.4),
                        fontsize=layout.base_size * 0.85, color=style.COLOURS["text"], ha="center", va="bottom",
                        arrowprops={"arrowstyle": "-", "color": style.COLOURS["text"], "lw": 0.7, "shrinkB": 7})
    if data["qualifier"].isin(LOWER_BOUND_QUALIFIERS).any():
        handles.append(Line2D([], [], color=style.COLOURS["muted"], marker="^", lw=0, markersize=8,
                              label=tr(lang, "Lower bound ('more than')", "下限（“超过”）")))
    if len(quoted):
        handles.append(Line2D([], [], marker="o", lw=0, markersize=11, markerfacecolor="none",
                              markeredgecolor=style.COLOURS["text"], label=tr(lang, "Figure in the articles", "文章所引数字")))
    first, last = int(data["year"].min()), int(data["year"].max())
    ax.set_xlim(first, last + 1)
    # Ticks at the turn of each year, the year's name in the middle of it.
    ax.set_xticks(range(first, last + 2))
    ax.set_xticklabels([])
    ax.set_xticks([y + 0.5 for y in range(first, last + 1)], minor=True)
    ax.set_xticklabels([tr(lang, str(y), f"{y}年") for y in range(first, last + 1)], minor=True)
    ax.tick_params(axis="x", which="minor", length=0)
    if use_log:
        ax.set_yscale("log")
        low, high = positive.min() / 1.6, positive.max() * 2.2
        ax.set_ylim(low, high)
        ticks = [m * 10 ** e for e in range(0, 7) for m in (1, 2, 5) if low <= m * 10 ** e <= high]
        ax.yaxis.set_major_locator(FixedLocator(ticks))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: style.thousands(v, lang)))
        ax.set_ylabel(tr(lang, "Count (log scale)", "数量（对数刻度）"))
    else:
        ax.set_ylim(0, max(float(data["count"].max()) * 1.15, 1))
        style.count_axis(ax.yaxis, lang)
        ax.set_ylabel(tr(lang, "Count", "数量"))
    ax.legend(handles=handles, loc="upper left", fontsize=layout.base_size * 0.8)
    place_labels(ax, texts, avoid_x, avoid_y)
    n_ledger = int((data["origin"] == "ledger").sum())
    n_defs = data["definition_id"].nunique()
    if n_ledger == 0:
        subtitle = tr(lang, "No published count in these years: Epoch AI's yearly count only",
                      "这些年份没有公开发布的统计数字：仅有Epoch AI的年度数字")
    else:
        subtitle = tr(lang, f"{n_ledger} published counts and Epoch AI's yearly count, {n_defs} different things "
                            "counted: compare within a colour, not across",
                      f"{n_ledger}个公开发布的统计数字及Epoch AI的年度数字，共{n_defs}种统计口径：只宜在同一颜色内比较")
    return fig, subtitle


CHARTS.append(Chart(
    name="players-model-counts", notebook="02_players",
    title={"en": "How many models? It depends on what is counted", "zh": "有多少个大模型？取决于统计什么"},
    caption="Published counts of Chinese large models, and of the generative AI services and applications built on "
            "them, one colour per definition of what was counted. Triangles are lower bounds ('more than'); lines join "
            "only counts read from one register (the CAC's national filings and local registrations); the ringed "
            "point is the count the Lingyi Zhiku article gives. Epoch AI's notable Chinese models are counted per "
            "year and drawn across each year.",
    alt="Chart of counts on a log scale from 2023 to 2025. In mid-2023 the tallies of released models range from a "
        "few dozen to a couple of hundred, and the Lingyi Zhiku article's 'more than' figure sits beside ISTIC's "
        "count of models of the same size. The CAC's cumulative filings of generative AI services climb from mid-2024 "
        "to November 2025, with local registrations of applications rising below them; a tally presented at the 2025 "
        "World AI Conference stands above everything at over a thousand; Epoch AI's notable Chinese models stay in "
        "the tens each year.",
    data=counts_data, draw=draw_counts, uses_epoch=True, data_sources=count_bodies))

CHARTS.append(Chart(
    name="players-launches-2023", notebook="02_players",
    title={"en": "2023: the launches the articles date", "zh": "2023年：文章记录的发布节点"},
    caption="Model launches, products and strategic moves in 2023 that the articles date to a month or a day. Bars span "
            "a month when only the month is printed.",
    alt="Timeline of 2023 with labelled markers: GPT-4 and ERNIE Bot a day apart in March, BioMap's AIGP later that "
        "month, Hundsun's financial models and Tencent's industry offers in June, and Xiaomi's large-model "
        "announcement in August, among others.",
    data=launches_data, draw=draw_launches))

CHARTS.append(Chart(
    name="players-network", notebook="02_players",
    title={"en": "Who built models together", "zh": "谁与谁共同打造大模型"},
    caption="Organisations that the articles name as joint builders of a model or product. Each line is a partnership, "
            "labelled with what was built; colours follow the articles' three kinds of players.",
    alt="Network diagram of small clusters: Huawei linked to Recurrent AI (Pangu NLP) and Peking University (PanGu-alpha); "
        "Alibaba linked to Tsinghua University (M6 and BAGUALU); Baidu linked to Peng Cheng Laboratory (ERNIE Titan); "
        "Microsoft linked to NVIDIA (MT-NLG); Hundsun linked to its subsidiary Hundsun Juyuan.",
    data=network_data, draw=draw_network))

CHARTS.append(Chart(
    name="players-china-notable", notebook="02_players",
    title={"en": "Notable models from China, and China's share", "zh": "中国的重要模型数量及占比"},
    caption="Notable models (as Epoch AI selects them) by organisations in China each year, alone or with partners "
            "abroad, and their share of all notable models that year.",
    alt="Two-panel chart. Top: stacked bars of notable models by Chinese organisations each year, alone or with "
        "partners abroad, few before 2021 and the most in 2024 and 2025. Bottom: China's share of all notable models "
        "each year, lowest in 2018 and highest at the end of the period.",
    data=china_data, draw=draw_china, uses_epoch=True, article_sources=False))
