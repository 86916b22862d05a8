"""MkDocs hook: each chapter's notebook (guide/notebooks.py), made by the build.

For every chapter it adds two generated files: the notebook as a page (`<page>/notebook.md`,
URL `<page>/notebook/`) and the .ipynb that page offers for download, whose links point at the
site being built (its site_url: the dev server, the test server, or SITE_URL on Pages).

Search indexes a notebook page's prose and headings, not its code and outputs: those are whole
examples the chapter already shows. Material's search matches an excluded element's end by tag
name alone, so the attribute goes on the innermost element, <pre>.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide import notebooks

CODE_BLOCK = "<pre>"
UNSEARCHED_CODE_BLOCK = "<pre data-search-exclude>"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = config.theme["language"]
    for chapter in notebooks.chapters():
        markdown = notebooks.page(chapter, language)
        files.append(File.generated(config, chapter.notebook_page, content=markdown))
        ipynb = notebooks.notebook(chapter, language, config.site_url or "/")
        files.append(File.generated(config, chapter.download, content=ipynb))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if notebooks.DOWNLOAD_KEY not in page.meta:
        return html
    return html.replace(CODE_BLOCK, UNSEARCHED_CODE_BLOCK)
