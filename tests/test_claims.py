"""Claims that pages make about the library, held against the pinned library itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from langgraph.types import StreamMode

from guide.layout import iter_pages, rel

MODE_TABLE_ANCHOR = "{ #stream-modes }"
TABLE_ROW_RE = re.compile(r"^\|\s*`(?P<mode>[a-z_]+)`\s*\|", re.MULTILINE)


def mode_table_pages() -> list[Path]:
    return [page for page in iter_pages() if MODE_TABLE_ANCHOR in page.read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", mode_table_pages(), ids=rel)
def test_stream_mode_table_lists_every_mode(page: Path) -> None:
    """A `#stream-modes` section's table has one row per mode LangGraph supports, and no other."""
    text = page.read_text(encoding="utf-8")
    section = text[text.index(MODE_TABLE_ANCHOR) :]
    next_heading = re.search(r"^## ", section[1:], re.MULTILINE)
    section = section[: next_heading.start() + 1] if next_heading else section
    listed = TABLE_ROW_RE.findall(section)
    assert sorted(listed) == sorted(get_args(StreamMode)), (
        f"{rel(page)}: the stream-mode table lists {listed}; LangGraph has {get_args(StreamMode)}"
    )


def test_a_page_carries_the_stream_mode_table() -> None:
    assert mode_table_pages(), f"no page has a section anchored {MODE_TABLE_ANCHOR}"
