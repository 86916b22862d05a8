"""Every built page, both languages, in headless Chromium.

Per page: axe-core finds no serious or critical violation (bar tests/axe-allowlist.toml), the
browser asks no host but the local server, no script fails, nothing scrolls sideways on a phone,
the language switch lands on the same page and section, and screenshots are saved for people to
look at (CI uploads them). Per language: searching finds pages of that language only.

Every check runs as a job for `tests.browser.Browsers`, in a worker thread. The pages' checks
all start at once, so a test's duration includes waiting for the pages checked before it.
"""

from __future__ import annotations

import html
import os
import re
import tomllib
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route

from guide.layout import LANGUAGES, ROOT, language_dir, site_pages
from tests.support.browser import Browsers
from tests.support.served import serve

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ALLOW_LIST = ROOT / "tests" / "axe-allowlist.toml"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))
BLOCKING = {"serious", "critical"}


@dataclass(frozen=True)
class View:
    name: str
    width: int
    height: int
    scheme: str  # Material's palette: "default" (light) or "slate" (dark)


# Colours don't depend on the width, nor layout on the palette: two views cover both.
VIEWS = (View("desktop", 1280, 900, "default"), View("phone", 390, 844, "slate"))

PAGES = [
    pytest.param(language, path, id=f"{language}:/{path}")
    for language in LANGUAGES
    for path in site_pages(language)
]


def language_root(site_url: str, language: str) -> str:
    return site_url + language_dir(language)


def language_of(site_url: str, url: str) -> str:
    """The language whose root is the longest prefix of `url` (en lives inside zh's root)."""
    roots = {language: language_root(site_url, language) for language in LANGUAGES}
    return max(
        (lang for lang in LANGUAGES if url.startswith(roots[lang])),
        key=lambda lang: len(roots[lang]),
    )


def allowed(rule: str, target: str) -> bool:
    entries = tomllib.loads(ALLOW_LIST.read_text(encoding="utf-8")).get("allow", [])
    return any(entry["rule"] == rule and re.search(entry["target"], target) for entry in entries)


# The second view shows the same markup, so it needs only the rules whose outcome depends on
# how the page is drawn: colours, and what overflows or shrinks at its width.
RENDERING_RULES = [
    "color-contrast",
    "link-in-text-block",
    "scrollable-region-focusable",
    "target-size",
]


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """Serious and critical findings not on the allow-list: all rules, or only `rules`."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
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


# Anything but the local server; such requests are recorded and never leave the machine.
FOREIGN = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")


class Watched:
    """A browser tab that records every request to another host, and every script error."""

    def __init__(self, browser: Browser, view: View) -> None:
        self.page = browser.new_page(
            viewport={"width": view.width, "height": view.height},
            color_scheme="dark" if view.scheme == "slate" else "light",
        )
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.page.route(FOREIGN, self._refuse)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _refuse(self, route: Route) -> None:
        self.foreign.append(route.request.url)
        route.abort("blockedbyclient")

    def _console(self, message: ConsoleMessage) -> None:
        # A refused foreign request also logs a console error; it is reported once, as a request.
        if message.type == "error" and "ERR_BLOCKED_BY_CLIENT" not in message.text:
            self.errors.append(message.text)

    def show(self, view: View) -> None:
        """Resize, and switch the palette with its toggle as a reader would: cheaper than a
        second load, and Material does not follow a change of prefers-color-scheme live."""
        self.page.set_viewport_size({"width": view.width, "height": view.height})
        scheme = "document.body.dataset.mdColorScheme"
        if self.page.evaluate(scheme) != view.scheme:
            self.page.click("[data-md-component=palette] label:not([hidden])")
            self.page.wait_for_function(f"{scheme} === {view.scheme!r}")

    def open(self, url: str) -> Page:
        self.page.goto(url, wait_until="load")
        # Material swaps each <pre class="mermaid"> for the rendered diagram.
        self.page.wait_for_function("!document.querySelector('pre.mermaid')")
        return self.page


def problems(tab: Watched, view: View) -> list[str]:
    """What is wrong with the page open in `tab`, seen in `view` (the first view in VIEWS gets
    every axe rule, the others the rendering ones)."""
    rules = None if view == VIEWS[0] else RENDERING_RULES
    found = [f"axe: {finding}" for finding in axe_violations(tab.page, rules)]
    overflow = tab.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        found.append(f"the page scrolls sideways by {overflow} px")
    found += [f"request to another host: {url}" for url in tab.foreign]
    found += [f"script error: {error}" for error in tab.errors]
    return [f"{view.name}: {problem}" for problem in found]


def check_page(browser: Browser, site_url: str, language: str, path: str) -> list[str]:
    """Everything wrong with one page, in every view; its screenshots saved on the way."""
    url = language_root(site_url, language) + path
    shot = SCREENSHOTS / language / f"{path.strip('/').replace('/', '-') or 'index'}"
    tab = Watched(browser, VIEWS[0])
    page = tab.open(url)
    found = []
    for view in VIEWS:
        tab.show(view)
        # JPEG: a long page's PNG takes three times as long to encode, at twice the size.
        page.screenshot(path=f"{shot}-{view.name}.jpeg", full_page=True, type="jpeg", quality=60)
        found += problems(tab, view)
        tab.foreign.clear()
        tab.errors.clear()
    found += check_language_switch(page, site_url, language, path)
    page.close()
    return found


@pytest.fixture(scope="module")
def page_checks(
    request: pytest.FixtureRequest, browsers: Browsers, built_site: Path, site_url: str
) -> dict[tuple[str, str], Future[list[str]]]:
    """The check of every page this session tests, handed to the browsers at once, longest
    page first: the workers stay busy while the tests take the reports in their own order."""
    wanted = [
        (item.callspec.params["language"], item.callspec.params["path"])
        for item in request.session.items
        if getattr(item, "function", None) is test_page
    ]
    size = {
        page: (built_site / language_dir(page[0]) / page[1] / "index.html").stat().st_size
        for page in wanted
    }
    return {
        (language, path): browsers.submit(
            partial(check_page, site_url=site_url, language=language, path=path)
        )
        for language, path in sorted(wanted, key=size.get, reverse=True)
    }


@pytest.mark.parametrize(("language", "path"), PAGES)
def test_page(
    page_checks: dict[tuple[str, str], Future[list[str]]], site_url: str, language: str, path: str
) -> None:
    found = page_checks[language, path].result()
    assert not found, f"{language_root(site_url, language) + path}:\n" + "\n".join(found)


def test_the_checks_catch_a_bad_page(browsers: Browsers, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>bad</title>'
        '<img src="https://cdn.example.org/x.png" alt="">'  # another host
        '<a href="#"></a>'  # axe: link-name, serious
        '<pre style="width: 2000px">wide</pre>'  # sideways scrolling
        "<script>undefined_function()</script>",  # a script error
        encoding="utf-8",
    )

    def check(browser: Browser) -> str:
        tab = Watched(browser, VIEWS[0])
        tab.open(url)
        report = "\n".join(problems(tab, VIEWS[0]))
        tab.page.close()
        return report

    with serve(tmp_path) as url:
        report = browsers.run(check)
    for expected in (
        "serious link-name",
        "scrolls sideways",
        "request to another host: https://cdn.example.org/x.png",
        "script error: undefined_function is not defined",
    ):
        assert expected in report, f"{expected!r} not reported:\n{report}"


def check_language_switch(page: Page, site_url: str, language: str, path: str) -> list[str]:
    """From a section of the page, the selector must land on the same section in the other
    language."""
    section = page.evaluate("document.querySelector('.md-content h2[id]')?.id ?? ''")
    page.evaluate("section => { location.hash = section }", section)  # as if the reader scrolled
    other = next(lang for lang in LANGUAGES if lang != language)
    page.locator(".md-header__option .md-select").first.hover()
    with page.expect_navigation(wait_until="commit"):
        page.click(f".md-select a[hreflang={other}]")
    expected = language_root(site_url, other) + path + (f"#{section}" if section else "")
    return [] if page.url == expected else [f"language switch went to {page.url}, not {expected}"]


H1_RE = re.compile(r"<h1[^>]*>(?P<title>.*?)</h1>", re.DOTALL)


def page_title(built_page: Path) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    title = H1_RE.search(built_page.read_text(encoding="utf-8"))["title"]
    return html.unescape(re.sub(r'<a class="headerlink".*?</a>|<[^>]+>', "", title)).strip()


def search(page: Page, query: str) -> list[str]:
    """Type into the search box as a reader would; the result pages, best first.

    Material reads the box on keyup, not on input, so each query ends with a key press; the
    box is cleared first so that the results waited for are this query's.
    """
    for text, state in (("", "detached"), (query, "attached")):
        page.fill(".md-search__input", text)
        page.press(".md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", state=state, timeout=5000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href.split(/[?#]/)[0])"
    )


# A query a reader would type, and the page it must find.
QUERIES = {"zh": ("令牌", "concepts/llm-tokens/"), "en": ("tokens", "concepts/llm-tokens/")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_search(browsers: Browsers, built_site: Path, site_url: str, language: str) -> None:
    """Each page is found by its title, the test query finds its page, and every result is a
    page of the language searched."""
    root = language_root(site_url, language)
    built_root = built_site / root.removeprefix(site_url)
    queries = {page_title(built_root / path / "index.html"): path for path in site_pages(language)}

    def results(browser: Browser) -> list[tuple[str, str, list[str]]]:
        page = Watched(browser, VIEWS[0]).open(root)
        found = [
            (text, path, search(page, text)) for text, path in [*queries.items(), QUERIES[language]]
        ]
        page.close()
        return found

    problems = []
    for text, path, pages in browsers.run(results):
        if root + path not in pages:
            problems.append(f"{text!r} does not find {root + path}: {pages}")
        problems += [
            f"{text!r} finds a page of another language: {found}"
            for found in pages
            if language_of(site_url, found) != language
        ]
    assert not problems, "\n".join(problems)
