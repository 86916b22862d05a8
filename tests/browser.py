"""Headless Debian Chromium, driven by Playwright, for the checks that need a real browser.

Playwright's own browser download is not possible here, so it drives the system Chromium
(`make browser` installs it; CHROMIUM names another build). The flags keep Chromium from
phoning home at start-up, which the closed network refuses many times over.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


def chromium_path() -> Path:
    path = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not path.is_file():
        # Never a skip: the browser checks are part of the suite. `make test` installs it.
        pytest.fail(f"no Chromium at {path}; run `make browser` or set CHROMIUM", pytrace=False)
    return path


# Per module, not per session: Playwright's sync API keeps an event loop running in this thread
# while it is open, and the examples' asyncio.run() refuses to start inside a running loop.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path()), args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()
