"""The Chinese edition's text: gettext catalogues of the English sources, kept in step with them.

``make locales`` extracts every message of the book (a paragraph, a heading, a table caption; in a
notebook, the MyST source of each paragraph, roles included) and updates
``locales/zh_CN/LC_MESSAGES/*.po`` with sphinx-intl: a new English paragraph appears as one
untranslated message, an edited one as a fuzzy message, so no page goes silently out of date.
:func:`catalogue_problems` lists what is untranslated, fuzzy or missing, for the test that keeps the
catalogues complete.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .editions import LANGUAGE, LOCALES_DIR, mirror


def extract(out: Path) -> Path:
    """Message templates (.pot) of the whole book, written under ``out``.

    Messages come from the pages' text, not from what their code prints, so the extraction runs on a copy of
    the Chinese mirror with execution switched off: quick, and the editions' builds and caches are untouched.
    """
    import yaml

    source = Path(out) / "src"
    mirror(target=source)
    config = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    # Extract from the English text: no catalogue applied (the compiled ones would translate the contents' captions).
    config["sphinx"]["config"]["language"] = "en"
    config["sphinx"]["config"].pop("locale_dirs", None)
    (source / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(source), "--path-output", str(out), "--builder", "custom", "--custom-builder", "gettext"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    result = subprocess.run(cmd, cwd=source, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"message extraction failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return Path(out) / "_build" / "gettext"


def update_catalogues() -> list[Path]:
    """Extract the messages and merge them into locales/zh_CN (new messages empty, changed ones fuzzy)."""
    with tempfile.TemporaryDirectory() as tmp:
        pot = extract(Path(tmp))
        subprocess.run([str(Path(sys.executable).with_name("sphinx-intl")), "update", "-p", str(pot), "-l", LANGUAGE,
                        "-d", str(LOCALES_DIR), "-w", "0"], check=True, capture_output=True)
    return sorted((LOCALES_DIR / LANGUAGE / "LC_MESSAGES").rglob("*.po"))


def read_catalogue(path: Path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        return read_po(handle, locale="zh_CN")


def catalogue_problems(pot_dir: Path | None = None) -> list[str]:
    """Every message that is untranslated or fuzzy, and (given fresh templates) every template message missing."""
    problems = []
    po_dir = LOCALES_DIR / LANGUAGE / "LC_MESSAGES"
    for po in sorted(po_dir.rglob("*.po")):
        rel = po.relative_to(po_dir)
        for message in read_catalogue(po):
            if not message.id:
                continue
            if message.fuzzy:
                problems.append(f"{rel}: fuzzy: {str(message.id)[:70]!r}")
            elif not message.string:
                problems.append(f"{rel}: untranslated: {str(message.id)[:70]!r}")
    if pot_dir is not None:
        from babel.messages.pofile import read_po

        for pot in sorted(Path(pot_dir).rglob("*.pot")):
            rel = pot.relative_to(pot_dir).with_suffix(".po")
            po = po_dir / rel
            with open(pot, "rb") as handle:
                wanted = {m.id for m in read_po(handle) if m.id}
            have = {m.id for m in read_catalogue(po) if m.id} if po.is_file() else set()  # obsolete ones are not iterated
            for missing in sorted(wanted - have, key=str)[:5]:
                problems.append(f"{rel}: not in the catalogue (run `make locales`): {str(missing)[:70]!r}")
    return problems
