"""Streamed outputs replay on the page: every block that shows one carries its recorded frames,
and the player replays them at their pace, stays still for reduced motion, and is absent
without JavaScript."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, expect

from guide.layout import (
    DOCS,
    EXAMPLES,
    OUTPUT_SUFFIX,
    ROOT,
    includes,
    iter_pages,
    language_dir,
    page_url,
    rel,
)
from guide.replay import REPLAY_SUFFIX, Frame, replay_path
from tests.support.browser import Chromium

REPLAY_BLOCK_RE = re.compile(
    r'<div class="replay" data-replay="(?P<frames>[^"]*)"[^>]*>.*?<code>(?P<code>.*?)</code>',
    re.DOTALL,
)
TAG_RE = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Block:
    url: str  # relative to the site's root
    index: int  # among the page's replayable blocks
    frames: list[Frame]
    text: str  # as the page shows it


def replay_blocks(built: Path, site: Path) -> list[Block]:
    url = "".join(f"{part}/" for part in built.parent.relative_to(site).parts)
    return [
        Block(
            url,
            index,
            [tuple(frame) for frame in json.loads(html.unescape(match["frames"]))],
            html.unescape(TAG_RE.sub("", match["code"])),
        )
        for index, match in enumerate(REPLAY_BLOCK_RE.finditer(built.read_text(encoding="utf-8")))
    ]


def built_page(page: Path, site: Path) -> Path:
    language, *parts = page.relative_to(DOCS).parts
    return site / language_dir(language) / page_url("/".join(parts)) / "index.html"


def test_every_replay_file_belongs_to_a_recorded_output() -> None:
    for replay in EXAMPLES.rglob(f"*{REPLAY_SUFFIX}"):
        output = replay.with_name(replay.name.removesuffix(REPLAY_SUFFIX) + OUTPUT_SUFFIX)
        assert output.is_file(), f"{rel(replay)} replays {output.name}, which is not recorded"


@pytest.mark.parametrize("page", iter_pages(), ids=rel)
def test_every_streamed_output_shown_is_replayable(page: Path, built_site: Path) -> None:
    streamed = Counter(
        (ROOT / inc.path).read_text(encoding="utf-8")
        for inc in includes(page)
        if inc.path.endswith(OUTPUT_SUFFIX) and replay_path(ROOT / inc.path).is_file()
    )
    built = built_page(page, built_site)
    shown = Counter()
    for block in replay_blocks(built, built_site):
        replayed = "".join(text for _, text in block.frames)
        assert replayed == block.text, (
            f"{rel(page)}: replayable block {block.index} replays other text than it shows:\n"
            f"{replayed[:300]!r}\n{block.text[:300]!r}"
        )
        shown[block.text] += 1
    assert shown == streamed, (
        f"{rel(page)} shows {sum(streamed.values())} streamed outputs, and "
        f"{built.relative_to(built_site)} has {sum(shown.values())} replayable blocks "
        "(guide/hooks/replay.py wraps an output fence whose only line includes a .out)"
    )


@cache
def shortest(site: Path) -> Block:
    blocks = [block for built in site.rglob("*.html") for block in replay_blocks(built, site)]
    assert blocks, "no page has a replayable output; are the replay files recorded?"
    return min(blocks, key=lambda block: block.frames[-1][0])


@contextmanager
def opened(browser: Browser, site_url: str, block: Block, **options) -> Iterator[Locator]:
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.goto(site_url + block.url)
        yield page.locator(".replay").nth(block.index)
    finally:
        context.close()


# Runs in the page: clicks the block's button and keeps every text the block shows until the
# replay ends, with the milliseconds it took and whether the click started a replay.
WATCH_A_REPLAY = """async (block) => {
  const code = block.querySelector("pre > code");
  const texts = [];
  const observer = new MutationObserver(() => texts.push(code.textContent));
  observer.observe(code, { childList: true, characterData: true, subtree: true });
  const start = performance.now();
  block.querySelector(".replay__button").click();
  const playing = block.classList.contains("replay--playing");
  do {
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (block.classList.contains("replay--playing"));
  observer.disconnect();
  return { texts, playing, ms: performance.now() - start, html: code.innerHTML };
}"""


@cache
def replays(chromium: Chromium, site_url: str, site: Path) -> dict[str, dict]:
    """The shortest replayable block, clicked twice on one page: first as it was rendered, then
    after the reader turns on reduced motion, which the button's title must follow."""
    block_shown = shortest(site)

    def job(browser: Browser) -> dict[str, dict]:
        with opened(browser, site_url, block_shown, reduced_motion="no-preference") as block:
            rendered = block.locator("pre > code").inner_html()
            button = block.locator(".replay__button")
            animated_title = button.get_attribute("title")
            animated = block.evaluate(WATCH_A_REPLAY)
            block.page.emulate_media(reduced_motion="reduce")
            expect(button).not_to_have_attribute("title", animated_title)
            return {
                "animated": {**animated, "rendered": rendered},
                "still": block.evaluate(WATCH_A_REPLAY),
            }

    return chromium.run(job)


def test_a_click_replays_the_output_at_its_pace(
    chromium: Chromium, site_url: str, built_site: Path
) -> None:
    seen, block = replays(chromium, site_url, built_site)["animated"], shortest(built_site)
    assert seen["playing"], "a click should start the replay"
    prefixes = [text for text in seen["texts"][:-1] if text]
    assert prefixes and all(
        len(text) < len(block.text) and block.text.startswith(text) for text in prefixes
    ), f"while replaying, the block should show prefixes of its text: {seen['texts']}"
    assert prefixes == sorted(prefixes, key=len), f"the prefixes should grow: {prefixes}"
    assert seen["texts"][-1] == block.text and seen["html"] == seen["rendered"], (
        "after the replay the block should show its output exactly as rendered"
    )
    assert seen["ms"] >= 0.8 * block.frames[-1][0], (
        f"a replay of {block.frames[-1][0]} ms took {seen['ms']:.0f} ms"
    )


def test_reduced_motion_shows_the_whole_output_at_once(
    chromium: Chromium, site_url: str, built_site: Path
) -> None:
    seen, block = replays(chromium, site_url, built_site)["still"], shortest(built_site)
    assert set(seen["texts"]) <= {block.text}, f"it should not animate: {seen['texts']}"
    # Whether the click replays, not how long it took: that would depend on the machine's load.
    assert not seen["playing"], "with reduced motion on, a click should not start a replay"


def test_without_javascript_the_static_output_is_there(
    chromium: Chromium, site_url: str, built_site: Path
) -> None:
    block_shown = shortest(built_site)

    def job(browser: Browser) -> tuple[int, str | None]:
        with opened(browser, site_url, block_shown, java_script_enabled=False) as block:
            return block.locator(".replay__button").count(), block.locator(
                "pre > code"
            ).text_content()

    assert chromium.run(job) == (0, block_shown.text)
