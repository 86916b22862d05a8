"""Every zh page has an en translation with the same skeleton, made from the current zh text."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from guide.layout import DOCS, iter_pages, rel
from guide.parity import skeleton, staleness


def counterpart(page: Path) -> Path:
    language = page.relative_to(DOCS).parts[0]
    other = "en" if language == "zh" else "zh"
    return DOCS / other / page.relative_to(DOCS / language)


@pytest.mark.parametrize("page", iter_pages(), ids=rel)
def test_page_exists_in_both_languages(page: Path) -> None:
    assert counterpart(page).exists(), f"{rel(page)} has no counterpart {rel(counterpart(page))}"


@pytest.mark.parametrize("page", iter_pages(), ids=rel)
def test_headings_carry_explicit_ascii_anchors(page: Path) -> None:
    missing = [item for item in skeleton(page) if item.endswith("#(none)")]
    assert not missing, f"{rel(page)}: headings need an explicit {{ #ascii-id }}: {missing}"


@pytest.mark.parametrize("zh_page", iter_pages("zh"), ids=rel)
def test_translation_has_the_same_skeleton(zh_page: Path) -> None:
    en_page = counterpart(zh_page)
    if not en_page.exists():
        pytest.fail(f"{rel(en_page)} is missing", pytrace=False)
    zh, en = skeleton(zh_page), skeleton(en_page)
    if zh != en:
        diff = "\n".join(difflib.unified_diff(zh, en, rel(zh_page), rel(en_page), lineterm=""))
        pytest.fail(f"{rel(en_page)} does not mirror {rel(zh_page)}:\n{diff}", pytrace=False)


@pytest.mark.parametrize("zh_page", iter_pages("zh"), ids=rel)
def test_translation_is_current(zh_page: Path) -> None:
    stale = staleness(zh_page)
    assert stale is None, stale


def test_skeleton_keeps_what_a_translation_must_mirror(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\nzh_hash: 0\n---\n# Title\n\n## Part { #part }\n\n"
        '```python\n# a comment, not a heading\n--8<-- "examples/x.py:main"\n```\n\n'
        '--8<-- "snippets/en/bench/ttft.md"\n\n'
        '!!! note "Note"\n    text\n\n=== "Tab"\n\nSee [there](other.md#part).\n\n### No anchor\n',
        encoding="utf-8",
    )
    assert skeleton(page) == [
        "h2 #part",
        "include examples/x.py:main",
        "include snippets/<lang>/bench/ttft.md",
        "admonition note",
        "tab",
        "link other.md#part",
        "h3 #(none)",
    ]
