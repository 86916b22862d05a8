"""MkDocs hook: /llms.txt and /llms-full.txt for each language (https://llmstxt.org/).

`llms.txt` is the site's index for language models and their tools: the site's name (H1), its
description (a blockquote), a paragraph pointing at the full text and the other language, then
one H2 per section of the nav (a page at the top of the nav is a section of its own), each page
as `- [title](url): description`. The description is the page's front-matter `description`, or
else the first sentence of its first paragraph. Under `## Optional` (the convention's name for
what a reader may skip) come the chapters' notebooks (.ipynb): the same examples the chapters
show, as files to download and run.

`llms-full.txt` holds every page of the nav, in nav order, as Markdown with its includes resolved
(guide.layout.resolved: the code sections and recorded outputs inlined), its version
placeholders filled, its heading anchors `{ #id }` dropped and its links made absolute; each page
is followed, under its H1, by its URL. The notebook pages are left out: their cells are whole
example files whose sections the chapter already inlines, and their outputs are the same
recorded outputs, so they would double the file and add nothing.

URLs are absolute, on the site_url the site is built for (the dev server, the test server, or
SITE_URL on Pages). Labels are the language's, from `extra.llms` in mkdocs.yml / mkdocs.en.yml.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from guide import notebooks
from guide.layout import ANCHOR_RE, HEADING_RE, page_url, read_page, resolved
from guide.layout import Page as Markdown
from guide.versions import fill

INDEX, FULL = "llms.txt", "llms-full.txt"
MARKDOWN_LINK_RE = re.compile(r"(?<=\]\()(?P<target>[^)\s]+)(?=[)\s])")
HTML_LINK_RE = re.compile(r'(?<=href=")(?P<target>[^"]+)(?=")')
INLINE_LINK_RE = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
EMPHASIS_RE = re.compile(r"\*\*|__")
SENTENCE_END_RE = re.compile(r"(?<=[。！？])|(?<=[.!?])\s")
DESCRIPTION_RE = re.compile(r"^description:\s*(?P<text>.+?)\s*$", re.MULTILINE)
ABSOLUTE_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)")
# Lines that start no paragraph of prose: admonitions, raw HTML, tables, quotes, tabs, lists.
NOT_PROSE_RE = re.compile(r"^(?:!!!|\?\?\?|<|\||>|===|\{|[-*+]\s|\d+\.\s|\*\[)")


def on_post_build(config: MkDocsConfig) -> None:
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    base = config.site_url or "/"
    sections = nav_sections(config.nav or [])
    (site / INDEX).write_text(index(config, docs, base, sections), encoding="utf-8")
    pages = [source for _, entries in sections for source in entries]
    (site / FULL).write_text(full(config, docs, base, pages), encoding="utf-8")


def nav_sections(nav: list) -> list[tuple[str | None, list[str]]]:
    """(section title, page sources) in nav order; a page at the top level is a section of its
    own, titled by its page (None)."""
    found: list[tuple[str | None, list[str]]] = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, str):
            found.append((None, [value]))
        else:
            found.append((title, _pages(value)))
    return found


def _pages(nav: list) -> list[str]:
    pages = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += [value] if isinstance(value, str) else _pages(value)
    return pages


def title(page: Path) -> str:
    return fill(next(h.title for h in read_page(page).headings if h.level == 1))


def description(page: Path) -> str:
    """The page's front-matter description, or the first sentence of its first paragraph."""
    parsed = read_page(page)
    if found := DESCRIPTION_RE.search(parsed.front_matter):
        return fill(found["text"].strip("\"'"))
    paragraph: list[str] = []
    for _, line in parsed.outside_fences():
        text = line.strip()
        if paragraph and not text:
            break
        if text and not HEADING_RE.match(text) and not NOT_PROSE_RE.match(text):
            paragraph.append(text)
    prose = EMPHASIS_RE.sub("", INLINE_LINK_RE.sub(r"\g<text>", " ".join(paragraph)))
    return fill(SENTENCE_END_RE.split(prose, maxsplit=1)[0].strip())


def index(config: MkDocsConfig, docs: Path, base: str, sections: list) -> str:
    labels = config.extra["llms"]
    other = next(
        alt for alt in config.extra["alternate"] if alt["lang"] != config.theme["language"]
    )
    lines = [
        f"# {config.site_name}",
        "",
        f"> {config.site_description}",
        "",
        labels["intro"].format(
            full=f"[{FULL}]({urljoin(base, FULL)})",
            other=f"[{INDEX}]({urljoin(base, other['link'] + INDEX)})",
        ),
    ]
    for section, sources in sections:
        heading = section or title(docs / sources[0])
        lines += ["", f"## {heading}", ""]
        lines += [
            f"- [{title(docs / s)}]({urljoin(base, page_url(s))}): {description(docs / s)}"
            for s in sources
        ]
    chapters = {chapter.page: chapter for chapter in notebooks.chapters()}
    shown = [s for _, sources in sections for s in sources if s in chapters]
    if shown:
        lines += ["", "## Optional", ""]
        lines += [
            f"- [{labels['notebook'].format(title=title(docs / s))}]"
            f"({urljoin(base, chapters[s].download)}): {labels['notebook_description']}"
            for s in shown
        ]
    return "\n".join(lines) + "\n"


def full(config: MkDocsConfig, docs: Path, base: str, sources: list[str]) -> str:
    parts = [f"# {config.site_name}\n\n> {config.site_description}\n"]
    for source in sources:
        url = urljoin(base, page_url(source))
        markdown = plain_text(fill(resolved(docs / source)), source, url, base)
        lines = markdown.strip("\n").splitlines()
        h1 = next(i for i, line in enumerate(lines) if line.startswith("# "))
        lines[h1 + 1 : h1 + 1] = ["", f"<{url}>"]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def plain_text(markdown: str, source: str, url: str, base: str) -> str:
    """Outside code blocks: headings without their `{ #anchor }` (Python-Markdown's attribute
    list), and relative links made absolute."""
    lines = markdown.splitlines()
    for number, line in Markdown(Path(source), markdown).outside_fences():
        if HEADING_RE.match(line) and (anchor := ANCHOR_RE.search(line)):
            line = line[: anchor.start()].rstrip()
        lines[number - 1] = absolute_links(line, source, url, base)
    return "\n".join(lines) + "\n"


def absolute_links(text: str, source: str, url: str, base: str) -> str:
    """Relative links made absolute: Markdown links are relative to the page's file (a link to
    a .md file means that page), raw HTML links to the page's URL, as MkDocs renders them."""

    def markdown_link(found: re.Match) -> str:
        target = found["target"]
        if ABSOLUTE_RE.match(target):
            return target
        if target.startswith("#"):
            return url + target
        path, _, anchor = target.partition("#")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        page = urljoin(base, page_url(joined) if joined.endswith(".md") else joined)
        return page + (f"#{anchor}" if anchor else "")

    def html_link(found: re.Match) -> str:
        return urljoin(url, found["target"])

    return HTML_LINK_RE.sub(html_link, MARKDOWN_LINK_RE.sub(markdown_link, text))
