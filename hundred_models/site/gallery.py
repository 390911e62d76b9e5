"""The figure gallery (book/gallery.ipynb): every chart with its caption, alt text, downloads and citation.

One function writes the page's MyST Markdown in either edition's language: the English gallery shows
the English PNGs and offers the Chinese files beside them; the Chinese gallery shows the Chinese PNGs
(``<name>.zh.png``, as :mod:`.exports` names them) and offers the English files. Headings, captions,
alt texts and the line to paste under a chart are in the page's language.
"""
from __future__ import annotations

from ..report.charts.freshness import stem
from ..report.charts.registry import chart_names, get_chart
from ..report.charts.render import alt_text
from ..report.params import validate

#: The chapters in gallery order, with the short names the gallery's headings use.
CHAPTERS = {"01_history": ("History", "历史"), "02_players": ("Domestic players", "国内参与者"),
            "03_vertical_models": ("Vertical models", "垂直模型"), "04_compute": ("Compute", "算力"),
            "05_policy": ("Policy", "政策")}
#: The page's own words, by language.
WORDS = {"en": {"download": "Download", "other": "Chinese version", "chart_id": "chart id", "cite": "Cite"},
         "zh": {"download": "下载", "other": "英文版", "chart_id": "图表编号", "cite": "引用"}}


def chart_entry(name: str, lang: str = "en", p=None) -> str:
    """One chart's part of the gallery: heading, figure with alt text and caption, downloads, citation line."""
    p = p or validate({"lang": lang})
    chart = get_chart(name)
    words = WORDS[lang]
    other = "zh" if lang == "en" else "en"
    shown, offered = stem(name, lang), stem(name, other)
    colon = "：" if lang == "zh" else ": "
    citation = chart.citation(lang)
    return "\n".join([
        f"### {chart.title[lang]}\n",
        f"```{{figure}} figures/{shown}.png\n:alt: {alt_text(name, p)}\n:name: gallery-{name}\n\n"
        f"{chart.caption[lang]}\n```\n",
        f"{words['download']}{colon}{{download}}`PNG <figures/{shown}.png>` · {{download}}`SVG <figures/{shown}.svg>` · "
        f"{words['other']}{colon}{{download}}`PNG <figures/{offered}.png>` · {{download}}`SVG <figures/{offered}.svg>` · "
        f"{words['chart_id']} `{name}`\n",
        # Chinese is not set in italics (a slanted CJK face is a distortion, not a style)
        f"{words['cite']}{colon}{citation}\n" if lang == "zh" else f"{words['cite']}{colon}*{citation}*\n",
    ])


def gallery_markdown(lang: str = "en") -> str:
    """The whole gallery, chapter by chapter, in ``lang``."""
    p = validate({"lang": lang})
    parts = []
    for notebook, heading in CHAPTERS.items():
        parts.append(f"## {heading[1] if lang == 'zh' else heading[0]}\n")
        parts += [chart_entry(name, lang, p) for name in chart_names(notebook)]
    return "\n".join(parts)
