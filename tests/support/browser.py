"""Headless Debian Chromium, driven by Playwright, for the checks that need a real browser.

Playwright's own browser download is not possible here, so it drives the system Chromium
(`make browser` installs it; CHROMIUM names another build). The flags keep Chromium from
phoning home at start-up, which the closed network refuses many times over.

Tests hand the browser jobs (functions of a `Browser`) rather than drive it themselves. Each
Chromium lives in a worker thread of its own, for two reasons: Playwright's sync API keeps an
event loop running in the thread that starts it, where the examples' asyncio.run() would then
refuse to start; and with one worker per core, long pages are checked side by side.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack
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

T = TypeVar("T")
Job = tuple[Callable[[Browser], object], Future]


class Browsers:
    """One Chromium per worker thread; a job runs on whichever is free, in the order given."""

    def __init__(self, executable: Path, workers: int) -> None:
        self._jobs: SimpleQueue[Job | None] = SimpleQueue()
        self._futures: list[Future] = []
        self._workers = [
            threading.Thread(
                target=self._work, args=(executable,), name=f"chromium-{n}", daemon=True
            )
            for n in range(workers)
        ]
        for worker in self._workers:
            worker.start()

    def submit(self, job: Callable[[Browser], T]) -> Future[T]:
        future: Future[T] = Future()
        self._futures.append(future)
        self._jobs.put((job, future))
        return future

    def run(self, job: Callable[[Browser], T]) -> T:
        return self.submit(job).result()

    def close(self) -> None:
        """Drop the jobs not started (a session stopped by -x leaves some), finish the rest."""
        for future in self._futures:
            future.cancel()
        for _ in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()

    def _work(self, executable: Path) -> None:
        # Chromium starts with the worker's first job: more cores than jobs start no more.
        browser: Browser | Exception | None = None
        with ExitStack() as stack:
            while (job := self._jobs.get()) is not None:
                run, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    if browser is None:
                        browser = launch(stack, executable)
                    if isinstance(browser, Exception):
                        raise browser
                    future.set_result(run(browser))
                except BaseException as error:  # pytest.fail() raises a BaseException
                    future.set_exception(error)


def launch(stack: ExitStack, executable: Path) -> Browser | Exception:
    """A Chromium that `stack` closes, or why none started (then every job of the worker
    fails with that reason rather than waiting for ever)."""
    try:
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
    except Exception as error:
        return error
    stack.callback(browser.close)
    return browser


def chromium_path() -> Path:
    path = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not path.is_file():
        # Never a skip: the browser checks are part of the suite. `make test` installs it.
        pytest.fail(f"no Chromium at {path}; run `make browser` or set CHROMIUM", pytrace=False)
    return path


@pytest.fixture(scope="session")
def browsers() -> Iterator[Browsers]:
    pool = Browsers(chromium_path(), workers=os.cpu_count() or 1)
    try:
        yield pool
    finally:
        pool.close()
