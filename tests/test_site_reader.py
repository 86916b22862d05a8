"""What a reader gets around the code on the built site (guide/hooks/programs.py): under every
block that shows part of an example, the whole program, collapsed, with exactly the shown lines
highlighted, and a link to those lines in the repository; under a block that shows all of it,
the link alone. Each page links to its source for editing; chapter pages stay light."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest

from guide.costs import PAGE_TARGET_BYTES, weigh_page
from guide.hooks.programs import shown_example
from guide.layout import (
    ANNOTATION_MARK_RE,
    DOCS,
    LANGUAGES,
    ROOT,
    iter_pages,
    language_dir,
    page_templates,
    page_url,
    program,
    read_page,
    sections,
)

PAGES = [
    (language, page.relative_to(DOCS / language).as_posix())
    for language in LANGUAGES
    for page in iter_pages(language)
]
CHAPTERS = [
    (language, url)
    for language in LANGUAGES
    for url, template in page_templates(language).items()
    if template != "notebook"
]
NOTEBOOK_PAGES = [
    (language, url)
    for language in LANGUAGES
    for url, template in page_templates(language).items()
    if template == "notebook"
]

OFFER_RE = re.compile(
    r'<details class="program" data-search-exclude="">(?P<details>.*?)</details>'
    r'|<p class="program-link" data-search-exclude=""><a href="(?P<link>[^"]+)">',
    re.DOTALL,
)
DETAILS_LINK_RE = re.compile(r'<a href="(?P<href>[^"]+)">')
CODE_RE = re.compile(r"<code>(?P<code>.*?)</code>", re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
EDIT_RE = re.compile(r'<a href="(?P<href>[^"]+)" title="[^"]*" class="md-content__button md-icon"')
EDIT_URL_RE = re.compile(r"^(?P<repo>https?://.+)/edit/(?P<branch>[^/]+)/(?P<path>.+)$")
SOURCE_RE = re.compile(r'<a href="(?P<href>[^"]+)" title="[^"]*" class="md-source"(?P<rest>[^>]*)>')


def built_page(site: Path, language: str, url: str) -> Path:
    return site / language_dir(language) / url / "index.html"


def code_lines(details: str) -> list[tuple[str, bool]]:
    """(text, highlighted) of each line of the code block in a whole-program block."""
    code = CODE_RE.search(details)["code"]
    lines = []
    # Pygments wraps each highlighted line, its newline included, in <span class="hll">.
    for piece in code.split("\n")[:-1]:
        lines.append((html.unescape(TAG_RE.sub("", piece)), '<span class="hll">' in piece))
    return lines


def edit_link(text: str) -> re.Match:
    found = [EDIT_RE.search(text)]
    assert found[0], "the page has no edit link"
    parts = EDIT_URL_RE.match(html.unescape(found[0]["href"]))
    assert parts, f"edit link {found[0]['href']!r} is not <repository>/edit/<branch>/<path>"
    return parts


@pytest.mark.parametrize(("language", "source"), PAGES)
def test_every_code_block_offers_its_whole_program(
    built_site: Path, language: str, source: str
) -> None:
    page = DOCS / language / source
    shown = [found for fence in read_page(page).fences if (found := shown_example(fence))]
    text = built_page(built_site, language, page_url(source)).read_text(encoding="utf-8")
    offers = list(OFFER_RE.finditer(text))
    assert len(offers) == len(shown), (
        f"{len(shown)} code blocks show an example, but {len(offers)} offer it whole or link to it"
    )
    edit = edit_link(text)
    blob = f"{edit['repo']}/blob/{edit['branch']}/"
    for (path, section), offer in zip(shown, offers, strict=True):
        whole = program(ROOT / path)
        where = f"the block showing {path}{':' + section if section else ''}"
        if whole.shows_all(section):
            assert offer["link"] == blob + path, f"{where} links to {offer['link']!r}"
            continue
        assert offer["details"], f"{where} shows part of the program but does not offer it whole"
        lines = code_lines(offer["details"])
        assert "\n".join(line for line, _ in lines) == whole.text, f"{where}: not the whole file"
        highlighted = [line for line, lit in lines if lit]
        expected = "\n".join(
            ANNOTATION_MARK_RE.sub("", line) for line in sections(ROOT / path)[section].splitlines()
        )
        assert textwrap.dedent("\n".join(highlighted)) == expected, (
            f"{where}: the highlighted lines are not the section the block shows"
        )
        first, last = whole.file_spans[section]
        href = html.unescape(DETAILS_LINK_RE.search(offer["details"])["href"])
        assert href == f"{blob}{path}#L{first}-L{last}", f"{where} links to {href!r}"


@pytest.mark.parametrize(("language", "source"), PAGES)
def test_every_page_links_to_its_source_for_editing(
    built_site: Path, language: str, source: str
) -> None:
    text = built_page(built_site, language, page_url(source)).read_text(encoding="utf-8")
    edit = edit_link(text)
    assert edit["path"] == f"docs/{language}/{source}"
    header = SOURCE_RE.search(text)
    assert header and header["href"] == edit["repo"], "the header does not link to the repository"
    # Material fetches stars and forks from the host for a `data-md-component="source"` link.
    assert "data-md-component" not in header["rest"], "the repository link would call its host"


@pytest.mark.parametrize(("language", "url"), NOTEBOOK_PAGES)
def test_notebook_pages_add_nothing_and_have_no_edit_link(
    built_site: Path, language: str, url: str
) -> None:
    """Generated from whole files: nothing to offer, and no file of docs/ to edit."""
    text = built_page(built_site, language, url).read_text(encoding="utf-8")
    assert not OFFER_RE.search(text)
    assert not EDIT_RE.search(text)


@pytest.mark.parametrize(("language", "url"), CHAPTERS)
def test_page_stays_light(built_site: Path, language: str, url: str) -> None:
    """HTML, CSS and JavaScript, compressed, as `make costs` (guide/costs.py) weighs them."""
    weight = weigh_page(built_site, built_page(built_site, language, url)).total.compressed
    assert weight < PAGE_TARGET_BYTES, (
        f"/{language_dir(language)}{url} weighs {weight} bytes compressed; the target is "
        f"{PAGE_TARGET_BYTES} (`make costs` lists what each page loads)"
    )
