"""MkDocs hook: each chapter's notebook (guide/notebooks.py), made by the build.

For every chapter it adds two generated files: the notebook as a page (`<page>/notebook.md`,
URL `<page>/notebook/`) and the .ipynb that page offers for download, whose links point at the
site being built (its site_url: the dev server, the test server, or SITE_URL on Pages).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guide import notebooks


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = config.theme["language"]
    for chapter in notebooks.chapters():
        markdown = notebooks.page(chapter, language)
        files.append(File.generated(config, chapter.notebook_page, content=markdown))
        ipynb = notebooks.notebook(chapter, language, config.site_url or "/")
        files.append(File.generated(config, chapter.download, content=ipynb))
    return files
