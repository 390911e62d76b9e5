"""Small helpers the chart modules share: bilingual strings, entity names, label placement."""
from __future__ import annotations

import numpy as np

from .. import style
from ..load import load
from ..params import Params


_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
def human_date(date: str, lang: str, approximate: bool = False) -> str:
    """'17 May 2023', 'Aug 2023', '2023' (and '2023年5月17日'); 'c. Aug 2023' / '约2023年8月' for an inferred date."""
    parts = [int(x) for x in str(date).split("-")]
    if lang == "zh":
        text = f"{parts[0]}年" + (f"{parts[1]}月" if len(parts) > 1 else "") + (f"{parts[2]}日" if len(parts) > 2 else "")
        return ("约" if approximate else "") + text
    text = " ".join(([str(parts[2])] if len(parts) > 2 else []) + ([_MONTHS_EN[parts[1] - 1]] if len(parts) > 1 else [])
                    + [str(parts[0])])
    return ("c. " if approximate else "") + text


def tr(lang: str, en: str, zh: str) -> str:
    """The string in the chart's language: every visible string goes through here or through the data."""
    return zh if lang == "zh" else en


def names(p: Params) -> dict[str, tuple[str, str]]:
    """entity id -> (short English name, short Chinese name, or the English one where there is no Chinese form)."""
    frame = load("entities", p.data_dir)
    return {r["entity_id"]: (r["short_en"], r["short_zh"]) for r in frame.to_dict("records")}


def place_labels(ax, texts, avoid_x=(), avoid_y=(), expand=(1.15, 1.4), also_avoid=None, objects=None) -> None:
    """Move labels off each other, their points and the given points (e.g. a fitted line), with leader lines.

    Runs once the plot area has its final size (the frame and the legend change it), so the placement holds in the
    saved image. Labels get no white box: a box would cut the lines it sits on. adjustText stops after one second by
    default, which makes the layout depend on the machine's load; a fixed iteration limit makes it the same on every run.
    ``also_avoid`` returns more points to keep clear of, worked out once the plot has its final size (e.g. the outline
    of a ring drawn in points); ``objects`` are other texts to keep clear of (labels that stay where they are).
    """
    if not texts:
        return

    def run(_fig) -> None:
        from adjustText import adjust_text

        from .label_speed import apply

        apply()

        xs, ys = list(avoid_x), list(avoid_y)
        if also_avoid is not None:
            more_x, more_y = also_avoid()
            xs, ys = xs + list(more_x), ys + list(more_y)
        for obj in objects or ():  # a fixed text repels as a grid of points over its extent (a box alone repels weakly)
            box = obj.get_window_extent(ax.figure.canvas.get_renderer())
            grid = np.array([(x, y) for x in np.linspace(box.x0, box.x1, 8) for y in np.linspace(box.y0, box.y1, 3)])
            gx, gy = ax.transData.inverted().transform(grid).T
            xs, ys = xs + list(gx), ys + list(gy)
        adjust_text(texts, ax=ax, x=xs, y=ys, expand=expand, force_text=(0.3, 0.5),
                    iter_lim=1000, force_static=(0.15, 0.3), ensure_inside_axes=True,
                    arrowprops={"arrowstyle": "-", "color": "#8C8C8C", "lw": 0.6, "shrinkA": 1, "shrinkB": 3})

    style.after_layout(ax.figure, run)


def shorten(text: str, limit: int = 24) -> str:
    """Long Epoch AI model names cut to fit a label; the full name is in the chart's data file."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def entity_group(p: Params) -> dict[str, str]:
    """entity id -> 'China' or 'Outside China', from the country of whoever is behind it."""
    orgs = load("organisations", p.data_dir)
    country = dict(zip(orgs["entity_id"], orgs["country"]))

    def group(org_ids) -> str:
        ids = [o for o in str(org_ids).split("|") if o in country]
        return "China" if any(country[o] == "China" for o in ids) else "Outside China"

    out = {o: group(o) for o in country}
    for rec in load("models", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = "China" if rec["country_group"] in ("China", "Multinational") else "Outside China"
    for rec in load("verticals", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = group(rec["provider"])
    for rec in load("compute", p.data_dir).to_dict("records"):
        out[rec["entity_id"]] = group(rec["buyer"])
    return out


def label_column(ax, items, x: float, fontsize: float, spacing: float = 1.3, above=()) -> None:
    """Labels stacked in a column at data ``x``, each joined to its point by a thin leader line.

    For a crowded cluster, where labels pushed about by a solver end up on other points or far from their own: each
    label keeps its point's height where it can, and the column spreads them just enough that none overlaps the next
    (``spacing`` line heights apart), staying inside the axes and above the texts in ``above`` (fixed labels the
    column would otherwise run into). ``items`` are (x, y, text, colour). Runs once the plot has its final size.
    """
    if not items:
        return

    def run(fig) -> None:
        to_display = ax.transData
        box = ax.get_window_extent(fig.canvas.get_renderer())
        line = fontsize / 72 * fig.dpi
        points = [to_display.transform((px, py)) for px, py, _, _ in items]
        heights = [line * (text.count("\n") + 1) * spacing for _, _, text, _ in items]
        order = sorted(range(len(items)), key=lambda i: (points[i][1], i))
        ys = [points[i][1] for i in order]
        hs = [heights[i] for i in order]
        renderer = fig.canvas.get_renderer()
        floor = max([box.y0] + [t.get_window_extent(renderer).y1 + line * 0.3 for t in above])
        room = box.y1 - floor
        if sum(hs) > room:  # too many for the room: close the gaps, down to touching lines, before anything overlaps
            hs = [h * max(1 / spacing, room / sum(hs)) for h in hs]
        low, high = floor + hs[0] / 2, box.y1 - hs[-1] / 2
        for k in range(len(ys)):  # upwards: keep each clear of the one below
            floor = low if k == 0 else ys[k - 1] + (hs[k - 1] + hs[k]) / 2
            ys[k] = max(ys[k], floor)
        for k in range(len(ys) - 1, -1, -1):  # downwards: back inside the top, still clear of the one above
            ceiling = high if k == len(ys) - 1 else ys[k + 1] - (hs[k + 1] + hs[k]) / 2
            ys[k] = min(ys[k], ceiling)
        column = to_display.transform((x, 0))[0]
        back = to_display.inverted()
        for k, i in enumerate(order):
            px, py, text, colour = items[i]
            tx, ty = back.transform((column, ys[k]))
            ax.annotate(text, xy=(px, py), xytext=(tx, ty), textcoords="data", ha="left", va="center",
                        fontsize=fontsize, color=colour, zorder=5, annotation_clip=False,
                        arrowprops={"arrowstyle": "-", "color": "#9A9A9A", "lw": 0.6, "shrinkA": 2, "shrinkB": 4})

    style.after_layout(ax.figure, run)


def nothing_to_draw(p: Params, layout: style.Layout):
    """A chart's frame with a note in place of the plot, for a window that holds none of its rows."""
    fig, ax = style.new_figure(layout)
    ax.axis("off")
    ax.text(0.5, 0.5, tr(p.lang, f"Nothing to draw for {p.start_year}-{p.end_year}",
                         f"{p.start_year}—{p.end_year}年没有可绘制的数据"),
            transform=ax.transAxes, ha="center", va="center", fontsize=layout.base_size, color=style.COLOURS["muted"])
    return fig, None

