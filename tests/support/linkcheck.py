"""Run LinkChecker with its AnchorCheck plugin parsing each page once.

    python -m tests.support.linkcheck [linkchecker arguments...]

LinkChecker treats every `page#anchor` URL as a page of its own: it builds a BeautifulSoup
tree of the page for each one and walks it again for AnchorCheck, so a page with forty
headings is parsed forty times. On Material's heavily highlighted pages that took most of
the suite's time. Here a page's tree is built once (keyed by its markup) and its anchors are
collected once (keyed by its URL without the fragment); what is reported is unchanged.
"""

from __future__ import annotations

import functools
import sys
import threading
import urllib.parse

from linkcheck.command.linkchecker import linkchecker
from linkcheck.htmlutil import htmlsoup, linkparse
from linkcheck.plugins.anchorcheck import AnchorCheck, UrlAnchorCheck

_lock = threading.Lock()
_anchors: dict[str, list] = {}


def check_parsing_once(self: AnchorCheck, url_data) -> None:
    page = urllib.parse.urldefrag(url_data.url).url
    with _lock:
        anchors = _anchors.get(page)
    if anchors is None:
        collector = UrlAnchorCheck()
        linkparse.find_links(url_data.get_soup(), collector.add_anchor, linkparse.AnchorTags)
        anchors = collector.anchors
        with _lock:
            _anchors[page] = anchors
    checker = UrlAnchorCheck()
    checker.anchors = anchors
    checker.check_anchor(url_data)


if __name__ == "__main__":
    htmlsoup.make_soup = functools.lru_cache(maxsize=128)(htmlsoup.make_soup)
    AnchorCheck.check = check_parsing_once
    sys.argv[0] = "linkchecker"
    sys.exit(linkchecker())
