"""`pytest --page concepts/llm-tokens` (make check PAGE=...): only the checks of one page.

A test belongs to a page when one of its parameters names the page, in any of the forms the
collectors use: its Markdown files (`docs/zh/concepts/llm-tokens.md`, `concepts/llm-tokens.md`),
its examples (`examples/concepts/llm_tokens/...`), its URL path (`concepts/llm-tokens/`, and its
notebook's below it), or its chapter; or when it is marked `page("concepts/llm-tokens")`: a
test of one page's own program, which no collector parameter names. Tests marked `site_wide`
(the build, the link check) check every page at once, so they run for any page; tests marked
`template_sample` check a template through a sample page (axe in both views, the language
switch), so they belong to no page and run only in the whole suite.

`pytest --without-page practice/realtime` (repeatable) leaves out a page's own checks instead:
`make costs` runs the suite on a copy of the guide reduced to its first pages (guide/scale.py),
where the tests marked for a removed page have nothing to test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.layout import LANGUAGES, example_dir, iter_pages, page_name, page_url, rel


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--page", help="only the checks of this page, e.g. concepts/llm-tokens")
    parser.addoption(
        "--without-page", action="append", default=[], help="leave out this page's own checks"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site_wide: a check of the whole site, run for any page")
    config.addinivalue_line(
        "markers", "template_sample: a check of a template on a sample page, run for no page"
    )
    config.addinivalue_line("markers", "page(name): a check of that page's own program")


def mentions(value: object, page: str) -> bool:
    """Whether a test parameter names `page`: a page file, an example, a URL path or a chapter."""
    source = f"{page}.md"
    url = page_url(source)
    files = {f"docs/{language}/{source}" for language in LANGUAGES}
    examples = rel(example_dir(page)) + "/"
    if isinstance(value, Path):
        value = rel(value)
    if isinstance(value, str):
        return value in {source, url, f"{url}notebook/", *files} or value.startswith(examples)
    return getattr(value, "page", None) == source


def own(item: pytest.Item, page: str) -> bool:
    """Whether `item` checks `page` and no other."""
    marker = item.get_closest_marker("page")
    if marker:
        return marker.args[0] == page
    callspec = getattr(item, "callspec", None)
    return callspec is not None and any(mentions(v, page) for v in callspec.params.values())


def belongs(item: pytest.Item, page: str) -> bool:
    if item.get_closest_marker("template_sample"):
        return False
    return bool(item.get_closest_marker("site_wide")) or own(item, page)


def page_option(page: str) -> str:
    return page.strip("/").removesuffix(".md")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    page = config.getoption("page")
    without = [page_option(p) for p in config.getoption("without_page")]
    if page:
        page = page_option(page)
        known = [page_name(p) for p in iter_pages("zh")]
        if page not in known:
            raise pytest.UsageError(f"no page {page!r}; pages: {', '.join(known)}")
    selected = [
        item
        for item in items
        if (not page or belongs(item, page)) and not any(own(item, p) for p in without)
    ]
    if len(selected) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if item not in selected])
        items[:] = selected
