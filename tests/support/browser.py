"""Headless Chromium, driven by Playwright, for the checks that need a real browser.

Playwright's own browser download is not possible here, so it drives the system Chromium
(`make browser` installs it; CHROMIUM names another build). The flags keep Chromium from
phoning home at start-up, which the closed network refuses many times over.

Each test process (each xdist worker) starts one Chromium as soon as it has collected a test
that needs it, so that it starts while the site builds.
Tests hand it jobs (functions of a `Browser`) rather than drive it themselves, because it lives
in a thread of its own: Playwright's sync API keeps an event loop running in the thread that
starts it, where the examples' asyncio.run() would then refuse to start.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack, contextmanager
from pathlib import Path
from queue import SimpleQueue
from typing import TypeVar

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",  # the suite runs as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAUNCH_TIMEOUT_MS = 180_000  # a start-up on a busy machine is slow, not broken
# What a page's console says of a request to another host: every such request goes to a proxy
# that refuses it (see `refusing_proxy`).
REFUSED = "net::ERR_PROXY_CONNECTION_FAILED"

T = TypeVar("T")
Job = tuple[Callable[[Browser], object], Future]


class Chromium:
    """One Chromium in a thread of its own; `run` hands it a job and waits for the result."""

    def __init__(self, executable: Path) -> None:
        self._jobs: SimpleQueue[Job | None] = SimpleQueue()
        self._thread = threading.Thread(
            target=self._work, args=(executable,), name="chromium", daemon=True
        )
        self._thread.start()

    def run(self, job: Callable[[Browser], T]) -> T:
        future: Future[T] = Future()
        self._jobs.put((job, future))
        return future.result()

    def close(self) -> None:
        self._jobs.put(None)
        self._thread.join()

    def _work(self, executable: Path) -> None:
        with ExitStack() as stack:
            try:
                proxy = stack.enter_context(refusing_proxy())
                playwright = stack.enter_context(sync_playwright())
                browser: Browser | Exception = playwright.chromium.launch(
                    executable_path=str(executable),
                    args=CHROMIUM_ARGS,
                    proxy={"server": proxy, "bypass": "127.0.0.1"},
                    timeout=LAUNCH_TIMEOUT_MS,
                )
                stack.callback(browser.close)
            except Exception as error:  # every job then fails with the reason
                browser = error
            while (job := self._jobs.get()) is not None:
                run, future = job
                try:
                    if isinstance(browser, Exception):
                        raise browser
                    future.set_result(run(browser))
                except BaseException as error:  # pytest.fail() raises a BaseException
                    future.set_exception(error)


@contextmanager
def refusing_proxy() -> Iterator[str]:
    """A loopback address where every connection is refused: a socket bound to a port but not
    listening on it. As Chromium's proxy for every host but 127.0.0.1, it keeps a page's requests
    to other hosts on the machine, without Playwright intercepting every request to find them."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{bound.getsockname()[1]}"


def chromium_executable() -> Path:
    return Path(os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell"))


def chromium_path() -> Path:
    path = chromium_executable()
    if not path.is_file():
        # Never a skip: the browser checks are part of the suite. `make test` installs it.
        pytest.fail(f"no Chromium at {path}; run `make browser` or set CHROMIUM", pytrace=False)
    return path


STARTED = pytest.StashKey[Chromium]()


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.option.collectonly or not chromium_executable().is_file():
        return  # without a Chromium, the fixture fails the first test that needs it
    if any("chromium" in getattr(item, "fixturenames", ()) for item in session.items):
        config.stash[STARTED] = Chromium(chromium_path())


@pytest.fixture(scope="session")
def chromium(pytestconfig: pytest.Config) -> Iterator[Chromium]:
    browser = pytestconfig.stash.get(STARTED, None) or Chromium(chromium_path())
    try:
        yield browser
    finally:
        browser.close()
