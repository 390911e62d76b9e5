"""Lighter pages after the build: what a reader downloads for one page, measured and cut.

Measured on the stock build (every resource a page loads, uncompressed): 2.4 MB for a page of
text and 3.1 MB for the figure gallery. Most of it was not content:

* ``fontawesome.js`` (1.5 MB on every page) redraws the theme's icons as inline SVG, while the
  theme's own stylesheet already draws them from the Font Awesome web font. The script goes.
* The web font holds some 2,000 icons (156 kB) for the dozen the site shows, and the stylesheet
  a rule for each (86 kB). Both are cut to the icons that the built pages and scripts name.
* The charts are 2x PNG exports (1800 px wide for 900 CSS px, so crisp on high-density
  screens). Lossless WebP keeps every pixel at about 62 % of the bytes (SVG, with text drawn as
  paths, is heavier still: 150-180 kB a chart). Images also load lazily and carry their size.

Everything here is idempotent and runs on the whole output folder after every build, so pages
that an incremental build did not rewrite stay as they were processed last time, and theme files
that Sphinx copies again are processed again.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

#: Theme scripts and styles live here; pages are everywhere else.
STATIC = "_static"
FONTAWESOME_JS = re.compile(r'<script defer(?:="defer")? src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\s*')
#: ``.fa-a:before,.fa-b:before{content:"\f123"}``: one icon's rule in the theme's stylesheet.
ICON_RULE = re.compile(r'((?:\.fa-[\w-]+:(?:before|after),?)+)\{content:"([^"]*)"\}')
FONT_FACE = re.compile(r"@font-face\{[^}]*?src:url\(([^)]*?/webfonts/)([\w-]+)\.woff2\)[^}]*\}")
ICON_NAME = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
IMG_TAG = re.compile(r"<img\b[^>]*>")
#: A link or source to a PNG in ``_images`` (figures link to their full-size image).
PNG_REF = re.compile(r'(src|href)="([^"]*_images/[^"/]+)\.png"')
WEBP_SRC = re.compile(r'src="[^"]*_images/([^"/]+)\.webp"')


#: Sub-folders of an edition's output that hold another edition (lightened on its own, after it is built).
OTHER_EDITIONS = ("zh",)


def html_pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html")
                  if p.relative_to(html).parts[0] not in (STATIC, *OTHER_EDITIONS))


# ---------------------------------------------------------------- Font Awesome
def drop_fontawesome_js(html: Path) -> int:
    """Remove the icon-redrawing script from every page and the build; returns the pages changed."""
    changed = 0
    for page in html_pages(html):
        text = page.read_text(encoding="utf-8")
        new = FONTAWESOME_JS.sub("", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    for path in (html / STATIC / "scripts").glob("fontawesome.js*"):
        path.unlink()
    return changed


def icons_in_use(html: Path) -> set[str]:
    """Every ``fa-…`` class the pages and the remaining scripts name."""
    names: set[str] = set()
    for page in html_pages(html):
        names |= set(ICON_NAME.findall(page.read_text(encoding="utf-8")))
    for script in (html / STATIC).rglob("*.js"):
        names |= set(ICON_NAME.findall(script.read_text(encoding="utf-8", errors="ignore")))
    return names


def _decode_content(content: str) -> str:
    return re.sub(r"\\([0-9a-fA-F]{1,6})", lambda m: chr(int(m.group(1), 16)), content)


def subset_icons(html: Path, used: set[str] | None = None) -> dict[str, int]:
    """Cut the theme stylesheet's icon rules and its web fonts to the icons in use.

    Returns {file: bytes} for the files written. The fonts are written as WOFF (zlib; WOFF2
    would need brotli) next to the originals, the ``@font-face`` rules point at them only, and the
    originals (WOFF2 and the TrueType fallbacks) are removed.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    css_path = html / STATIC / "styles" / "pydata-sphinx-theme.css"
    if not css_path.is_file():
        return {}
    css = css_path.read_text(encoding="utf-8")
    used = icons_in_use(html) if used is None else used
    codepoints: set[int] = set()

    def keep_rule(match: re.Match) -> str:
        selectors = re.findall(r"\.(fa-[\w-]+):", match.group(1))
        if not set(selectors) & used:
            return ""
        codepoints.update(ord(c) for c in _decode_content(match.group(2)))
        return match.group(0)

    css = ICON_RULE.sub(keep_rule, css)
    # The theme's own rules draw some icons through custom properties (the download arrow before a file link, the
    # admonitions' icons, the breadcrumb divider), not through fa-* classes: their glyphs stay in the font too.
    for value in re.findall(r'--pst-(?:icon|breadcrumb)-[\w-]+:\s*"([^"]*)"', css):
        codepoints.update(ord(c) for c in _decode_content(value))
    written: dict[str, int] = {}

    def subset_face(match: re.Match) -> str:
        folder, stem = match.group(1), match.group(2)
        fonts = css_path.parent / folder
        source = fonts / f"{stem}.ttf"  # reading WOFF2 would need brotli
        target = fonts / f"{stem}.subset.woff"
        if source.is_file():
            font = TTFont(source, recalcTimestamp=False)  # the theme's own date, not today's: the same bytes every build
            options = subset.Options()
            options.flavor = "woff"
            options.layout_features = []
            options.name_IDs = []
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=sorted(codepoints))
            subsetter.subset(font)
            buf = io.BytesIO()
            font.flavor = "woff"
            font.save(buf)
            target.write_bytes(buf.getvalue())
            written[str(target.resolve().relative_to(html.resolve()))] = len(buf.getvalue())
        face = match.group(0)
        face = re.sub(r"src:url\([^;}]*", f'src:url({folder}{stem}.subset.woff) format("woff")', face)
        return face

    css = FONT_FACE.sub(subset_face, css)
    css_path.write_text(css, encoding="utf-8")
    written[str(css_path.relative_to(html))] = len(css.encode("utf-8"))
    for original in (html / STATIC / "vendor" / "fontawesome" / "webfonts").glob("*"):
        if not original.name.endswith(".subset.woff"):
            original.unlink()
    return written


# ---------------------------------------------------------------- images
def webp_images(html: Path) -> dict[str, int]:
    """Every page's PNG from ``_images`` as lossless WebP, loaded lazily and with its size.

    The ``width``/``height`` attributes are half the pixel size (the exports are 2x), which
    reserves the image's box before it loads; the stylesheet keeps ``height: auto`` so a narrower
    column scales it. Returns {webp file: bytes} for the files written.
    """
    from PIL import Image

    images = html / "_images"
    written = _encode_webp(images)
    sizes: dict[str, tuple[int, int]] = {}

    def convert(name: str) -> tuple[int, int] | None:
        name = name[:-5] if name.endswith(".webp") else name
        if name in sizes:
            return sizes[name]
        webp = images / f"{name}.webp"
        if not webp.is_file():
            return None
        with Image.open(webp) as im:
            sizes[name] = im.size
        return sizes[name]

    for page in html_pages(html):
        text = page.read_text(encoding="utf-8")

        def to_webp(match: re.Match) -> str:
            stem = match.group(2)
            return match.group(0) if convert(Path(stem).name) is None else f'{match.group(1)}="{stem}.webp"'

        def sized(match: re.Match) -> str:
            tag = match.group(0)
            src = WEBP_SRC.search(tag)
            if src is None:
                return tag
            width, height = sizes.get(Path(src.group(1)).name) or convert(Path(src.group(1)).name)
            extra = ""
            if " width=" not in tag:
                extra += f' width="{width // 2}" height="{height // 2}"'
            if " loading=" not in tag:
                extra += ' loading="lazy" decoding="async"'
            return tag[:-2].rstrip() + extra + " />" if tag.endswith("/>") else tag[:-1] + extra + ">"

        new = IMG_TAG.sub(sized, PNG_REF.sub(to_webp, text))
        if new != text:
            page.write_text(new, encoding="utf-8")
    dedupe_images(html)
    referenced = set()
    for page in html_pages(html):
        referenced |= {Path(m).name for m in re.findall(r'_images/([^"\s]+)', page.read_text(encoding="utf-8"))}
    for png in images.glob("*.png"):
        if png.name not in referenced:
            png.unlink()
    return written


def _encode_webp(images: Path) -> dict[str, int]:
    """Lossless WebP beside every PNG that has none or an older one; returns {webp file: bytes} for those written.

    A chart shown by a chapter and by the gallery is the same PNG under two names: each distinct image is
    encoded once, and the encodings run at once (Pillow releases the interpreter while it encodes).
    """
    from PIL import Image

    from ..data.files import sha256_file
    from .workers import parallel_map

    by_content: dict[str, list[Path]] = {}
    for png in sorted(images.glob("*.png")):
        webp = png.with_suffix(".webp")
        if not webp.is_file() or webp.stat().st_mtime < png.stat().st_mtime:
            by_content.setdefault(sha256_file(png), []).append(png)

    def encode(png: Path) -> bytes:
        with Image.open(png) as im:
            im.load()
            buf = io.BytesIO()
            im.convert("RGBA" if "transparency" in im.info or im.mode in ("RGBA", "LA") else "RGB").save(
                buf, "WEBP", lossless=True, method=6)
        return buf.getvalue()

    written: dict[str, int] = {}
    for group, data in zip(by_content.values(), parallel_map(encode, [group[0] for group in by_content.values()])):
        for png in group:
            png.with_suffix(".webp").write_bytes(data)
            written[png.with_suffix(".webp").name] = len(data)
    return written


def dedupe_images(html: Path) -> int:
    """One file per distinct image: the gallery and the chapters show the same charts under two names.

    Every reference to a copy is pointed at one file (a readable name before a hash) and the
    copies are removed; returns how many were removed.
    """
    from ..data.files import sha256_file

    images = html / "_images"
    groups: dict[str, list[Path]] = {}
    for path in sorted(images.glob("*.webp")):
        groups.setdefault(sha256_file(path), []).append(path)
    renames = {}
    for paths in groups.values():
        if len(paths) < 2:
            continue
        keep = min(paths, key=lambda p: (re.fullmatch(r"[0-9a-f]{32,}", p.stem) is not None, p.name))
        renames.update({p.name: keep.name for p in paths if p != keep})
    if not renames:
        return 0
    pattern = re.compile(r"_images/(" + "|".join(re.escape(n) for n in renames) + r')(?=["\s])')
    for page in html_pages(html):
        text = page.read_text(encoding="utf-8")
        new = pattern.sub(lambda m: f"_images/{renames[m.group(1)]}", text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    for name in renames:
        (images / name).unlink()
    return len(renames)


def lighten(html: Path) -> None:
    """All of the above, in order (the icon scan must not see the removed script)."""
    html = Path(html)
    drop_fontawesome_js(html)
    subset_icons(html)
    webp_images(html)
