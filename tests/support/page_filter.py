"""`pytest --page concepts/llm-tokens` (make check PAGE=...): only the checks of one page.

A test belongs to a page when one of its parameters names the page, in any of the forms the
collectors use: its Markdown files (`docs/zh/concepts/llm-tokens.md`, `concepts/llm-tokens.md`),
its examples (`examples/concepts/llm_tokens/...`), its URL path (`concepts/llm-tokens/`, and its
notebook's below it), or its chapter. Tests marked `site_wide` (the build, the link check)
check every page at once, so they run for any page; tests marked `template_sample` check a
template through a sample page (axe in both views, the language switch), so they belong to no
page and run only in the whole suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.layout import LANGUAGES, example_dir, iter_pages, page_name, page_url, rel


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--page", help="only the checks of this page, e.g. concepts/llm-tokens")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site_wide: a check of the whole site, run for any page")
    config.addinivalue_line(
        "markers", "template_sample: a check of a template on a sample page, run for no page"
    )


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


def belongs(item: pytest.Item, page: str) -> bool:
    if item.get_closest_marker("template_sample"):
        return False
    if item.get_closest_marker("site_wide"):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and any(mentions(v, page) for v in callspec.params.values())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    page = config.getoption("page")
    if not page:
        return
    page = page.strip("/").removesuffix(".md")
    known = [page_name(p) for p in iter_pages("zh")]
    if page not in known:
        raise pytest.UsageError(f"no page {page!r}; pages: {', '.join(known)}")
    selected = [item for item in items if belongs(item, page)]
    deselected = [item for item in items if item not in selected]
    config.hook.pytest_deselected(items=deselected)
    items[:] = selected
