"""MkDocs hook: warn, while serving and building, about what `make test` rejects but a page
still renders: Python typed into a page instead of included from examples/, and an en page that
translates an older zh text.

They are warnings, and never fail a strict build: the site is whole, and the suite reports each
one precisely (tests/test_snippets.py, tests/test_parity.py) instead of failing every test that
needs the site. The logger is outside `mkdocs`, whose warnings a strict build counts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.layout import DOCS, iter_pages, typed_python
from guide.parity import staleness

log = logging.getLogger("guide.authoring")


def on_pre_build(config: MkDocsConfig) -> None:
    if config.theme["language"] == "en":
        for zh_page in iter_pages("zh"):
            if (DOCS / "en" / zh_page.relative_to(DOCS / "zh")).exists():
                stale = staleness(zh_page)
                if stale:
                    log.warning(stale)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is None:  # notebook pages are generated from examples
        for problem in typed_python(Path(page.file.abs_src_path)):
            log.warning(problem)
    return markdown
