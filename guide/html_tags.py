"""The start tags of a built page and their attributes, found with regular expressions.

Comments and the insides of script and style elements are skipped, as an HTML parser skips
them. Over the site's pages, mostly highlighted code, this is several times faster than
`html.parser`, which would build a tag for each of a page's tens of thousands of `<span>`s.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

SKIPPED = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?</\2\s*>", re.DOTALL | re.IGNORECASE)
START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def start_tags(text: str, wanted: re.Pattern[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """(element, attributes) of each start tag whose attributes `wanted` finds a match in;
    names lowercased, values unescaped, attributes without a value left out."""
    text = SKIPPED.sub(lambda m: m[1] or "", text)
    for tag in START_TAG.finditer(text):
        if not wanted.search(tag[2]):
            continue
        attributes = {}
        for attribute in ATTRIBUTE.finditer(tag[2]):
            value = next((v for v in attribute.group(2, 3, 4) if v is not None), None)
            if value is not None:
                attributes.setdefault(attribute[1].lower(), html.unescape(value))
        yield tag[1].lower(), attributes
