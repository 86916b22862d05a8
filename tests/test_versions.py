"""Versions in the pages come from the lock (guide/versions.py), never typed into prose.

The benchmark captions (snippets/<lang>/bench/) are exempt: they record what a past run
measured, written by `make bench-pages` from bench/results/.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from guide.layout import DOCS, ROOT, iter_pages, rel
from guide.notebooks import page_headings
from guide.versions import PLACEHOLDER_RE, fill

SNIPPETS = ROOT / "snippets"
MEASUREMENT_RECORDS = "bench"
TYPED_VERSION_RE = re.compile(
    r"\b(?P<package>(?:langchain|langgraph)"
    r"(?:[-_ ](?:core|openai|prebuilt|checkpoint|sdk|protocol))?|openai)"
    r"[ \t]*(?:==|>=|v)?[ \t]*(?P<version>\d+\.\d+(?:\.\d+)*)(?![.\w])",
    re.IGNORECASE,
)
PAGE_WITH_A_VERSION = "concepts/llm-tokens"


def locked_versions() -> dict[str, str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {package["name"]: package["version"] for package in lock["package"]}


def snippets() -> list[Path]:
    return [
        path
        for path in sorted(SNIPPETS.rglob("*.md"))
        if MEASUREMENT_RECORDS not in path.relative_to(SNIPPETS).parts
    ]


def typed_versions(text: str) -> list[str]:
    return [match[0] for match in TYPED_VERSION_RE.finditer(text)]


@pytest.mark.parametrize("path", [*iter_pages(), *snippets()], ids=rel)
def test_no_library_version_is_typed_in(path: Path) -> None:
    typed = typed_versions(path.read_text(encoding="utf-8"))
    assert not typed, (
        f'{rel(path)} types {typed}; write {{{{ version("<package>") }}}} instead, which the '
        "build fills from the lock"
    )


def test_the_check_sees_typed_versions_and_lets_series_pass() -> None:
    text = (
        "本站锁定的 langchain-openai 1.7.3；openai==3.57.0, LangGraph v1.2, langchain_core 1.8; "
        "LangChain 1.x, LangChain 0.3.x, Python 3.11"
    )
    assert typed_versions(text) == [
        "langchain-openai 1.7.3",
        "openai==3.57.0",
        "LangGraph v1.2",
        "langchain_core 1.8",
    ]


@pytest.mark.parametrize("path", snippets(), ids=rel)
def test_snippets_hold_no_placeholder(path: Path) -> None:
    """pymdownx.snippets includes them after the hook has filled the page."""
    assert not PLACEHOLDER_RE.search(path.read_text(encoding="utf-8"))


def test_placeholders_fill_with_the_locked_version() -> None:
    locked = locked_versions()
    for package in ("langchain", "langchain-core", "langchain-openai", "langgraph", "openai"):
        assert fill(f'({{{{ version("{package}") }}}})') == f"({locked[package]})"


def test_a_notebook_heading_carries_the_locked_version(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '# Title\n\n## langchain-openai {{ version("langchain-openai") }} { #pinned }\n',
        encoding="utf-8",
    )
    _, under = page_headings(page)
    assert under[3][0].title == f"langchain-openai {locked_versions()['langchain-openai']}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_built_page_and_its_search_entry_carry_the_locked_version(
    built_site: Path, language: str
) -> None:
    source = (DOCS / language / f"{PAGE_WITH_A_VERSION}.md").read_text(encoding="utf-8")
    assert PLACEHOLDER_RE.search(source), f"no placeholder left on {PAGE_WITH_A_VERSION}"
    expected = f"langchain-openai {locked_versions()['langchain-openai']}"
    root = built_site / ("en" if language == "en" else "")
    html = (root / PAGE_WITH_A_VERSION / "index.html").read_text(encoding="utf-8")
    index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    searched = " ".join(
        doc["text"] for doc in index["docs"] if PAGE_WITH_A_VERSION in doc["location"]
    )
    assert html.count(expected) == 2 and expected in searched
