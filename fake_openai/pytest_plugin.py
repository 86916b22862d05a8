"""Pytest fixtures for the fake OpenAI server.

Enable with ``pytest_plugins = ["fake_openai.pytest_plugin"]`` in a conftest.
"""

from collections.abc import Iterator

import pytest

from .server import FakeOpenAI


@pytest.fixture(scope="session")
def fake_openai() -> Iterator[FakeOpenAI]:
    """One fake server for the whole session; use `fake_openai.scripted(...)` per test."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def openai_env(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    """The session's fake server, with OPENAI_BASE_URL/OPENAI_API_KEY pointing at it."""
    for name, value in fake_openai.client_env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    return fake_openai
