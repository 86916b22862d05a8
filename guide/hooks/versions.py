"""MkDocs hook: fill the pages' version placeholders (guide/versions.py) before Markdown is
rendered, so the page, its table of contents and the search index all carry the version.

Snippets are included later, by pymdownx.snippets while rendering, so a placeholder belongs in
the page itself; tests/test_versions.py fails on one in snippets/.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.versions import fill


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return fill(markdown)
    except PackageNotFoundError as exc:
        raise PluginError(
            f"{page.file.src_uri}: a version placeholder names {exc.name}, which is not installed"
        ) from None
