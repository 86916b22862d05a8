"""Links and anchors of a built static site, checked over its files.

Each HTML file is scanned once for its ids and for every href and src, in its start tags only:
comments and the insides of script and style elements are skipped, as an HTML parser skips them
(a regular expression does this nearly four times faster than `html.parser` over the site's
11 MB of pages, mostly highlighted code). A URL is resolved against the page's own URL, as a
browser would; a directory URL means its index.html. Absolute URLs under the site's own address
count as internal; other hosts and schemes are not followed (the weekly workflow checks them
with LinkChecker).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src"}


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, URL)


SKIPPED = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?</\2\s*>", re.DOTALL | re.IGNORECASE)
START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
WANTED = re.compile(r"\b(?:id|name|href|src)\s*=", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def parse(page: Path) -> Parsed:
    text = SKIPPED.sub(lambda m: m[1] or "", page.read_text(encoding="utf-8"))
    parsed = Parsed()
    for tag in START_TAG.finditer(text):
        attributes = tag[2]
        if not WANTED.search(attributes):  # most tags are highlighted code's <span class=...>
            continue
        element = tag[1].lower()
        for attribute in ATTRIBUTE.finditer(attributes):
            name = attribute[1].lower()
            value = next((v for v in attribute.group(2, 3, 4) if v is not None), None)
            if value is None:
                continue
            value = html.unescape(value)
            if name == "id" or (element == "a" and name == "name"):
                parsed.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                parsed.links.append((name, value))
    return parsed


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Every link of every HTML file under `site` that leads to no file, or to no such anchor
    in the page it names. `site_url` is the address the site was built for, if any."""
    pages = {
        "/" + path.relative_to(site).as_posix(): parse(path)
        for path in sorted(site.rglob("*.html"))
    }
    found = []
    for source, parsed in pages.items():
        for attribute, link in parsed.links:
            problem = check(site, pages, source, link, site_url)
            if problem:
                found.append(f"{source.lstrip('/')}: {attribute}={link!r} {problem}")
    return found


def check(site: Path, pages: dict[str, Parsed], source: str, link: str, site_url: str) -> str:
    if site_url and link.startswith(site_url):
        link = "/" + link.removeprefix(site_url)
    url = urlsplit(urljoin(source, link))
    if url.scheme or url.netloc:
        return ""  # another host, or data:, mailto: and the like
    target = unquote(url.path)
    if target.endswith("/") or (site / target.lstrip("/")).is_dir():
        target = target.rstrip("/") + "/index.html"
    if target not in pages:
        if not (site / target.lstrip("/")).is_file():
            return f"leads to {target.lstrip('/')}, which the site does not have"
        return ""
    anchor = unquote(url.fragment)
    if anchor and anchor not in pages[target].ids:
        return f"leads to {target.lstrip('/')}, which has no id {anchor!r}"
    return ""
