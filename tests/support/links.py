"""Links and anchors of a built static site, checked over its files.

Each HTML file is scanned once for its ids and for every href and src, in its start tags only
(`guide.html_tags`). A URL is resolved against the page's own URL, as a
browser would; a directory URL means its index.html. Absolute URLs under the site's own address
count as internal; other hosts and schemes are not followed (the weekly workflow checks them
with LinkChecker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from guide.html_tags import start_tags

LINK_ATTRIBUTES = {"href", "src"}


@dataclass
class Parsed:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (attribute, URL)


WANTED = re.compile(r"\b(?:id|name|href|src)\s*=", re.IGNORECASE)


def parse(page: Path) -> Parsed:
    parsed = Parsed()
    for element, attributes in start_tags(page.read_text(encoding="utf-8"), WANTED):
        for name, value in attributes.items():
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
