"""Sphinx extension: accessibility fixes for markup the theme and docutils produce.

axe-core reports two problems in the stock output, and both are fixed here, once the HTML
is written, so every page gets them without JavaScript:

* the search buttons carry ``aria-label="Search"`` while they show "Search Ctrl + K": a
  label that does not contain the visible text (label-content-name-mismatch). Without the
  attribute, the button's name is its visible text.
* the colour-mode button is named "Color mode" but its icons have titles ("Light"), which
  count as its text; the icons are decorative and hidden from assistive technology.
* docutils marks bibliography entries ``role="doc-biblioentry"`` inside ``role="list"``;
  a list must contain list items (aria-required-children).
"""
from __future__ import annotations

from pathlib import Path

FIXES = [
    ('class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search"',
     'class="btn search-button-field search-button__button pst-js-only" title="Search"'),
    ('role="doc-biblioentry"', 'role="listitem"'),
    # The colour-mode button's icons carry titles ("Light", "Dark") that axe reads as visible text.
    ('<i class="theme-switch ', '<i aria-hidden="true" class="theme-switch '),
    ('data-mode="light" title="Light"', 'data-mode="light"'),
    ('data-mode="dark"  title="Dark"', 'data-mode="dark"'),
    ('data-mode="auto"  title="System Settings"', 'data-mode="auto"'),
]


def fix_html(text: str) -> str:
    for old, new in FIXES:
        text = text.replace(old, new)
    return text


def _finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        fixed = fix_html(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _finished)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
