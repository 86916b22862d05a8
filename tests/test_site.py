"""The built site, both languages: strict build, code provenance, and links with anchors."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.sources import ROOT, iter_examples, rel, sections

PYTHON_BLOCK_RE = re.compile(
    r'<div class="language-python highlight">.*?<code>(?P<code>.*?)</code>', re.DOTALL
)
TAG_RE = re.compile(r"<[^>]+>")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "scripts/site.py", "build", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if build.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{build.stderr[-4000:]}", pytrace=False)
    return site


def python_blocks(page: Path) -> list[str]:
    return [
        html.unescape(TAG_RE.sub("", match["code"])).strip("\n")
        for match in PYTHON_BLOCK_RE.finditer(page.read_text(encoding="utf-8"))
    ]


def test_both_languages_are_built(built_site: Path) -> None:
    for language_root in (built_site, built_site / "en"):
        assert (language_root / "index.html").is_file()
        assert (language_root / "search" / "search_index.json").is_file()


def test_every_python_block_is_an_executed_example_section(built_site: Path) -> None:
    executed = {
        text: f"{rel(example)}:{name}"
        for example in iter_examples()
        for name, text in sections(example).items()
    }
    shown = 0
    for page in sorted(built_site.rglob("*.html")):
        for block in python_blocks(page):
            shown += 1
            assert block in executed, (
                f"{page.relative_to(built_site)} shows Python that is no executed example "
                f"section:\n{block[:300]}"
            )
    assert shown, "the built site shows no Python at all; is the snippet include broken?"


@pytest.fixture(scope="session")
def served_site(built_site: Path):
    handler = partial(QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_no_broken_links_or_anchors(served_site: str) -> None:
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert linkchecker, "linkchecker is not installed in the project environment"
    check = subprocess.run(
        [
            linkchecker,
            "--config",
            str(ROOT / "tests" / "linkcheckerrc"),
            "--no-status",
            served_site,
            served_site + "en/",
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, f"broken links or anchors:\n{check.stdout[-6000:]}"
