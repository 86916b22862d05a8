from __future__ import annotations

import os

import pytest

from tests import network_guard
from tests.fake_openai import FakeOpenAI


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the recorded outputs of examples instead of checking them",
    )


def pytest_configure(config: pytest.Config) -> None:
    network_guard.install()
    # Examples build real LangChain objects; keep tracing off so nothing tries to phone home.
    os.environ["LANGSMITH_TRACING"] = "false"
    os.environ["LANGCHAIN_TRACING_V2"] = "false"


@pytest.fixture(scope="session")
def fake_openai():
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def openai_env(fake_openai, monkeypatch):
    """Point every OpenAI client at the fake server, the way a reader's shell would."""
    for name, value in fake_openai.env.items():
        monkeypatch.setenv(name, value)
    return fake_openai
