"""Full-page screenshots of every built page, both languages, desktop (light) and phone (dark),
for people to look at: `make screenshots` writes them to build/screenshots/<lang>/ and CI uploads
them. Not a check, so its name keeps it out of `make test`; pytest collects it when named.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from guide.layout import LANGUAGES, ROOT, site_pages
from tests.support.browser import Chromium
from tests.support.pages import VIEWS, Watched, language_root

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))


@pytest.mark.parametrize(
    ("language", "path"),
    [
        pytest.param(language, path, id=f"{language}:/{path}")
        for language in LANGUAGES
        for path in site_pages(language)
    ],
)
def test_screenshot(chromium: Chromium, site_url: str, language: str, path: str) -> None:
    shot = SCREENSHOTS / language / (path.strip("/").replace("/", "-") or "index")
    shot.parent.mkdir(parents=True, exist_ok=True)

    def take(browser: Browser) -> None:
        tab = Watched(browser, VIEWS[0])
        tab.open(language_root(site_url, language) + path)
        for view in VIEWS:
            tab.show(view)
            # JPEG: a long page's PNG takes three times as long to encode, at twice the size.
            tab.page.screenshot(
                path=f"{shot}-{view.name}.jpeg", full_page=True, type="jpeg", quality=60
            )
        tab.page.close()

    chromium.run(take)
