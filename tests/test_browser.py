"""The built site, both languages, in headless Chromium.

Every page, at phone width in the dark palette: the browser asks no host but the local server,
no script fails, nothing scrolls sideways. These depend on what a page holds.

One page per template (home, chapter, notebook; see `guide.layout.page_templates`) per language,
the smallest: axe-core, with every rule it enables by default (WCAG A and AA, best practices; not
the experimental, deprecated and AAA ones), finds no serious or critical violation (bar
tests/axe-allowlist.toml), zh at desktop width in the light palette and en at phone width in the
dark one, reached through the palette toggle (colours do not depend on the language, nor the
layout on the palette: each template is seen in both languages, both palettes and both widths);
and the language switch lands on the same page and section. These depend on the template, which
every page of a kind shares.

Searching finds each page by its title, and what a reader would type finds its page; a search
finds pages of its own language only.
Screenshots of every page are `make screenshots` (tests/screenshots.py), not part of this.
"""

from __future__ import annotations

import html
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from guide.layout import (
    DOCS,
    LANGUAGES,
    ROOT,
    includes,
    iter_pages,
    language_dir,
    page_templates,
    page_url,
    site_pages,
)
from tests.support.browser import REFUSED, Chromium
from tests.support.pages import DESKTOP, PHONE, VIEWS, View, Watched, language_root
from tests.support.served import serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ALLOW_LIST = ROOT / "tests" / "axe-allowlist.toml"
BLOCKING = {"serious", "critical"}

PAGES = [
    pytest.param(language, path, id=f"{language}:/{path}")
    for language in LANGUAGES
    for path in site_pages(language)
]


# Notebook pages repeat their chapter's headings and stay out of search (guide/notebooks.py).
SEARCHED = [
    pytest.param(language, path, id=f"{language}:/{path}")
    for language in LANGUAGES
    for path, template in page_templates(language).items()
    if template != "notebook"
]


def made_from(language: str, path: str) -> int:
    """Bytes of what the page at URL `path` is made from: its Markdown and the files it includes
    (a notebook page: its chapter's, whose examples and outputs it shows)."""
    chapter = path.removesuffix("notebook/")
    root = DOCS / language
    page = next(
        p for p in iter_pages(language) if page_url(p.relative_to(root).as_posix()) == chapter
    )
    files = {page} | {ROOT / include.path for include in includes(page)}
    return sum(file.stat().st_size for file in files if file.is_file())


def samples(language: str) -> dict[str, str]:
    """The smallest page of each template (axe-core's time grows with the page; what it checks
    of a template is on every page of it): template -> URL path."""
    smallest: dict[str, tuple[int, str]] = {}
    for path, template in page_templates(language).items():
        weight = (made_from(language, path), path)
        smallest[template] = min(smallest.get(template, weight), weight)
    return {template: path for template, (_, path) in smallest.items()}


SAMPLES = [
    pytest.param(language, path, id=f"{language}:{template}:/{path}")
    for language in LANGUAGES
    for template, path in samples(language).items()
]
SAMPLE_VIEWS = [
    pytest.param(language, path, view, id=f"{language}:{template}:/{path}:{view.name}")
    for language, view in zip(LANGUAGES, VIEWS, strict=True)
    for template, path in samples(language).items()
]
# axe-core's default rules take tens of seconds on a long page of a busy machine; the limit
# is there for a hang.
AXE_TIMEOUT = 300


def language_of(site_url: str, url: str) -> str:
    """The language whose root is the longest prefix of `url` (en lives inside zh's root)."""
    roots = {language: language_root(site_url, language) for language in LANGUAGES}
    return max(
        (lang for lang in LANGUAGES if url.startswith(roots[lang])),
        key=lambda lang: len(roots[lang]),
    )


@cache
def allow_list() -> tuple[dict, ...]:
    return tuple(tomllib.loads(ALLOW_LIST.read_text(encoding="utf-8")).get("allow", []))


def allowed(rule: str, target: str) -> bool:
    return any(
        entry["rule"] == rule and re.search(entry["target"], target) for entry in allow_list()
    )


def axe_violations(page: Page) -> list[str]:
    """Serious and critical findings, by axe-core's default rules, not on the allow-list."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"]}
    violations = page.evaluate(
        """async options => (await axe.run(document, options)).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(" "))}))""",
        options,
    )
    return [
        f"{v['impact']} {v['id']} ({v['help']}): {target}"
        for v in violations
        if v["impact"] in BLOCKING
        for target in v["targets"]
        if not allowed(v["id"], target)
    ]


def content_problems(tab: Watched, view: View) -> list[str]:
    """What the page's content breaks, whatever its template: sideways scrolling, requests to
    other hosts, script errors, code annotations left as text. Clears what the tab recorded."""
    found = []
    overflow = tab.overflow()
    if overflow > 0:
        found.append(f"the page scrolls sideways by {overflow} px")
    markers = tab.annotation_markers()
    if markers:
        found.append(
            f"{markers} code blocks show an annotation marker as text "
            "(content.code.annotate in mkdocs.yml, and the numbered list right below the block)"
        )
    found += [f"request to another host: {url}" for url in tab.foreign]
    found += [f"script error: {error}" for error in tab.errors]
    tab.foreign.clear()
    tab.errors.clear()
    return [f"{view.name}: {problem}" for problem in found]


def problems(tab: Watched, view: View) -> list[str]:
    """Everything wrong with the page open in `tab`, seen in `view`."""
    found = [f"{view.name}: axe: {finding}" for finding in axe_violations(tab.page)]
    return found + content_problems(tab, view)


@cache
def phone_tab(browser: Browser) -> Watched:
    """One tab for every page's check, without the site's search index (the search tests
    below load it)."""
    return Watched(browser, PHONE, search=False)


def check_content(browser: Browser, url: str) -> list[str]:
    tab = phone_tab(browser)
    tab.open(url)
    return content_problems(tab, PHONE)


def check_view(browser: Browser, url: str, view: View) -> list[str]:
    """Opened in the desktop view and the light palette, then shown in `view` (through the
    palette toggle, for the dark one)."""
    tab = Watched(browser, DESKTOP)
    try:
        tab.open(url)
        tab.show(view)
        return problems(tab, view)
    finally:
        tab.page.close()


@cache
def desktop_tab(browser: Browser) -> Watched:
    """One desktop tab for every language switch of this process."""
    return Watched(browser, DESKTOP)


def check_language_switch(browser: Browser, site_url: str, language: str, path: str) -> list[str]:
    """From a section of the page, the selector must land on the same section in the other
    language."""
    page = desktop_tab(browser).open(language_root(site_url, language) + path)
    section = page.evaluate("document.querySelector('.md-content h2[id]')?.id ?? ''")
    page.evaluate("section => { location.hash = section }", section)  # as if scrolled there
    other = next(lang for lang in LANGUAGES if lang != language)
    page.locator(".md-header__option .md-select").first.hover()
    with page.expect_navigation(wait_until="commit"):
        page.click(f".md-select a[hreflang={other}]")
    expected = language_root(site_url, other) + path + (f"#{section}" if section else "")
    return [] if page.url == expected else [f"it went to {page.url}, not {expected}"]


@pytest.mark.parametrize(("language", "path"), PAGES)
def test_page(chromium: Chromium, site_url: str, language: str, path: str) -> None:
    url = language_root(site_url, language) + path
    found = chromium.run(lambda browser: check_content(browser, url))
    assert not found, f"{url}:\n" + "\n".join(found)


@pytest.mark.template_sample
@pytest.mark.timeout(AXE_TIMEOUT)
@pytest.mark.parametrize(("language", "path", "view"), SAMPLE_VIEWS)
def test_template(chromium: Chromium, site_url: str, language: str, path: str, view: View) -> None:
    url = language_root(site_url, language) + path
    found = chromium.run(lambda browser: check_view(browser, url, view))
    assert not found, f"{url}:\n" + "\n".join(found)


@pytest.mark.template_sample
@pytest.mark.parametrize(("language", "path"), SAMPLES)
def test_language_switch_keeps_page_and_section(
    chromium: Chromium, site_url: str, language: str, path: str
) -> None:
    found = chromium.run(lambda browser: check_language_switch(browser, site_url, language, path))
    assert not found, f"{language_root(site_url, language) + path}: " + "\n".join(found)


def test_the_checks_catch_a_bad_page(chromium: Chromium, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>bad</title>'
        '<img src="https://cdn.example.org/x.png" alt="">'  # another host
        '<a href="#"></a>'  # axe: link-name, serious
        '<pre style="width: 2000px">wide</pre>'  # sideways scrolling
        "<pre><code>print()  # (1)!</code></pre>"  # an annotation nothing rendered
        "<script>undefined_function()</script>",  # a script error
        encoding="utf-8",
    )

    def check(browser: Browser) -> tuple[str, str, list[str]]:
        tab = Watched(browser, DESKTOP)
        failed = []
        tab.page.on("requestfailed", lambda request: failed.append(request.failure))
        tab.open(url)
        full = "\n".join(problems(tab, DESKTOP))
        tab.open(url)
        cheap = "\n".join(content_problems(tab, DESKTOP))
        tab.page.close()
        return full, cheap, failed

    with serve(tmp_path) as url:
        full, cheap, failed = chromium.run(check)
    assert failed == [REFUSED, REFUSED], f"the request to another host was not refused: {failed}"
    assert "serious link-name" in full, f"axe's finding not reported:\n{full}"
    for expected in (
        "scrolls sideways",
        "request to another host: https://cdn.example.org/x.png",
        "script error: undefined_function is not defined",
        "1 code blocks show an annotation marker as text",
    ):
        assert expected in full, f"{expected!r} not reported by the template check:\n{full}"
        assert expected in cheap, f"{expected!r} not reported by the page check:\n{cheap}"


H1_RE = re.compile(r"<h1[^>]*>(?P<title>.*?)</h1>", re.DOTALL)


def page_title(built_page: Path) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    title = H1_RE.search(built_page.read_text(encoding="utf-8"))["title"]
    return html.unescape(re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", title)).strip()


def search(page: Page, query: str) -> list[str]:
    """Type into the search box as a reader would; the result pages, best first.

    Material reads the box on keyup, not on input, so each query ends with a key press; the
    box is cleared first so that the results waited for are this query's. The first search of
    a page waits for Material to index the site, which a busy machine makes slow: the wait
    keeps Playwright's default limit.
    """
    for text, state in (("", "detached"), (query, "attached")):
        page.fill(".md-search__input", text)
        page.press(".md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", state=state)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href.split(/[?#]/)[0])"
    )


# A query a reader would type, and the page it must find.
QUERIES = {"zh": ("聚合", "concepts/llm-tokens/"), "en": ("tokens", "concepts/llm-tokens/")}


@cache
def search_tab(browser: Browser, root: str) -> Page:
    """A language's 404 page, kept open for every search of that language in this process: the
    lightest page with the search box (the home page renders diagrams first)."""
    return Watched(browser, DESKTOP).open(root + "404.html")


def search_problems(chromium: Chromium, site_url: str, language: str, query: str, path: str):
    """What is wrong with the results of `query`: it must find `path`, and pages of `language`
    only."""
    root = language_root(site_url, language)
    found = chromium.run(lambda browser: search(search_tab(browser, root), query))
    problems = [] if root + path in found else [f"{query!r} does not find {root + path}: {found}"]
    return problems + [
        f"{query!r} finds a page of another language: {page}"
        for page in found
        if language_of(site_url, page) != language
    ]


@pytest.mark.parametrize(("language", "path"), SEARCHED)
def test_search_finds_the_page_by_its_title(
    chromium: Chromium, built_site: Path, site_url: str, language: str, path: str
) -> None:
    title = page_title(built_site / language_dir(language) / path / "index.html")
    problems = search_problems(chromium, site_url, language, title, path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_what_a_reader_would_type(
    chromium: Chromium, site_url: str, language: str
) -> None:
    problems = search_problems(chromium, site_url, language, *QUERIES[language])
    assert not problems, "\n".join(problems)
