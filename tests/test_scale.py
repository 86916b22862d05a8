"""`make costs` times the suite on copies of the project (guide/scale.py); here, that the copy
reduced to the pilot pages is a whole guide of those pages and nothing else, and that the time
allowed grows from the pilot pages' target to the complete guide's."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from guide import scale
from guide.costs import (
    PILOT_TARGET_SECONDS,
    SCALED_PAGES,
    SCALED_TARGET_SECONDS,
    time_allowed,
)
from guide.layout import LANGUAGES, ROOT
from guide.parity import recorded_hash, zh_hash


@pytest.fixture(scope="module")
def pilot(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """What `shrink` changes, copied (`copy_project` lists the files with git, and `make costs`
    runs this suite in copies that are no git checkout)."""
    copy = tmp_path_factory.mktemp("pilot")
    for folder in ("docs", "examples"):
        shutil.copytree(ROOT / folder, copy / folder)
    for config in scale.CONFIGS.values():
        shutil.copy2(ROOT / config, copy / config)
    return copy, scale.shrink(copy)


def test_the_pilot_copy_has_the_pilot_pages_and_their_examples_only(pilot) -> None:
    copy, dropped = pilot
    assert not set(dropped) & set(scale.PILOT_PAGES)
    for language in LANGUAGES:
        docs = copy / "docs" / language
        pages = [page.relative_to(docs).with_suffix("").as_posix() for page in docs.rglob("*.md")]
        assert sorted(pages) == sorted(scale.PILOT_PAGES), language
    examples = {path.parent.relative_to(copy).as_posix() for path in copy.glob("examples/**/*.py")}
    assert examples == {"examples/overview", "examples/concepts/llm_tokens"}


def test_the_pilot_copy_links_and_lists_no_dropped_page(pilot) -> None:
    copy, dropped = pilot
    for language, config in scale.CONFIGS.items():
        nav = (copy / config).read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
        listed = re.findall(r"^ *- .+?: (\S+)\.md$", nav, re.MULTILINE)
        assert sorted(listed) == sorted(scale.PILOT_PAGES), config
        empty_section = re.search(r"^ *- [^:]+:\n(?! {4})", nav, re.MULTILINE)
        assert not empty_section, f"{config}: {empty_section[0]!r} has nothing under it"
        for page in scale.PILOT_PAGES:
            source = copy / "docs" / language / f"{page}.md"
            for link in scale.LINK_RE.finditer(source.read_text(encoding="utf-8")):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["target"]))
                assert target.removesuffix(".md") not in dropped, f"{source}: {link[0]}"


def test_the_pilot_copy_keeps_its_translations_current(pilot) -> None:
    copy, _ = pilot
    for page in scale.PILOT_PAGES:
        zh, en = (copy / "docs" / language / f"{page}.md" for language in LANGUAGES)
        assert recorded_hash(en) == zh_hash(zh), page


def test_a_link_to_a_dropped_page_becomes_its_text() -> None:
    text = "见[流模式详解](stream-modes.md#tools)，[上文](#x)，[概览](../index.md)，![图](a.svg)"
    gone = {"concepts/stream-modes.md"}
    found = scale.LINK_RE.sub(
        lambda link: scale.unlinked(link, page="concepts/llm-tokens", gone=gone), text
    )
    assert found == "见流模式详解，[上文](#x)，[概览](../index.md)，![图](a.svg)"


def test_the_time_allowed_runs_from_the_pilot_target_to_the_complete_guides() -> None:
    pilot = len(scale.PILOT_PAGES)
    assert time_allowed(pilot) == PILOT_TARGET_SECONDS
    assert time_allowed(SCALED_PAGES) == SCALED_TARGET_SECONDS
    allowed = [time_allowed(pages) for pages in range(1, SCALED_PAGES + 3)]
    assert allowed == sorted(allowed)
    assert min(allowed) == PILOT_TARGET_SECONDS and max(allowed) == SCALED_TARGET_SECONDS
