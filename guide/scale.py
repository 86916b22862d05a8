"""A copy of the project grown to more chapters, to measure how the checks scale.

The copy holds every tracked file, plus copies of the largest chapter (page, translation,
examples, recorded outputs, nav entry) until each language has the number of pages
asked for. Each copy is a chapter like any other: its own examples directory and replies, a
distinct title, a current translation stamp. Nothing of it is committed; `make costs` runs the
suite in it.

The copy shares the project's environment (.venv, .tools, node_modules) by symbolic links and
puts itself first on PYTHONPATH, so `guide` and `tests` are imported from the copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
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
from guide.parity import HASH_KEY

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


def largest_chapter() -> str:
    """The zh page (e.g. "concepts/llm-tokens") that shows the most examples."""
    shown = {
        page: {i.path for i in includes(page) if i.path.endswith(".py")}
        for page in iter_pages("zh")
    }
    page = max(shown, key=lambda p: len(shown[p]))
    return page_name(page)


def grow(copy: Path, pages_per_language: int) -> int:
    """Add copies of the largest chapter to `copy` until each language has
    `pages_per_language` Markdown pages; returns how many were added."""
    source = largest_chapter()
    missing = pages_per_language - len(iter_pages("zh"))
    for number in range(2, 2 + missing):
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
    digest = hashlib.sha256(zh.read_bytes()).hexdigest()[:12]
    stamp = f"{HASH_KEY}: {digest}"
    text = re.sub(rf"^{HASH_KEY}:.*$", stamp, en.read_text("utf-8"), count=1, flags=re.M)
    en.write_text(text, encoding="utf-8")


def environment(copy: Path) -> dict[str, str]:
    """Run the copy's own machinery, not the project's installed one."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(copy) + (os.pathsep + path if path else "")}


def examples_in(copy: Path) -> int:
    return sum(1 for _ in (copy / EXAMPLES.relative_to(ROOT)).rglob("*.py"))
