"""Chapter 2 charts: who builds China's models, when they launched in 2023, who built together."""
from __future__ import annotations

import itertools

import pandas as pd

from ...data.schema import COUNT_DEFINITIONS, LOWER_BOUND_QUALIFIERS
from .. import analysis, phrases, style
from .chart import Chart
from ..load import load
from ..params import Params
from ..phrases import join
from .common import entity_group, place_labels, tr

#: This module's charts, in the order the chapter shows them; the registry lists every module.
CHARTS: list[Chart] = []

#: Entity tables whose 2023 events are launches and moves of players (not rules, counts or concepts).
PLAYER_EVENTS = ("models", "verticals", "organisations", "deployments", "other_entities")
PLAYER_KINDS_OTHER = ("product",)


def _makers(p: Params) -> dict[str, list[str]]:
    """entity id -> the organisations behind it (developers, provider, buyer, or the articles' developed_by), in order."""
    out: dict[str, list[str]] = {}
    for table, column in (("models", "developers"), ("verticals", "provider"), ("compute", "buyer")):
        for rec in load(table, p.data_dir).to_dict("records"):
            if isinstance(rec[column], str) and rec[column]:
                out[rec["entity_id"]] = rec[column].split("|")
    claims = load("claims", p.data_dir)
    built = claims[claims["attribute"].isin(["developed_by", "provided_by"]) & claims["object"].notna()]
    for subject, obj in zip(built["subject"], built["object"]):
        out.setdefault(subject, [])
        if obj not in out[subject]:
            out[subject].append(obj)
    return out


def _with_maker(label: str, maker: str, lang: str) -> str:
    """'Baidu: ERNIE Bot released' / '百度：文心一言发布'; the label alone when it already names its maker."""
    if not maker or maker.lower() in label.lower():
        return label
    if lang == "zh":
        return f"{maker}：{label}"
    return f"{label} ({maker})" if ":" in label else f"{maker}: {label}"


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
    makers = _makers(p)
    # Who is behind each launch (an organisation's own move names it already), so no product appears without its maker.
    out["maker"] = [("" if ent.loc[s, "entity_table"] == "organisations" else (makers.get(s) or [""])[0])
                    for s in out["subject"]]
    short = {"en": ent["short_en"].to_dict(), "zh": ent["short_zh"].to_dict()}
    for lang in ("en", "zh"):
        out[f"display_{lang}"] = [_with_maker(label, short[lang].get(m, "") if m else "", lang)
                                  for label, m in zip(out[f"label_{lang}"], out["maker"])]
    return out[["event_id", "date", "precision", "start", "end", "subject", "maker", "group", "event", "label_en", "label_zh",
                "display_en", "display_zh", "origin", "source_ids"]].sort_values(["start", "event_id"]).reset_index(drop=True)


def _start(date: str) -> pd.Timestamp:
    return pd.Timestamp(date if len(date) == 10 else f"{date}-01")


def _end(date: str) -> pd.Timestamp:
    start = _start(date)
    return start if len(date) == 10 else start + pd.offsets.MonthEnd(0)


def _month(ts: pd.Timestamp, lang: str) -> str:
    return f"{ts.month}月" if lang == "zh" else ts.strftime("%B")


def draw_launches(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    lang = p.lang
    fig, ax = style.new_figure(layout)
    ax.grid(axis="y", visible=False)
    ax.spines["left"].set_visible(False)
    ax.set_yticks([])
    first, last = pd.Timestamp("2023-01-15"), pd.Timestamp("2023-12-31")
    if layout.slide:  # a slide's larger type needs the room: it starts at the first date and ends soon after the last
        first = max(first, data["start"].min() - pd.Timedelta(days=12))
        last = min(last, data["end"].max() + pd.offsets.MonthEnd(1))
    # Rows packed greedily: each mark goes on the lowest row where it and its label (to its right, or to its left when
    # that fits lower) clear everything already there; no stem runs through a label. Widths are measured in the
    # chart's own font and converted to days.
    def pack(first, last):
        days_per_inch = (last - first).days / (layout.width * 0.92)  # a little less than the axes get: room to spare
        gap = pd.Timedelta(days=days_per_inch * layout.label_size * 0.6 / 72)
        rows: list[list[tuple[pd.Timestamp, pd.Timestamp]]] = []
        placed = []

        def lowest(begin, end) -> int:
            for level, spans in enumerate(rows):
                if all(end < b0 or begin > b1 for b0, b1 in spans):
                    return level
            return len(rows)

        for rec in data.to_dict("records"):
            text = rec[f"display_{lang}"]
            mark_end = rec["end"] if rec["precision"] == "month" else rec["start"] + gap
            width = pd.Timedelta(days=style.text_width(fig, text, layout.label_size) * days_per_inch)
            options = []
            if mark_end + gap + width <= last:
                options.append((rec["start"] - gap, mark_end + gap + width, False))
            if rec["start"] - 2 * gap - width >= first:
                options.append((rec["start"] - 2 * gap - width, mark_end + gap, True))
            options = options or [(rec["start"] - gap, mark_end + gap + width, False)]
            begin, end, left_side = min(options, key=lambda o: lowest(o[0], o[1]))
            level = lowest(begin, end)
            if level == len(rows):
                rows.append([])
            rows[level].append((begin, end))
            placed.append((rec, level, text, mark_end, left_side))
        return rows, placed, gap

    for _ in range(4):  # a label that fits on neither side widens the axis, which rescales the rest: a few passes
        rows, placed, gap = pack(first, last)
        overflow = max(end for spans in rows for _, end in spans)
        if overflow <= last:
            break
        last = overflow + gap
    for rec, level, text, mark_end, left_side in placed:
        y = len(rows) - level  # first row at the top
        colour = style.COLOURS[rec["group"]]
        if rec["precision"] == "day":
            ax.scatter([rec["start"]], [y], color=colour, s=layout.label_size * 5, zorder=3, edgecolor="white", lw=0.6)
        else:
            ax.plot([rec["start"], rec["end"]], [y, y], color=colour, lw=layout.label_size * 0.6, alpha=0.55,
                    solid_capstyle="butt", zorder=3)
        if left_side:
            ax.text(rec["start"] - gap, y, text, fontsize=layout.label_size, va="center", ha="right",
                    color=style.COLOURS["text"])
        else:
            ax.text(mark_end + gap, y, text, fontsize=layout.label_size, va="center", ha="left",
                    color=style.COLOURS["text"])
    ax.set_ylim(0.4, len(rows) + 0.6)
    ax.set_xlim(first, last)
    months = pd.date_range(first + pd.offsets.MonthBegin(1), last, freq="MS")
    ax.set_xticks(months)
    ax.set_xticklabels([m.strftime("%b") if lang == "en" else f"{m.month}月" for m in months])
    grey = style.COLOURS["muted"]
    handles = [Patch(color=style.COLOURS["China"], label=tr(lang, "Chinese player", "中国参与者")),
               Patch(color=style.COLOURS["Outside China"], label=tr(lang, "Outside China", "中国以外")),
               Line2D([], [], marker="o", lw=0, color=grey, markersize=layout.label_size * 0.8,
                      label=tr(lang, "Exact day", "具体日期")),
               Line2D([], [], lw=layout.label_size * 0.6, alpha=0.55, color=grey, solid_capstyle="butt",
                      label=tr(lang, "Month only (bar spans it)", "仅有月份（横条覆盖该月）"))]
    style.legend_below(ax, layout, handles, [h.get_label() for h in handles], ncol=4 if layout.slide else 2)
    subtitle = tr(lang, f"{phrases.count(len(data), 'launch or move', 'launches and moves', capital=True)} the articles "
                        "date in 2023, with who made them",
                  f"文章中注明日期的2023年{phrases.count(len(data), '', lang='zh', zh_unit='项')}发布与布局，并注明出品方")
    latest = data["end"].max()
    note = None
    if latest.month < 12:
        note = tr(lang, f"The articles date nothing after {_month(latest, lang)} 2023: the months after it are empty because "
                        "the articles stop, not because launches did.",
                  f"文章记录的节点止于2023年{_month(latest, lang)}：此后几个月空白是因为文章止于此，并非没有发布。")
    return fig, subtitle, note


def launches_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    items = [f"{r[f'display_{lang}']}（{phrases.date_text(r['date'], lang)}）" if zh
             else f"{r['display_en']} ({phrases.date_text(r['date'], lang)})" for r in data.to_dict("records")]
    outside = int((data["group"] == "Outside China").sum())
    latest = phrases.date_text(data.sort_values("end")["date"].iloc[-1], lang)
    if zh:
        return (f"2023年时间线，按时间列出文章注明日期的{phrases.count(len(data), '', lang='zh', zh_unit='项')}发布与布局，"
                f"其中{phrases.count(outside, '', lang='zh', zh_unit='项')}来自中国以外：" + "；".join(items)
                + f"。最后一项在{latest}，此后空白是因为文章止于此。")
    return (f"Timeline of 2023 listing the {phrases.count(len(data), 'launch or move', 'launches and moves')} the articles "
            f"date, {phrases.count(outside, 'of them', 'of them')} outside China, in order: " + "; ".join(items)
            + f". The last is dated {latest}; the months after it are empty because the articles stop there.")


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
    out = out.groupby(["org_a", "org_b"], sort=True).agg(
        built=("built", lambda s: "|".join(sorted(s))), source_ids=("source_ids", lambda s: "|".join(sorted(
            {x for v in s for x in v.split("|") if x})))).reset_index()
    # Names in both languages, so the drawing and the alt text say the same thing.
    ent = load("entities", p.data_dir).set_index("entity_id")
    orgs = load("organisations", p.data_dir).set_index("entity_id")
    for lang in ("en", "zh"):
        short = ent[f"short_{lang}"]
        for side in ("a", "b"):
            out[f"org_{side}_{lang}"] = out[f"org_{side}"].map(short)
        out[f"built_{lang}"] = out["built"].map(lambda b: " / ".join(short[m] for m in b.split("|")))
    for side in ("a", "b"):
        out[f"kind_{side}"] = out[f"org_{side}"].map(orgs["org_kind"])
    return out


#: Organisation kinds: name in both languages and a marker, so kinds differ in shape as well as colour.
ORG_KINDS = {"giant": ("Giant", "巨头", "s"), "ai_company": ("AI company", "人工智能公司", "^"),
             "research": ("Research institute", "科研院所", "o"), "international": ("International", "国外企业", "D"),
             "other": ("Other", "其他", "v")}


def draw_network(data: pd.DataFrame, p: Params, layout: style.Layout):
    import networkx as nx
    from matplotlib.lines import Line2D

    lang = p.lang
    graph = nx.Graph()
    name, kind = {}, {}
    for rec in data.to_dict("records"):
        graph.add_edge(rec["org_a"], rec["org_b"], built=rec[f"built_{lang}"])
        for side in ("a", "b"):
            name[rec[f"org_{side}"]] = rec[f"org_{side}_{lang}"]
            kind[rec[f"org_{side}"]] = rec[f"kind_{side}"]
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    fig, ax = style.new_figure(layout)
    ax.axis("off")
    # Small multiples: one partnership per row, the best-connected organisation in the middle; what was built (the
    # point of the chart) in the largest type above each line, the partners' names under their marks.
    step = 1.2
    positions = {}
    for row, comp in enumerate(components):
        hub = max(comp, key=lambda n: (graph.degree(n), n))
        others = [n for n in comp if n != hub]
        ordered = others[: len(others) // 2] + [hub] + others[len(others) // 2:]
        for k, node in enumerate(ordered):
            positions[node] = ((k - (len(ordered) - 1) / 2) * step, -row)
    marker_pt = layout.label_size * 1.5
    for a, b, attrs in sorted(graph.edges(data=True)):
        (xa, ya), (xb, yb) = positions[a], positions[b]
        ax.plot([xa, xb], [ya, yb], color="#999999", lw=2, zorder=1)
        ax.annotate(attrs["built"], xy=((xa + xb) / 2, (ya + yb) / 2), xytext=(0, layout.label_size * 0.35),
                    textcoords="offset points", ha="center", va="bottom", fontsize=layout.base_size,
                    color=style.COLOURS["text"], zorder=2)
    row_xs = {}
    for x, y in positions.values():
        row_xs.setdefault(y, []).append(x)
    for node, (x, y) in sorted(positions.items()):
        ax.scatter([x], [y], s=marker_pt ** 2, marker=ORG_KINDS[kind[node]][2], color=style.COLOURS[kind[node]],
                   zorder=3, edgecolor="white", lw=1.2)
        # Names beside the ends of a row and above a middle mark: nothing under a row to run into the next one.
        if x == min(row_xs[y]):
            where = {"xytext": (-marker_pt * 0.8, 0), "ha": "right", "va": "center"}
        elif x == max(row_xs[y]):
            where = {"xytext": (marker_pt * 0.8, 0), "ha": "left", "va": "center"}
        else:
            where = {"xytext": (0, marker_pt * 0.6), "ha": "center", "va": "bottom"}
        ax.annotate(name[node], xy=(x, y), textcoords="offset points", fontsize=layout.label_size,
                    color=style.COLOURS["muted"], zorder=4, **where)
    present = [k for k in ORG_KINDS if k in set(kind.values())]
    handles = [Line2D([], [], lw=0, marker=ORG_KINDS[k][2], markersize=layout.legend_size * 0.9, color=style.COLOURS[k],
                      label=tr(lang, *ORG_KINDS[k][:2])) for k in present]
    style.legend_below(ax, layout, handles, [h.get_label() for h in handles], ncol=len(present), xlabel=False)
    xs = [pos[0] for pos in positions.values()]
    ax.set_xlim(min(xs) - 1.3, max(xs) + 1.3)
    ax.set_ylim(-(len(components) - 1) - 0.4, 0.55)
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    subtitle = tr(lang, f"{nodes} organisations, {edges} pairs of partners, each named by an article as building a model "
                        "or product together",
                  f"{nodes}家机构、{edges}对合作方，均有文章指其共同打造了模型或产品")
    return fig, subtitle


def network_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    orgs = set(data["org_a"]) | set(data["org_b"])
    pairs = [(f"{r['org_a_zh']}与{r['org_b_zh']}（{r['built_zh']}）" if zh
              else f"{r['org_a_en']} with {r['org_b_en']} ({r['built_en']})") for r in data.to_dict("records")]
    if zh:
        return (f"小型多图：文章指明共同打造模型或产品的{phrases.count(len(data), '', lang='zh', zh_unit='对')}合作方，"
                f"涉及{phrases.count(len(orgs), '', lang='zh', zh_unit='家')}机构，每行一组，连线上方是共同打造的成果："
                + "；".join(pairs) + "。")
    return (f"Small multiples of the {phrases.count(len(data), 'pair', 'pairs')} of partners, "
            f"{phrases.count(len(orgs), 'organisation')} in all, that the articles name as building a model or product "
            f"together, a partnership per row with what they built above the line: " + join(pairs) + ".")


def china_data(p: Params) -> pd.DataFrame:
    return analysis.notable_by_year(load("epoch_models", p.data_dir), p.years)


def draw_china(data: pd.DataFrame, p: Params, layout: style.Layout):
    from matplotlib.ticker import MaxNLocator

    lang = p.lang
    fig, (top, bottom) = style.new_figure(layout, 2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    only = data["china_only_models"]
    shared = data["chinese_models"] - data["china_only_models"]
    top.bar(data["year"], only, color=style.COLOURS["China"], label=tr(lang, "Chinese organisations only", "仅中国机构"))
    top.bar(data["year"], shared, bottom=only, color=style.COLOURS["Multinational"],
            label=tr(lang, "With partners abroad", "与国外机构合作"))
    for r in data.to_dict("records"):
        top.annotate(f"{r['chinese_models']}", xy=(r["year"], r["chinese_models"]), xytext=(0, 2),
                     textcoords="offset points", ha="center", va="bottom", fontsize=layout.label_size)
    # Each panel says what it shows in a heading over it: a y label as long as the lower panel is tall runs off it.
    top.set_title(tr(lang, "Notable models from China", "中国重要模型数"), loc="left", fontsize=layout.base_size)
    top.set_ylim(0, data["chinese_models"].max() * 1.3 + 1)
    top.yaxis.set_major_locator(MaxNLocator(4, integer=True, steps=[1, 2, 5, 10]))
    top.legend(loc="upper left", ncol=1 if not layout.slide else 2)
    bottom.plot(data["year"], data["china_share_pct"], marker="o", color=style.COLOURS["China"], lw=2)
    for r in data.to_dict("records"):
        if pd.notna(r["china_share_pct"]):
            bottom.annotate(f"{r['china_share_pct']:.0f}%", xy=(r["year"], r["china_share_pct"]), xytext=(0, 5),
                            textcoords="offset points", ha="center", va="bottom", fontsize=layout.label_size)
    bottom.set_ylim(0, max(50, float(data["china_share_pct"].max() or 0) * 1.4))
    bottom.yaxis.set_major_locator(MaxNLocator(3))
    bottom.set_title(tr(lang, "China's share of all notable models", "占全部重要模型的比例"), loc="left",
                     fontsize=layout.base_size)
    bottom.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}%")
    years = list(p.years)
    bottom.set_xticks(years)
    bottom.set_xticklabels([tr(lang, str(y), f"{y}年") for y in years])
    total = int(data["chinese_models"].sum())
    subtitle = tr(lang, f"Notable models by organisations in China, {p.start_year}-{p.end_year}: {total} in all",
                  f"{p.start_year}—{p.end_year}年中国机构的重要模型：共{total}个")
    return fig, subtitle


def china_alt(data: pd.DataFrame, lang: str) -> str:
    zh = lang == "zh"
    first, last = int(data["year"].min()), int(data["year"].max())
    total = int(data["chinese_models"].sum())
    shared = int((data["chinese_models"] - data["china_only_models"]).sum())
    top = data.loc[data["chinese_models"] == data["chinese_models"].max(), "year"].astype(int).tolist()
    share = data.dropna(subset=["china_share_pct"])
    low = share.loc[share["china_share_pct"].idxmin()]
    high = share.loc[share["china_share_pct"].idxmax()]
    most = int(data["chinese_models"].max())
    if zh:
        years = "、".join(f"{y}年" for y in top)
        return (f"上方为柱状图：{first}—{last}年中国机构每年的重要模型数，共{total}个，其中{shared}个与国外机构合作；"
                f"最多的是{years}（各{most}个）。下方为折线图：中国占当年全部重要模型的比例，"
                f"最低为{int(low['year'])}年的{phrases.percent(low['china_share_pct'], 'zh')}，"
                f"最高为{int(high['year'])}年的{phrases.percent(high['china_share_pct'], 'zh')}。")
    return (f"Bars above: notable models by organisations in China each year, {first} to {last}, {total:,} in all, "
            f"{shared:,} of them with partners abroad; the most, {most:,}, in {join(top)}. Line below: China's share of "
            f"all notable models each year, lowest in {int(low['year'])} at {phrases.percent(low['china_share_pct'])} "
            f"and highest in {int(high['year'])} at {phrases.percent(high['china_share_pct'])}.")


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
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

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
                                     fontsize=layout.label_size, color=colour, ha="center", va="bottom"))
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
        last_id = rows["count_id"].iloc[-1]
        for xi, yi, r in zip(x, y, rows.to_dict("records")):
            if isinstance(r["claim_id"], str):
                continue  # labelled with its article below
            if layout.slide and bool(d["joinable"]) and r["count_id"] != last_id:
                continue  # fewer labels on a slide: a joined series is labelled at its latest count
            texts.append(ax.text(xi, yi, count_label(r["count"], r["qualifier"], lang), fontsize=layout.label_size,
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
                        fontsize=layout.label_size, color=style.COLOURS["text"], ha="center", va="bottom",
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
    if layout.slide:  # a slide is wide: the key goes beside the plot, which keeps its height
        ax.legend(handles, [style.wrap(fig, h.get_label(), layout.legend_size, 3.6) for h in handles], loc="center left",
                  bbox_to_anchor=(1.01, 0.5), labelspacing=0.6)
    else:
        style.key_below(fig, handles, [h.get_label() for h in handles], ncol=2)
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


def counts_alt(data: pd.DataFrame, lang: str) -> str:
    """Each definition's counts, first to latest, the article's figure and Epoch AI's yearly counts, from the rows."""
    zh = lang == "zh"
    defs = load("model_count_definitions").set_index("definition_id")
    positive = data.loc[data["count"] > 0, "count"]
    log = len(positive) == len(data) and positive.max() / positive.min() >= 10  # as draw_counts decides
    first, last = int(data["year"].min()), int(data["year"].max())
    parts = []
    for definition in [d for d in COUNT_DEFINITIONS if d in set(data["definition_id"])]:
        rows = data[data["definition_id"] == definition].sort_values(["as_of", "count_id"])
        name = defs.loc[definition, "short_zh" if zh else "short_en"]
        low, high = rows.loc[rows["count"].idxmin()], rows.loc[rows["count"].idxmax()]
        figure = lambda r: count_label(r["count"], r["qualifier"], lang)
        if len(rows) == 1:
            parts.append(f"{name}：{figure(low)}（{phrases.date_text(low['as_of'], lang)}）" if zh
                         else f"{name}: {figure(low)} ({phrases.date_text(low['as_of'], lang)})")
        else:
            parts.append(f"{name}：{phrases.count(len(rows), '', lang='zh', zh_unit='个')}数字，从{figure(low)}到{figure(high)}" if zh
                         else f"{name}: {phrases.count(len(rows), 'count')} from {figure(low)} to {figure(high)}")
    quoted = data[data["claim_id"].notna()]
    article = ""
    if len(quoted):
        r = quoted.iloc[0]
        article = (f"圆环标出文章所引的{count_label(r['count'], r['qualifier'], lang)}。" if zh
                   else f" The ring marks the articles' figure, {count_label(r['count'], r['qualifier'], lang)}.")
    if zh:
        return (f"{'对数刻度' if log else ''}图：{first}—{last}年公开发布的大模型及生成式人工智能服务统计数字，按统计口径分色：" + "；".join(parts)
                + "。" + article)
    return (f"Chart{' on a log scale' if log else ''} of published counts of Chinese large models and generative AI services, {first} to "
            f"{last}, a colour for each thing counted. " + "; ".join(parts) + "." + article)


CHARTS.append(Chart(
    name="players-model-counts", notebook="02_players",
    title={"en": "How many models? It depends on what is counted", "zh": "有多少个大模型？取决于统计什么"},
    caption={"en": "Published counts of Chinese large models, and of the generative AI services and applications "
                   "built on them, a colour for each definition of what was counted. Triangles are lower bounds "
                   "('more than'); lines join only counts read from a single register (the CAC's national filings "
                   "and local registrations); the ringed point is the count the Lingyi Zhiku article gives. Epoch "
                   "AI's notable Chinese models are counted per year and drawn across each year.",
             "zh": "公开发布的统计：中国大模型的数量，以及建立在大模型之上的生成式人工智能服务和应用的数量，"
                   "每种统计口径一种颜色。三角形表示下限（“超过”）；只有出自同一份登记记录的统计（国家网信办的全国"
                   "备案和地方登记）才用线相连；带圆环的点是零壹智库文章给出的数字。"
                   "Epoch AI的中国重要模型按年统计，画成横跨全年的线段。"},
    alt=counts_alt,
    data=counts_data, draw=draw_counts, uses_epoch=True, data_sources=count_bodies))

CHARTS.append(Chart(
    name="players-launches-2023", notebook="02_players",
    title={"en": "2023: the launches the articles date", "zh": "2023年：文章记录的发布节点"},
    caption={"en": "Model launches, products and strategic moves in 2023 that the articles date to a month or a day, "
                   "each with the organisation behind it. A dot marks an exact day; a bar spans the month when only "
                   "the month is printed.",
             "zh": "文章记录到月份或具体日期的2023年模型发布、产品和战略动作，每项都注明背后的机构。"
                   "圆点表示具体日期；只印出月份的，横条跨越整个月。"},
    alt=launches_alt,
    data=launches_data, draw=draw_launches))

CHARTS.append(Chart(
    name="players-network", notebook="02_players",
    title={"en": "Who built models together", "zh": "谁与谁共同打造大模型"},
    caption={"en": "Organisations that the articles name as joint builders of a model or product, a partnership per "
                   "row. Each line is labelled with what was built; colour and shape give the kind of organisation.",
             "zh": "文章点名的共同打造某个模型或产品的机构，每行一项合作。每条连线标注所打造的对象；"
                   "颜色和形状表示机构的类别。"},
    alt=network_alt,
    data=network_data, draw=draw_network))

CHARTS.append(Chart(
    name="players-china-notable", notebook="02_players",
    title={"en": "Notable models from China, and China's share", "zh": "中国的重要模型数量及占比"},
    caption={"en": "Notable models (as Epoch AI selects them) by organisations in China each year, alone or with "
                   "partners abroad, and their share of all notable models that year.",
             "zh": "每年中国机构（独立或与国外伙伴合作）的重要模型数（按Epoch AI的遴选），"
                   "及其在当年全部重要模型中的占比。"},
    alt=china_alt,
    data=china_data, draw=draw_china, uses_epoch=True, article_sources=False))
