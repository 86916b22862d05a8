"""A built page in a browser tab, as the browser checks and the screenshots see it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Browser, ConsoleMessage, Page

from guide.layout import language_dir
from tests.support.browser import REFUSED
from tests.support.served import NO_SEARCH_DOCS


@dataclass(frozen=True)
class View:
    name: str
    width: int
    height: int
    scheme: str  # Material's palette: "default" (light) or "slate" (dark)


# Colours don't depend on the width, nor layout on the palette: two views cover both.
DESKTOP = View("desktop", 1280, 900, "default")
PHONE = View("phone", 390, 844, "slate")
VIEWS = (DESKTOP, PHONE)

# Anything but the local server. Such requests are recorded here; Chromium sends them to a proxy
# that refuses them (tests/support/browser.py), so they never leave the machine.
FOREIGN = re.compile(r"^(?!https?://127\.0\.0\.1[:/])(https?|wss?)://")


def language_root(site_url: str, language: str) -> str:
    return site_url + language_dir(language)


class Watched:
    """A browser tab that records every request to another host, and every script error."""

    def __init__(self, browser: Browser, view: View, *, search: bool = True) -> None:
        """With `search=False`, the search worker gets the language's search settings and no
        documents: Material indexes the whole language's site on every page load (about a
        CPU-second for zh), which a check of the page's own content does not need.

        Requests are watched, not intercepted: routing them through Playwright costs about a
        quarter more CPU per page load."""
        self.page = browser.new_page(
            viewport={"width": view.width, "height": view.height},
            color_scheme="dark" if view.scheme == "slate" else "light",
            extra_http_headers=None if search else NO_SEARCH_DOCS,
        )
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self._requested(request.url))
        self.page.on("websocket", lambda socket: self._requested(socket.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _requested(self, url: str) -> None:
        if FOREIGN.match(url):
            self.foreign.append(url)

    def _console(self, message: ConsoleMessage) -> None:
        # A refused foreign request also logs a console error; it is reported once, as a request.
        if message.type == "error" and REFUSED not in message.text:
            self.errors.append(message.text)

    def show(self, view: View) -> None:
        """Resize, and switch the palette with its toggle as a reader would: cheaper than a
        second load, and Material does not follow a change of prefers-color-scheme live."""
        self.page.set_viewport_size({"width": view.width, "height": view.height})
        scheme = "document.body.dataset.mdColorScheme"
        if self.page.evaluate(scheme) != view.scheme:
            self.page.click("[data-md-component=palette] label:not([hidden])")
            self.page.wait_for_function(f"{scheme} === {view.scheme!r}")

    def open(self, url: str) -> Page:
        """Load `url`; what the tab records from then on is this page's."""
        self.foreign.clear()
        self.errors.clear()
        self.page.goto(url, wait_until="load")
        # Material swaps each <pre class="mermaid"> for the rendered diagram.
        self.page.wait_for_function("!document.querySelector('pre.mermaid')")
        return self.page

    def annotation_markers(self) -> int:
        """Code blocks that still show a `# (1)!` annotation marker as text once the page's
        scripts have run: Material turns each into a numbered button, when annotations are on."""
        return self.page.evaluate(
            "[...document.querySelectorAll('pre code')]"
            ".filter(code => /#\\s*\\(\\d+\\)!/.test(code.textContent)).length"
        )

    def overflow(self) -> int:
        """How far the page scrolls sideways, in CSS pixels."""
        return self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
