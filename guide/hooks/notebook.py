"""MkDocs hook: the chapters' notebooks (guide/notebooks.py), which mkdocs-jupyter renders.

- The build fails when a committed notebook is not what examples/ and the pages make now; while
  serving it only warns, so the site keeps rebuilding as an author edits.
- Links in a notebook carry the site_url of the config file, so that they work in Jupyter too;
  on the page they are rebased onto wherever this build is served, and checked like any link.
  The copy offered for download links to the site it is downloaded from (SITE_URL).
- nbconvert's own stylesheets and script loaders are dropped; see FURNITURE_RE.
- Its headings get the anchors of the chapter's headings they link to, and Material's permalinks.
- Search indexes a notebook page's prose and headings, not its code and outputs: those are
  whole examples the chapter already shows.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

from guide.notebooks import NOTEBOOK, STALE_FIX, site_url, stale

log = logging.getLogger("mkdocs.hooks.notebooks")

# JupyterLab's stylesheet (575 kB, inlined into every notebook page; Material's styles and
# notebook.css lay the cells out instead), and MathJax and mermaid loaders that point at CDNs
# (no notebook here has math or diagrams).
FURNITURE_RE = re.compile(
    r"<style\b.*?</style>"
    r'|<script (?:src=""|type="text/x-mathjax-config"|type="module")>.*?</script>',
    re.DOTALL,
)
# Code and outputs scroll sideways, so they take the keyboard focus, as Material's code blocks do.
# Neither is searched, nor the copy button's text. Material's search matches an excluded element's
# end by tag name alone, so only elements with no same-tag element inside can be excluded.
CODE_BLOCK = "<pre>"
CODE_BLOCK_ATTRIBUTES = '<pre tabindex="0" data-search-exclude>'
UNSEARCHED_RE = re.compile(r'class="(?:clipboard-copy-txt|notice)"')
HEADING_RE = re.compile(
    r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)">(?P<inner>.*?)</h(?P=level)>', re.DOTALL
)
FRAGMENT_RE = re.compile(r'<a href="[^"#]*#(?P<anchor>[^"]+)">')


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = stale(config.theme["language"])
    if problems:
        message = "\n".join(problems) + f"\n{STALE_FIX}"
        if config.strict:
            raise PluginError(message)
        log.warning(message)
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(NOTEBOOK):
        return html
    site_root = get_relative_url("", page.url) + "/"
    html = html.replace(f'href="{site_url(config.theme["language"])}', f'href="{site_root}')
    html = anchor_headings(FURNITURE_RE.sub("", html), page)
    html = html.replace(CODE_BLOCK, CODE_BLOCK_ATTRIBUTES)
    return UNSEARCHED_RE.sub(r"\g<0> data-search-exclude", html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Rebase the links of the downloadable copy, which mkdocs-jupyter (a plugin, so it runs
    before this hook) has just copied next to the page."""
    configured, served = site_url(config.theme["language"]), config.site_url.rstrip("/") + "/"
    if page.file.src_uri.endswith(NOTEBOOK) and served != configured:
        download = Path(page.file.abs_dest_path).with_name(NOTEBOOK)
        text = download.read_text(encoding="utf-8")
        download.write_text(text.replace(f"({configured}", f"({served}"), encoding="utf-8")
    return output


def anchor_headings(html: str, page: Page) -> str:
    """mkdocs-jupyter ids a heading by its ASCII letters alone, so Chinese headings get empty or
    clashing ids that its TOC does not match. Give each heading the anchor its link points at
    (the TOC's own id if it links nowhere), in the HTML and in the TOC alike."""
    entries = list(walk(page.toc))
    headings = list(HEADING_RE.finditer(html))
    if len(entries) != len(headings):
        raise PluginError(
            f"{page.file.src_uri}: {len(headings)} headings, {len(entries)} in its TOC"
        )
    parts, end = [], 0
    for heading, entry in zip(headings, entries, strict=True):
        link = FRAGMENT_RE.search(heading["inner"])
        entry.id = link["anchor"] if link else entry.id
        inner = heading["inner"].replace(
            f'<a class="anchor-link" href="#{heading["id"]}">',
            f'<a class="headerlink" href="#{entry.id}">',
        )
        level = heading["level"]
        parts += [html[end : heading.start()], f'<h{level} id="{entry.id}">{inner}</h{level}>']
        end = heading.end()
    return "".join(parts) + html[end:]


def walk(toc: TableOfContents | list[AnchorLink]) -> Iterator[AnchorLink]:
    for entry in toc:
        yield entry
        yield from walk(entry.children)
