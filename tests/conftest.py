from __future__ import annotations

import os

import pytest

from fake_openai import network_guard
from fake_openai.server import TRACING_OFF, apply_env

pytest_plugins = [
    "fake_openai.pytest_plugin",
    "tests.support.served",
    "tests.support.example_runs",
    "tests.support.browser",
    "tests.support.page_filter",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the recorded outputs of examples instead of checking them",
    )
    parser.addoption("--example", help="run only this example (a path under examples/)")


def pytest_configure(config: pytest.Config) -> None:
    network_guard.install()
    apply_env(os.environ, TRACING_OFF)
