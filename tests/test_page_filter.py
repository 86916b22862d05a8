"""`make check PAGE=...` (tests/support/page_filter.py) selects exactly one page's checks."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from guide.layout import DOCS, EXAMPLES
from guide.notebooks import chapters
from tests.support.page_filter import belongs, mentions, own

LLM_TOKENS = "concepts/llm-tokens"


def test_a_page_is_named_by_its_files_examples_urls_and_chapter() -> None:
    chapter = next(c for c in chapters() if c.page == f"{LLM_TOKENS}.md")
    for value in (
        DOCS / "zh" / f"{LLM_TOKENS}.md",
        "docs/en/concepts/llm-tokens.md",
        f"{LLM_TOKENS}.md",
        EXAMPLES / "concepts" / "llm_tokens" / "text_chunks.py",
        "concepts/llm-tokens/",
        "concepts/llm-tokens/notebook/",
        chapter,
    ):
        assert mentions(value, LLM_TOKENS), value


def test_other_pages_are_not_named() -> None:
    for value in (
        DOCS / "zh" / "index.md",
        EXAMPLES / "overview" / "first_token.py",
        "",
        "notebook/",
        "concepts/llm-tokens-2/",
        Path("examples/concepts/llm_tokens_2/text_chunks.py"),
        "zh",
    ):
        assert not mentions(value, LLM_TOKENS), value


def test_the_home_page_is_named_by_its_root_url() -> None:
    assert mentions("", "index") and mentions("notebook/", "index")
    assert mentions(EXAMPLES / "overview" / "first_token.py", "index")
    assert not mentions("concepts/llm-tokens/", "index")


def test_a_marked_test_checks_its_page_only() -> None:
    marks = {"page": pytest.mark.page(LLM_TOKENS).mark}
    item = SimpleNamespace(get_closest_marker=marks.get)
    assert own(item, LLM_TOKENS) and belongs(item, LLM_TOKENS)
    assert not own(item, "practice/realtime") and not belongs(item, "practice/realtime")


def test_a_site_wide_test_is_no_page_s_own() -> None:
    marks = {"site_wide": pytest.mark.site_wide.mark}
    item = SimpleNamespace(get_closest_marker=marks.get)
    assert belongs(item, LLM_TOKENS) and not own(item, LLM_TOKENS)
