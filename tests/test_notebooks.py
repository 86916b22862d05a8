"""Each chapter's notebook (guide/notebooks.py): in both languages, current, and on the site."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import nbformat
import pytest

from fake_openai import FakeOpenAI
from guide.layout import LANGUAGES, iter_examples, language_dir, rel
from guide.notebooks import (
    NOTEBOOK,
    Chapter,
    NotebookError,
    chapters,
    code,
    differences,
    execute,
    notebook,
    recorded,
)

CHAPTERS = chapters()
LINK_RE = re.compile(r'<a href="(?P<href>[^"]+)"(?P<download> download)?')
ABSOLUTE_URL_RE = re.compile(r"https?://[^\s\"'<>)]+")


def chapter_id(chapter: Chapter) -> str:
    return chapter.page


def test_every_example_directory_is_a_chapter() -> None:
    assert {example.parent for example in iter_examples()} == {
        chapter.examples[0].parent for chapter in CHAPTERS
    }


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_languages_share_code_and_outputs(chapter: Chapter) -> None:
    site = "http://127.0.0.1/"
    zh, en = (json.loads(notebook(chapter, language, site)) for language in LANGUAGES)
    assert [c for c in zh["cells"] if c["cell_type"] == "code"] == [
        c for c in en["cells"] if c["cell_type"] == "code"
    ]


ASYNC_EXAMPLE = '''\
"""Ask the fake model once, from an async main."""

import asyncio
import json
import os
import urllib.request


# --8<-- [start:main]
async def main() -> None:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "你好"}]}
    request = urllib.request.Request(
        os.environ["OPENAI_BASE_URL"] + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]},
    )
    with urllib.request.urlopen(request) as response:
        print(json.load(response)["choices"][0]["message"]["content"])  # (1)!


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
'''


def test_an_example_becomes_a_cell(tmp_path: Path) -> None:
    example = tmp_path / "ask.py"
    example.write_text(ASYNC_EXAMPLE, encoding="utf-8")
    cell = code(example)
    assert "# --8<--" not in cell and "# (1)!" not in cell and "asyncio.run" not in cell
    assert cell.endswith('["message"]["content"])\n\n\nawait main()')


def test_asyncio_run_anywhere_else_fails_naming_the_example(tmp_path: Path) -> None:
    example = tmp_path / "nested.py"
    example.write_text(ASYNC_EXAMPLE.replace("if __name__", "if True or __name__"), "utf-8")
    with pytest.raises(NotebookError, match=r"nested\.py: `asyncio\.run\(` left"):
        code(example)


def test_cells_run_in_jupyter_against_the_fake_model(tmp_path: Path) -> None:
    replies = tmp_path / "replies.toml"
    replies.write_text('[[reply]]\nprompt = "你好"\ntext = "你好！"\n', encoding="utf-8")
    ask, fail = tmp_path / "ask.py", tmp_path / "fail.py"
    ask.write_text(ASYNC_EXAMPLE, encoding="utf-8")
    fail.write_text('raise RuntimeError("boom")\n', encoding="utf-8")
    with FakeOpenAI() as server:
        assert execute([ask], replies, server) == ["你好！\n"]
        with pytest.raises(NotebookError, match=r"fail\.py failed in the notebook(?s:.*)boom"):
            execute([ask, fail], replies, server)


@pytest.mark.page("concepts/custom-data")
def test_a_chapter_prints_its_recorded_outputs_in_jupyter() -> None:
    """Notebooks are written from the recorded outputs; here one whole chapter is run in a real
    kernel to show the cells print exactly those: Custom Data, the quickest to run (sync and
    async examples, streamed and not, errors caught and shown). `make notebooks` does this for
    every chapter."""
    chapter = next(chapter for chapter in CHAPTERS if chapter.page == "concepts/custom-data.md")
    with FakeOpenAI() as server:
        printed = execute(chapter.examples, chapter.replies, server)
    assert not differences(chapter, printed), differences(chapter, printed)


def language_root(site: Path, language: str) -> Path:
    return site / language_dir(language)


def links(page: Path, url: str) -> dict[str, bool]:
    """Where a built page links to, resolved against its URL: whether the link downloads."""
    html = page.read_text(encoding="utf-8")
    return {urljoin(url, m["href"]): bool(m["download"]) for m in LINK_RE.finditer(html)}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_the_site_shows_the_notebook_and_offers_it(
    built_site: Path, chapter: Chapter, language: str
) -> None:
    root = language_root(built_site, language)
    page_url, notebook_url = f"/{chapter.url}", f"/{chapter.url}notebook/"
    notebook_page = root / chapter.url / "notebook" / "index.html"
    download = root / chapter.url / "notebook" / NOTEBOOK
    assert notebook_page.is_file(), f"the notebook of {chapter.page} was not rendered"
    assert download.is_file(), f"the notebook of {chapter.page} is not offered for download"

    from_page = links(root / chapter.url / "index.html", page_url)
    assert notebook_url in from_page, f"/{chapter.url} does not link to its notebook"
    assert from_page.get(notebook_url + NOTEBOOK), f"/{chapter.url} offers no .ipynb download"
    downloads = {
        url for url, is_download in links(notebook_page, notebook_url).items() if is_download
    }
    assert notebook_url + NOTEBOOK in downloads, "the notebook page has no download button"


MARKDOWN_LINK_RE = re.compile(r"\]\((?P<url>[^)\s]+)\)")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_the_download_links_to_the_site_it_comes_from(
    built_site: Path, site_url: str, chapter: Chapter, language: str
) -> None:
    """The .ipynb a reader downloads holds every example of the chapter with its recorded output,
    and its links lead to sections of the site it came from (the tests build it for their
    loopback address)."""
    served = site_url + language_dir(language)
    download = language_root(built_site, language) / chapter.url / "notebook" / NOTEBOOK
    downloaded = nbformat.reads(download.read_text(encoding="utf-8"), as_version=4)
    code_cells = [
        (cell.source, "".join(output.text for output in cell.outputs))
        for cell in downloaded.cells
        if cell.cell_type == "code"
    ]
    assert code_cells == [(code(example), recorded(example)) for example in chapter.examples]
    urls = [
        match["url"]
        for cell in downloaded.cells
        if cell.cell_type == "markdown"
        for match in MARKDOWN_LINK_RE.finditer(cell.source)
    ]
    assert urls, f"{rel(download)} links nowhere"
    for url in urls:
        assert url.startswith(served), f"the download of /{chapter.url}notebook/ links to {url}"
        path, _, anchor = url.removeprefix(served).partition("#")
        target = language_root(built_site, language) / path / "index.html"
        assert target.is_file(), f"{url} is no page of the site"
        assert not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8"), url


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_chapters_not_their_notebooks(built_site: Path, language: str) -> None:
    """A notebook page repeats its chapter's headings and code; a search shows the chapter once."""
    index = language_root(built_site, language) / "search" / "search_index.json"
    locations = {doc["location"] for doc in json.loads(index.read_bytes())["docs"]}
    for chapter in CHAPTERS:
        assert chapter.url in locations, f"/{chapter.url} is not indexed"
        assert not {loc for loc in locations if loc.startswith(f"{chapter.url}notebook/")}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_the_notebook_is_a_valid_ipynb(chapter: Chapter) -> None:
    for language in LANGUAGES:
        nbformat.validate(nbformat.reads(notebook(chapter, language, "http://x/"), as_version=4))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_a_notebook_page_names_no_host_its_chapter_does_not(
    built_site: Path, chapter: Chapter, language: str
) -> None:
    """The notebook page loads nothing from elsewhere that its chapter does not."""
    root = language_root(built_site, language) / chapter.url

    def hosts(page: Path) -> set[str]:
        found = ABSOLUTE_URL_RE.findall(page.read_text(encoding="utf-8"))
        return {urlsplit(url).hostname for url in found}

    extra = hosts(root / "notebook" / "index.html") - hosts(root / "index.html")
    assert not extra, f"the notebook page of /{chapter.url} refers to {sorted(extra)}"
