"""Sphinx extension: pages re-read when what they depend on changes, and accessibility fixes to the theme's HTML.

Freshness. Sphinx re-reads a page only when its source file changes, but a chapter's numbers come
from the clean data and the package's code. The site build records, for each executed page, a key
over the tables it read and the modules it ran (:mod:`hundred_models.site.pages`). On
``env-get-outdated`` this extension returns every page whose key differs from the one it was last
read with, plus every page that glues values from a page being re-read (the landing page quotes the
chapters), so a data or code change reaches the HTML without clearing anything.

Accessibility. axe-core reports problems in the stock output, fixed once the HTML is written:

* the search buttons carry ``aria-label="Search"`` while they show "Search Ctrl + K": a
  label that does not contain the visible text (label-content-name-mismatch);
* the colour-mode button's icons have titles ("Light"), which count as its text; the icons
  are decorative and hidden from assistive technology;
* docutils marks bibliography entries ``role="doc-biblioentry"`` inside ``role="list"``;
  a list must contain list items (aria-required-children);
* myst-nb's toggle for folded code (``hide-input``) is labelled "Toggle hidden content" while it
  shows "Show code cell source" (label-content-name-mismatch); its visible text is its name.

Each replacement must match on every build: if a theme upgrade changes the markup, the build
fails naming the pattern, rather than silently shipping the violation again.
"""
from __future__ import annotations

import re
from pathlib import Path

from .pages import glue_sources, recorded_keys

#: (pattern, replacement, a page that must contain the pattern when it is written). Patterns are regular
#: expressions so that they hold in both editions (the theme's labels are translated: "Search", "搜索").
FIXES = [
    (r'(class="btn search-button-field search-button__button pst-js-only" title="[^"]*") aria-label="[^"]*"', r"\1",
     "any"),
    (r'role="doc-biblioentry"', 'role="listitem"', "book/references"),
    (r'<i class="theme-switch ', '<i aria-hidden="true" class="theme-switch ', "any"),
    (r'(data-mode="(?:light|dark|auto)")\s+title="[^"]*"', r"\1", "any"),
    (r'<summary aria-label="[^"]*">', "<summary>", "notebooks/01_history"),
]


class ThemeMarkupChanged(RuntimeError):
    """A pattern the accessibility fixes rely on no longer appears in the theme's HTML."""


def fix_html(text: str) -> tuple[str, set[str]]:
    """The fixed page and the patterns it contained."""
    matched = set()
    for pattern, replacement, _ in FIXES:
        text, n = re.subn(pattern, replacement, text)
        if n:
            matched.add(pattern)
    return text, matched


def _page_key(app, docname: str) -> str | None:
    return app.env.hmw_keys_now.get(docname)


def _outdated(app, env, added, changed, removed):
    env.hmw_keys_now = recorded_keys(Path(app.srcdir))
    seen = getattr(env, "hmw_page_keys", {})
    stale = {d for d, key in env.hmw_keys_now.items() if d in env.found_docs and seen.get(d) != key}
    rereading = stale | set(added) | set(changed)
    consumers = set()
    for docname in env.found_docs:
        path = Path(env.doc2path(docname))
        if path.suffix == ".md" and path.is_file() and glue_sources(path.read_text(encoding="utf-8"), docname) & rereading:
            consumers.add(docname)
    return sorted((stale | consumers) - set(added) - set(changed))


def _read(app, doctree) -> None:
    env = app.env
    if not hasattr(env, "hmw_page_keys"):
        env.hmw_page_keys = {}
    key = _page_key(app, env.docname) if hasattr(env, "hmw_keys_now") else None
    env.hmw_page_keys[env.docname] = key


def _translate_toc_captions(app, doctree) -> None:
    """Translate the table of contents' part captions ("Chapters") with the page's own catalogue.

    sphinx-external-toc inserts the toctrees from _toc.yml after Sphinx has translated the page, so their
    captions would stay English in a translated edition; they are looked up here, before the environment
    collects the toctrees.
    """
    language = app.config.language or "en"
    if language.startswith("en"):
        return
    from sphinx import addnodes
    from sphinx.locale import init as init_locale
    from sphinx.util.i18n import docname_to_domain

    toctrees = [node for node in doctree.findall(addnodes.toctree) if node.get("caption")]
    if not toctrees:
        return
    dirs = [str(Path(app.srcdir, d)) for d in app.config.locale_dirs]
    catalog, found = init_locale(dirs, language, docname_to_domain(app.env.docname, app.config.gettext_compact),
                                 "hundred-models-toc")
    for node in toctrees:
        node["caption"] = node["rawcaption"] = catalog.gettext(node["caption"])


def _purge(app, env, docname) -> None:
    getattr(env, "hmw_page_keys", {}).pop(docname, None)


#: Where the language switch goes: first thing in the article's header buttons (every content page has them).
SWITCH_ANCHOR = '<div class="article-header-buttons">'


def language_switch(pagename: str, language: str) -> str:
    """A link to the same page in the other edition: English at the root, Chinese under zh/."""
    depth = pagename.count("/")
    if language.startswith("zh"):
        href, label, lang, title = "../" * (depth + 1) + f"{pagename}.html", "English", "en", "Read this page in English"
    else:
        href, label, lang, title = "../" * depth + f"zh/{pagename}.html", "中文", "zh-CN", "阅读本页中文版"
    return (f'<a class="btn hmw-language-switch" href="{href}" hreflang="{lang}" lang="{lang}" title="{title}">'
            f"{label}</a>")


def _add_language_switch(text: str, pagename: str, language: str) -> str:
    if SWITCH_ANCHOR not in text:
        return text
    return text.replace(SWITCH_ANCHOR, SWITCH_ANCHOR + language_switch(pagename, language), 1)


#: Loaded only on pages with a searchable table (see :mod:`.datapage`), after everything else.
DATATABLE_MARKER = 'class="hmw-datatable"'
DATATABLE_FILES = (("css", "vendor/datatables/dataTables.dataTables.min.css"), ("js", "vendor/datatables/dataTables.min.js"),
                   ("js", "hmw-tables.js"))


def _page_written(app, pagename, templatename, context, doctree) -> None:
    app.builder.__dict__.setdefault("hmw_written", set()).add(pagename)
    if DATATABLE_MARKER in (context.get("body") or ""):
        for priority, (kind, path) in enumerate(DATATABLE_FILES, start=900):
            if kind == "css":
                app.add_css_file(path, priority=priority)
            else:
                app.add_js_file(path, priority=priority, loading_method="defer")


def doctree_page(app, pagename: str) -> bool:
    """A page of the book (not the search page, the index or a redirect)."""
    return pagename in app.env.found_docs


def _finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    written = sorted(getattr(app.builder, "hmw_written", ()))
    matched: set[str] = set()
    for pagename in written:
        path = Path(app.outdir) / f"{pagename}.html"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        fixed, found = fix_html(text)
        matched |= found
        if doctree_page(app, pagename):
            if SWITCH_ANCHOR not in fixed:
                raise ThemeMarkupChanged(f"{pagename}: no {SWITCH_ANCHOR!r} to put the language switch in "
                                         "(update SWITCH_ANCHOR in hundred_models/site/sphinxext.py)")
            fixed = _add_language_switch(fixed, pagename, app.config.language or "en")
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
    required = [old for old, _, page in FIXES if (page == "any" and written) or page in written]
    missing = [old for old in required if old not in matched]
    if missing:
        raise ThemeMarkupChanged(f"theme markup changed, an accessibility fix no longer applies: {missing[0]!r} "
                                 "(update FIXES in hundred_models/site/sphinxext.py)")


def report_pdf_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{report-pdf}`Download the whole report``: a link to the edition's PDF, whose words are translated with the page.

    The PDF is written after Sphinx, so it cannot be a download reference; a raw HTML link would keep its
    English words in the Chinese edition, out of reach of the catalogues. Each edition has its PDF at its root.
    """
    from docutils import nodes

    from .pdf import PDF_NAME

    docname = inliner.document.settings.env.docname
    node = nodes.reference(rawtext, text, refuri="../" * docname.count("/") + PDF_NAME, classes=["hmw-pdf-link"])
    return [node], []


def setup(app):
    app.add_role("report-pdf", report_pdf_role)
    app.connect("env-get-outdated", _outdated)
    app.connect("doctree-read", _translate_toc_captions, priority=400)
    app.connect("doctree-read", _read)
    app.connect("env-purge-doc", _purge)
    app.connect("html-page-context", _page_written)
    app.connect("build-finished", _finished)
    return {"version": "2", "parallel_read_safe": False, "parallel_write_safe": True}
