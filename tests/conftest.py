from __future__ import annotations

import os

import pytest

from fake_openai import network_guard

pytest_plugins = ["fake_openai.pytest_plugin", "tests.support.served", "tests.support.browser"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the recorded outputs of examples instead of checking them",
    )
    parser.addoption("--example", help="run only this example (a path under examples/)")
    parser.addoption(
        "--page", help="run only the examples of this page, as in `make stamp PAGE=...`"
    )


def pytest_configure(config: pytest.Config) -> None:
    network_guard.install()
    # Examples build real LangChain objects; keep tracing off so nothing tries to phone home.
    os.environ["LANGSMITH_TRACING"] = "false"
    os.environ["LANGCHAIN_TRACING_V2"] = "false"


SITE_FIXTURES = {"served_site", "built_site", "site_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Each xdist worker would build the site for itself (three builds at once time out on a
    # 2-core machine); until the build is shared, one worker runs every check of the site.
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("site"))
