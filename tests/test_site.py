"""The built site, both languages: strict build, code provenance, and links with anchors."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from guide import notebooks
from guide.layout import iter_examples, iter_pages, program, rel, sections
from tests.support.links import broken_links

PYTHON_BLOCK_RE = re.compile(
    r'<div class="language-python highlight">.*?<code>(?P<code>.*?)</code>', re.DOTALL
)
TAG_RE = re.compile(r"<[^>]+>")


def python_blocks(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [
        html.unescape(TAG_RE.sub("", match["code"])).strip("\n")
        for match in PYTHON_BLOCK_RE.finditer(text)
    ]


@pytest.mark.site_wide
def test_both_languages_are_built(built_site: Path) -> None:
    for language_root in (built_site, built_site / "en"):
        assert (language_root / "index.html").is_file()
        assert (language_root / "search" / "search_index.json").is_file()


def page_titles(language: str) -> set[str]:
    """The first `# ` line of each Markdown page (notebook pages are not searched)."""
    sources = [page.read_text(encoding="utf-8") for page in iter_pages(language)]
    return {
        next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))
        for text in sources
    }


def test_search_is_per_language_and_segments_chinese(built_site: Path) -> None:
    zh = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads(
        (built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    assert zh["config"]["lang"] == ["zh"] and en["config"]["lang"] == ["en"]
    zh_titles = {
        doc["title"].replace("\u200b", "") for doc in zh["docs"] if "#" not in doc["location"]
    }
    en_titles = {doc["title"] for doc in en["docs"] if "#" not in doc["location"]}
    assert zh_titles == page_titles("zh"), "the zh index must hold the zh pages, and only them"
    assert en_titles == page_titles("en"), "the en index must hold the en pages, and only them"
    # jieba cuts Chinese into words separated by U+200B, so "聚合" is a term of its own.
    assert any("\u200b聚合\u200b" in doc["text"] for doc in zh["docs"])


SWITCH_RE = re.compile(r'<a href="(?P<href>[^"]+)" hreflang="(?P<lang>[a-z]+)"')


def test_language_switch_links_to_the_same_page(built_site: Path) -> None:
    """Both languages have the same paths, so the selector links page to page, not home."""
    for page in sorted(built_site.rglob("index.html")):
        parts = page.parent.relative_to(built_site).parts
        url = "/" + "".join(f"{part}/" for part in parts)
        path = "".join(f"{part}/" for part in parts[1 if parts[:1] == ("en",) else 0 :])
        links = {m["lang"]: urljoin(url, m["href"]) for m in SWITCH_RE.finditer(page.read_text())}
        assert links == {"zh": f"/{path}", "en": f"/en/{path}"}, f"{url}: language links {links}"


@pytest.mark.site_wide
def test_every_python_block_is_an_executed_example_section(built_site: Path) -> None:
    executed = {
        text: f"{rel(example)}:{name}"
        for example in iter_examples()
        for name, text in sections(example).items()
    } | {notebooks.code(example): rel(example) for example in iter_examples()}
    executed |= {  # examples without sections are shown whole (the practice pages)
        example.read_text(encoding="utf-8").strip("\n"): rel(example)
        for example in iter_examples()
        if not sections(example)
    }
    # The whole program under a block that shows part of it (guide/hooks/programs.py).
    executed |= {program(example).text: rel(example) for example in iter_examples()}
    shown = 0
    for page in sorted(built_site.rglob("*.html")):
        for block in python_blocks(page):
            shown += 1
            assert block in executed, (
                f"{page.relative_to(built_site)} shows Python that is no executed example "
                f"section:\n{block[:300]}"
            )
    assert shown, "the built site shows no Python at all; is the snippet include broken?"


@pytest.mark.site_wide
def test_no_broken_links_or_anchors(built_site: Path, site_url: str) -> None:
    broken = broken_links(built_site, site_url)
    assert not broken, "broken links or anchors in the built site:\n" + "\n".join(broken)


def test_the_link_checker_catches_a_missing_page_anchor_and_asset(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="assets/site.css">'
        '<a href="page/#here">fine</a><a href="https://example.org/gone/">not followed</a>'
        "<a href='page/?a=1&amp;b=2#here'>fine</a><!-- <a href=\"gone/#in-a-comment\"> -->"
        '<script src="assets/site.js">document.write(\'<a href="gone/#in-a-script">\')</script>'
        '<a href="page/#missing">anchor</a><a href="gone/">page</a><img src="assets/gone.png">',
        encoding="utf-8",
    )
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text('<h2 id="here">here</h2>', encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("", encoding="utf-8")
    (tmp_path / "assets" / "site.js").write_text("", encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: href='page/#missing' leads to page/index.html, which has no id 'missing'",
        "index.html: href='gone/' leads to gone/index.html, which the site does not have",
        "index.html: src='assets/gone.png' leads to assets/gone.png, which the site does not have",
    ]
