"""What a chart is: its stable name, the chapter that shows it, its words, its data and its drawing.

Kept apart from the registry and the renderer so that chart modules can define charts without
importing either (no import cycle).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..params import Params


@dataclass(frozen=True)
class Chart:
    """One chart: its stable name, what it shows, how to get its data and how to draw it."""

    name: str
    notebook: str
    title: dict[str, str]
    #: The caption under the chart, by language ({"en": ..., "zh": ...}), like the title.
    caption: dict[str, str]
    #: Alt text: a function of the plotted data and the language (so every count in it follows the data), or,
    #: for a chart whose description holds no figure, a fixed English text.
    alt: str | Callable[[pd.DataFrame, str], str]
    data: Callable[[Params], pd.DataFrame]
    draw: Callable[..., "matplotlib.figure.Figure"]
    uses_epoch: bool = False
    article_sources: bool = True
    #: Sources beyond the articles and Epoch AI: fixed text by language, or a function of the plotted data and the
    #: parameters (so a reference drawn from a fact carries that fact's citation).
    extra_sources: dict[str, str] | Callable[[pd.DataFrame, Params], str | None] = field(default_factory=dict)
    #: Part of the source line that depends on the rows plotted (e.g. the bodies whose counts are shown), per language.
    data_sources: Callable[[pd.DataFrame, Params], str] | None = None

    def alt_text(self, data: pd.DataFrame, lang: str = "en") -> str:
        """The alt text for ``data`` (exactly what is plotted) in ``lang``."""
        if data is not None and data.empty:
            return "No rows to draw." if lang == "en" else "没有可绘制的数据。"
        if callable(self.alt):
            return self.alt(data, lang)
        return self.alt if lang == "en" else f"{self.title['zh']}。{self.alt}"

    def citation(self, lang: str = "en") -> str:
        """A line to paste under the chart on a slide or in a paper."""
        if lang == "zh":
            return f"图：{self.title['zh']}。出自《百模大战》开放研究报告（The Hundred-Model War），图 {self.name}。"
        return f"Figure: {self.title['en']}. The Hundred-Model War (百模大战), open research report, figure {self.name}."
