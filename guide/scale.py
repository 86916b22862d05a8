"""A copy of the project grown to more chapters, or reduced to its first pages, to measure how
the checks scale.

The copy holds every tracked file, plus copies of the chapters (page, translation, examples,
recorded outputs, nav entry), largest first and in turn, until each language has the number of
pages asked for: the guide grows by chapters of every kind, and a dozen copies of one page
would make its searches and its timing-bound examples crowd each other as no real guide does.
Each copy is a chapter like any other: its own examples directory and replies, a
distinct title, a current translation stamp. Nothing of it is committed; `make costs` runs the
suite in it.

Reduced, the copy keeps the pages the guide began with (PILOT_PAGES) and drops the other pages,
their examples and nav entries; links to them become plain text, as links to unwritten pages are.
Tests marked for a dropped page (`pytest.mark.page`) are left out by the caller
(`--without-page`, tests/support/page_filter.py).

The copy shares the project's environment (.venv, .tools, node_modules) by symbolic links and
puts itself first on PYTHONPATH, so `guide` and `tests` are imported from the copy.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from functools import partial
from pathlib import Path

from guide.layout import (
    EXAMPLES,
    LANGUAGES,
    ROOT,
    example_dir,
    includes,
    iter_pages,
    page_name,
    rel,
)
from guide.parity import HASH_KEY, zh_hash

SHARED = (".venv", ".tools", "node_modules")
CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
# Each copy's title, by its number: words of their own, so that searching for a title finds its
# page first (a title that repeated the original's would rank the copies with the original, and
# push it out of the first results).
COPY_NAMES = {
    "zh": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
    "en": "Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike"
    " November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu",
}
COPY_TITLE = {"zh": "示例副本{name}", "en": "Sample copy {name}"}
PILOT_PAGES = ("index", "concepts/llm-tokens")  # the two pages the guide began with
# An inline Markdown link (not an image): its text, and its target before any #fragment.
LINK_RE = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s#]+)(?:#[^)\s]*)?\)")


def copy_title(language: str, number: int) -> str:
    names = COPY_NAMES[language]
    names = names.split() if " " in names else list(names)
    return COPY_TITLE[language].format(name=names[number - 2])


def tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    )
    return [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]


def copy_project(destination: Path) -> None:
    for name in tracked_files():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)  # keeps mtimes, so make sees setup as done
    for name in SHARED:
        if (ROOT / name).exists():
            (destination / name).symlink_to(ROOT / name)


def chapters_by_size() -> list[str]:
    """The zh chapter pages (e.g. "concepts/llm-tokens"; not the overview), those that show the
    most examples first."""
    shown = {
        page_name(page): len({i.path for i in includes(page) if i.path.endswith(".py")})
        for page in iter_pages("zh")
        if page.name != "index.md"
    }
    return sorted(shown, key=lambda page: (-shown[page], page))


def largest_chapter() -> str:
    return chapters_by_size()[0]


def grow(copy: Path, pages_per_language: int) -> int:
    """Add copies of the chapters, largest first and in turn, until each language has
    `pages_per_language` Markdown pages; returns how many were added."""
    sources = chapters_by_size()
    missing = pages_per_language - len(iter_pages("zh"))
    for number in range(2, 2 + missing):
        source = sources[(number - 2) % len(sources)]
        add_copy(copy, source, f"{source}-{number}", number)
    return max(missing, 0)


def add_copy(copy: Path, source: str, page: str, number: int) -> None:
    old_dir, new_dir = rel(example_dir(source)), rel(example_dir(page))
    shutil.copytree(copy / old_dir, copy / new_dir)
    old_name, new_name = source.rsplit("/", 1)[-1], page.rsplit("/", 1)[-1]
    for language in LANGUAGES:
        text = (copy / "docs" / language / f"{source}.md").read_text(encoding="utf-8")
        text = text.replace(f"{old_dir}/", f"{new_dir}/")
        text = text.replace(f"]({old_name}/", f"]({new_name}/")  # its notebook
        title = copy_title(language, number)
        text = re.sub(r"^# .+$", f"# {title}", text, count=1, flags=re.M)
        (copy / "docs" / language / f"{page}.md").write_text(text, encoding="utf-8")
        add_to_nav(copy / CONFIGS[language], source, page, number, language)
    restamp(copy, page)


def add_to_nav(config: Path, source: str, page: str, number: int, language: str) -> None:
    text = config.read_text(encoding="utf-8")
    entry = re.search(rf"^(?P<indent> *)- (?P<title>.+?): {re.escape(source)}\.md$", text, re.M)
    if entry is None:
        raise ValueError(f"{config.name} has no nav entry for {source}.md")
    line = f"{entry['indent']}- {copy_title(language, number)}: {page}.md"
    config.write_text(text[: entry.end()] + "\n" + line + text[entry.end() :], encoding="utf-8")


def restamp(copy: Path, page: str) -> None:
    zh, en = copy / "docs" / "zh" / f"{page}.md", copy / "docs" / "en" / f"{page}.md"
    stamp = f"{HASH_KEY}: {zh_hash(zh)}"
    text = re.sub(rf"^{HASH_KEY}:.*$", stamp, en.read_text("utf-8"), count=1, flags=re.M)
    en.write_text(text, encoding="utf-8")


def shrink(copy: Path, keep: tuple[str, ...] = PILOT_PAGES) -> list[str]:
    """Drop every page but `keep` from the copy; returns the pages dropped."""
    dropped = [page_name(page) for page in iter_pages("zh") if page_name(page) not in keep]
    for page in dropped:
        shutil.rmtree(copy / rel(example_dir(page)))
        for language in LANGUAGES:
            (copy / "docs" / language / f"{page}.md").unlink()
            remove_from_nav(copy / CONFIGS[language], page)
    gone = {f"{page}.md" for page in dropped}
    for page in keep:
        for language in LANGUAGES:
            source = copy / "docs" / language / f"{page}.md"
            text = LINK_RE.sub(partial(unlinked, page=page, gone=gone), source.read_text("utf-8"))
            source.write_text(text, encoding="utf-8")
        restamp(copy, page)
    return dropped


def unlinked(link: re.Match[str], *, page: str, gone: set[str]) -> str:
    """The link's text alone if it leads to a page in `gone`, else the link as it was."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["target"]))
    return link["text"] if target in gone else link[0]


def remove_from_nav(config: Path, page: str) -> None:
    """Remove the page's nav entry, and its section's heading if nothing is left under it."""
    entry = re.compile(rf" *- .+?: {re.escape(page)}\.md\n?")
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [line for line in lines if not entry.fullmatch(line)]
    kept = []
    for number, line in enumerate(lines):
        heading = re.fullmatch(r"( *)- [^:]+:\n?", line)
        below = lines[number + 1] if number + 1 < len(lines) else ""
        indent = len(below) - len(below.lstrip(" "))
        if heading and not (below.strip() and indent > len(heading[1])):
            continue
        kept.append(line)
    config.write_text("".join(kept), encoding="utf-8")


def environment(copy: Path) -> dict[str, str]:
    """Run the copy's own machinery, not the project's installed one."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(copy) + (os.pathsep + path if path else "")}


def examples_in(copy: Path) -> int:
    return sum(1 for _ in (copy / EXAMPLES.relative_to(ROOT)).rglob("*.py"))
