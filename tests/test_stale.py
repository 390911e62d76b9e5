"""Outputs never go stale: a change in the data or the code reaches the rendered book, in the same folder.

The test works on a scratch copy of the project (see :mod:`tests.projects`), started from this checkout's last build.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

from hundred_models.data import paths
from hundred_models.site.book import CHINESE_EDITION_START, EDITION_NAMES
from tests.projects import change_count, run


def _executed(build_output: str, edition: str = "en") -> set[str]:
    """The pages a build executed for an edition ("en" or "zh"), from what the build prints."""
    pattern = rf"^executing \d+ page\(s\) of the {EDITION_NAMES[edition]} edition whose code or inputs changed: (.*)$"
    found = re.search(pattern, build_output, re.M)
    return {name.strip() for name in found.group(1).split(",")} if found else set()


def _records(root: Path) -> dict[str, dict]:
    return {path.stem.replace("__", "/"): json.loads(path.read_text(encoding="utf-8"))
            for path in (root / "_build" / ".pages").glob("*.json")}


def _clean_digests(root: Path) -> dict[str, str]:
    return {path.stem: hashlib.sha256(path.read_bytes()).hexdigest() for path in (root / "data" / "clean").glob("*.csv")}


def _text(root: Path, page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (root / "_build" / "html" / page).read_text(encoding="utf-8")))


def _rebuild_after(root: Path, change, *options: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Apply a change, rebuild data and site in the same folder; return (the build, pages that had to be executed)."""
    before_tables, before_records = _clean_digests(root), _records(root)
    change()
    run(root, "-m", "hundred_models", "build-data")
    changed_tables = {t for t, d in _clean_digests(root).items() if before_tables.get(t) != d}
    built = run(root, "-m", "hundred_models", "book", "--no-pdf", *options)
    depending = {page for page, record in before_records.items() if changed_tables & set(record["tables"])}
    return built, depending


def _seed_with_the_last_build(root: Path) -> bool:
    """Give the copy this checkout's last build (as if the project had been moved here); False if there is none."""
    build = paths.PROJECT_ROOT / "_build"
    if not (build / ".pages").is_dir() or not (build / ".doctrees").is_dir():
        return False
    shutil.copytree(build, root / "_build", ignore=shutil.ignore_patterns("screenshots"))
    if paths.FIGURES_DIR.is_dir():
        shutil.copytree(paths.FIGURES_DIR, root / "book" / "figures")
    return True


def _stale(root: Path) -> dict[str, list[str]]:
    """The pages each edition of the project at ``root`` would execute: its Chinese sources mirrored as a build does
    first, then each edition's stale pages, without building."""
    script = ("import json\n"
              "from hundred_models.site import editions\n"
              "from hundred_models.site.book import stale_pages\n"
              "from hundred_models.data import paths\n"
              "editions.mirror()\n"
              "roots = {'en': paths.PROJECT_ROOT, 'zh': editions.ZH_SOURCE}\n"
              "print(json.dumps({lang: [run.docname for run in stale_pages(lang, root)] for lang, root in roots.items()}))")
    return json.loads(run(root, "-c", script).stdout)


def test_changes_reach_the_rendered_book_on_the_path_users_take(project):
    """One folder, no cleaning, started from a build: change a claim; build; change Epoch AI's table; build; change a
    chapter's code; build.

    The folder starts from this checkout's last build, as a project moved to a new place would: no page of either
    edition is stale there (Sphinx re-reads every page at the first build after the move). After each change the pages
    show the new numbers, every page that read a changed table (or runs the changed code) was executed again, and no
    other page was. Steps that build the English edition alone leave the Chinese one behind; the next full build
    brings it up with every change since.
    """
    from hundred_models.site import pages

    current = all(pages.is_current(docname) for docname in pages.executed_pages())
    moved = _seed_with_the_last_build(project)
    if moved and current:
        # what the moved copy's next build would execute, asked of the copy's own package
        assert _stale(project) == {"en": [], "zh": []}
    else:
        first = run(project, "-m", "hundred_models", "book", "--no-pdf")
        if not moved:  # no build to start from (the test run alone): this first build is a cold one
            assert len(_executed(first.stdout)) == 9, first.stdout[-2000:]
    assert "more than 80 models" in _text(project, "book/intro.html")
    assert re.search(r"超过\s*80\s*个", _text(project, "zh/book/intro.html"))

    # 1. A raw claim: the count printed twice in article 004. The English edition alone, as a writer checking a change.
    built, depending = _rebuild_after(project, lambda: change_count(project), "--english-only")
    executed = _executed(built.stdout)
    assert "notebooks/02_players" in executed and executed == depending, (executed, depending)
    assert CHINESE_EDITION_START not in built.stdout
    assert re.search(r"more than\s+90\s+models", _text(project, "book/intro.html")), "the landing page kept the old count"
    assert re.search(r"more than\s+90", _text(project, "notebooks/02_players.html"))
    assert re.search(r"超过\s*80\s*个", _text(project, "zh/book/intro.html"))  # left as the last full build made it

    # 2. Epoch AI's table: drop its 2025 models from China. A full build: the Chinese edition catches up with both changes.
    def drop_chinese_2025():
        path = project / "data" / "external" / "epoch-ai" / "notable_ai_models.csv"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        noted = {row.split(",", 1)[0] for row in (project / "data" / "raw" / "epoch_notes.csv").read_text(
            encoding="utf-8").splitlines()[1:]}  # models a cited note refers to must stay (the build checks them)
        kept = [ln for ln in lines if not (",2025-" in ln and "China" in ln and ln.split(",", 1)[0] not in noted)]
        assert len(kept) < len(lines)
        path.write_text("".join(kept), encoding="utf-8")

    before, before_zh = _text(project, "notebooks/02_players.html"), _text(project, "zh/notebooks/02_players.html")
    claim_pages = depending
    built, depending = _rebuild_after(project, drop_chinese_2025)
    executed = _executed(built.stdout)
    assert "notebooks/02_players" in executed and executed == depending, (executed, depending)
    assert _text(project, "notebooks/02_players.html") != before
    assert _executed(built.stdout, edition="zh") == claim_pages | depending, built.stdout[-2000:]
    assert re.search(r"超过\s*90\s*个", _text(project, "zh/book/intro.html")), "the Chinese landing page kept the old count"
    assert re.search(r"超过\s*90\s*个", _text(project, "zh/notebooks/02_players.html"))
    assert _text(project, "zh/notebooks/02_players.html") != before_zh
    if (project / "_build" / "pdf" / "hundred-model-war.zh.pdf").is_file():  # --no-pdf keeps offering the printed PDF
        assert (project / "_build" / "html" / "zh" / "hundred-model-war.pdf").is_file()

    # 3. A chapter's code: the policy chapter's first key figure gets a new label.
    def edit_policy_chapter():
        path = project / "hundred_models" / "report" / "chapters" / "policy.py"
        text = path.read_text(encoding="utf-8")
        assert '"Rules, plans and letters named"' in text
        path.write_text(text.replace('"Rules, plans and letters named"', '"Rules, plans and letters counted"'), encoding="utf-8")

    built_before = _records(project)
    edit_policy_chapter()
    built = run(project, "-m", "hundred_models", "book", "--no-pdf", "--english-only")
    executed = _executed(built.stdout)
    runs_it = {page for page, r in built_before.items() if "hundred_models.report.chapters.policy" in r["modules"]}
    assert executed == runs_it == {"notebooks/05_policy"}, (executed, runs_it)
    assert "Rules, plans and letters counted" in _text(project, "notebooks/05_policy.html")

    # 4. Nothing changed, or a source saved again with the same bytes: the build does nothing at all.
    (project / "notebooks" / "05_policy.ipynb").touch()
    again = run(project, "-m", "hundred_models", "book", "--no-pdf", "--english-only")
    assert "the site is up to date" in again.stdout and "build succeeded" not in again.stdout, again.stdout[-2000:]

    # 5. An output deleted, then a source edited: each is a real (incremental) build again, executing nothing.
    (project / "_build" / "html" / "book" / "intro.html").unlink()
    again = run(project, "-m", "hundred_models", "book", "--no-pdf", "--english-only")
    assert _executed(again.stdout) == set() and (project / "_build" / "html" / "book" / "intro.html").is_file()
    methods = project / "book" / "methods.ipynb"
    methods.write_text(methods.read_text(encoding="utf-8").replace("Methods", "Methods and sources", 1), encoding="utf-8")
    again = run(project, "-m", "hundred_models", "book", "--no-pdf", "--english-only")
    assert "the site is up to date" not in again.stdout and "build succeeded" in again.stdout, again.stdout[-2000:]
