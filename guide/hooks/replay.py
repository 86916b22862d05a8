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
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.layout import ROOT

OUTPUT_FENCE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n"
    r'(?P=indent)-{1,}8<-{1,}[ \t]+"(?P<output>[^"\n]+)\.out"[ \t]*\n'
    r"(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE,
)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return OUTPUT_FENCE_RE.sub(wrap, markdown)


def wrap(fence: re.Match[str]) -> str:
    recorded = ROOT / f"{fence['output']}.replay.json"
    if not recorded.is_file():
        return fence[0]
    frames = json.loads(recorded.read_text(encoding="utf-8"))
    data = html.escape(json.dumps(frames, ensure_ascii=False, separators=(",", ":")))
    indent = fence["indent"]
    opening = f'{indent}<div class="replay" data-replay="{data}" markdown>'
    return f"{opening}\n\n{fence[0]}\n\n{indent}</div>"
