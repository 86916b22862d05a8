"""MkDocs hook: give the player the recorded frames of every streamed output a page shows.

An output block is a fence whose only line includes a recorded output, such as
    ```text title="输出"
    --8<-- "examples/concepts/llm_tokens/text_chunks.out"
    ```
When the output was streamed, guide/replay.py recorded its frames next to it, in
`text_chunks.replay.json`. Such a fence is wrapped, at its own indentation (it may sit in an
admonition or a content tab), in `<div class="replay" data-replay="[[ms, text], …]" markdown>`;
overrides/assets/javascripts/replay.js adds the player. Without JavaScript the block is the plain
recorded output.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.layout import INCLUDE_RE, OUTPUT_SUFFIX, ROOT, Fence
from guide.layout import Page as Markdown
from guide.replay import replay_path


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lines = markdown.splitlines()
    # Bottom up, so that wrapping a block leaves the line numbers of those above it as they are.
    for fence in reversed(Markdown(Path(page.file.src_uri), markdown).fences):
        if (frames := replay_of(fence)) is not None:
            start, end = fence.line - 1, fence.line + len(fence.body)
            opening = f'{fence.indent}<div class="replay" data-replay="{frames}" markdown>'
            lines[start : end + 1] = [
                opening,
                "",
                *lines[start : end + 1],
                "",
                f"{fence.indent}</div>",
            ]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def replay_of(fence: Fence) -> str | None:
    """The frames, as an HTML attribute value, if the block shows one streamed output."""
    if len(fence.body) != 1 or not (include := INCLUDE_RE.match(fence.body[0])):
        return None
    output = ROOT / include["target"]
    recorded = replay_path(output)
    if output.suffix != OUTPUT_SUFFIX or not recorded.is_file():
        return None
    frames = json.loads(recorded.read_text(encoding="utf-8"))
    return html.escape(json.dumps(frames, ensure_ascii=False, separators=(",", ":")))
