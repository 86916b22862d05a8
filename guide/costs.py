"""What the project costs to check, to build and to read.

    python -m guide costs [--test-seconds S] [--no-scale] [--site DIR [--build-seconds S]]

Times ``make test`` on the guide as it is, unless given a time already measured; then, unless
``--no-scale``, ``make test`` again in two temporary copies of the project (guide/scale.py): one
reduced to the two pages the guide began with, one grown to SCALED_PAGES pages per language: the
suite's time against the guide's size, from which its fixed part and its cost per page show. Then
it times ``make check`` for the largest chapter and the site build (``python -m guide build``
into a temporary directory, the command ``make build`` runs), unless given its time. Then it
weighs every built page: its HTML, and the CSS and JS it loads (``<link rel="stylesheet">`` and
``<script src>``, each counted once per page), raw and gzip-compressed (level 6), and each
language's search index, which is left out of the page weights because it is fetched only when a
reader searches. ``--site DIR`` weighs an existing build instead of building. If the build fails,
the failure is reported and the last ``make build`` output in ``site/`` is weighed instead, if
there is one.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from guide import scale
from guide.html_tags import start_tags
from guide.layout import ROOT, iter_pages

# `make test`: 60 s for the pages the guide began with, 180 s once it has all its pages, and in
# between the straight line from one to the other: the suite's cost grows with every page (each
# is built, linked and loaded in a browser), so a budget that holds at 19 pages must grow too.
PILOT_TARGET_SECONDS = 60
SCALED_PAGES = 19  # the guide's pages per language when it is complete
SCALED_TARGET_SECONDS = 180
CHECK_TARGET_SECONDS = 25
BUILD_TARGET_SECONDS = 20
PAGE_TARGET_BYTES = 150_000  # compressed HTML + CSS + JS of a chapter page
SEARCH_INDEXES = ("search/search_index.json", "en/search/search_index.json")


@dataclass(frozen=True)
class Weight:
    raw: int
    compressed: int

    def __add__(self, other: Weight) -> Weight:
        return Weight(self.raw + other.raw, self.compressed + other.compressed)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site directory
    html: Weight
    css: Weight
    js: Weight

    @property
    def total(self) -> Weight:
        return self.html + self.css + self.js


# The tags that load a stylesheet or a script.
ASSET_RE = re.compile(r"\b(?:rel|src)\s*=", re.IGNORECASE)


def weigh(data: bytes) -> Weight:
    return Weight(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


@cache
def weigh_asset(file: Path) -> Weight:
    """A stylesheet or script, which most pages share."""
    return weigh(file.read_bytes())


def weigh_page(site: Path, page: Path) -> Page:
    html = page.read_bytes()
    css, js = [], []
    for element, attributes in start_tags(html.decode("utf-8"), ASSET_RE):
        if element == "link" and attributes.get("rel") == "stylesheet" and attributes.get("href"):
            css.append(attributes["href"])
        elif element == "script" and attributes.get("src"):
            js.append(attributes["src"])

    def loaded(references: list[str]) -> Weight:
        files = {_local(site, page, reference) for reference in references} - {None}
        return sum((weigh_asset(file) for file in files), Weight(0, 0))

    return Page(page.relative_to(site).as_posix(), weigh(html), loaded(css), loaded(js))


def _local(site: Path, page: Path, reference: str) -> Path | None:
    """The file in the site that a relative reference from `page` names; None if external."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    # The 404 pages use root-relative references; the site directory is the root.
    base = site if parts.path.startswith("/") else page.parent
    file = (base / parts.path.lstrip("/")).resolve()
    return file if file.is_relative_to(site.resolve()) and file.is_file() else None


def timed(
    command: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None
) -> tuple[float, int, str]:
    began = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - began, done.returncode, done.stdout + done.stderr


def timed_make(target: list[str], notes: list[str], **where: object) -> float | None:
    """Seconds `make TARGET` took; None if it failed, which is noted with its last lines."""
    seconds, status, output = timed(["make", *target], **where)
    if status:
        notes.append(f"make {' '.join(target)} FAILED (exit {status}); its last lines:")
        notes += output.strip().splitlines()[-5:]
        return None
    return seconds


def copy_test(notes: list[str], *, grown: bool) -> tuple[int, int, float | None]:
    """(pages per language, examples, seconds of `make test`) in a copy of the project grown to
    SCALED_PAGES pages per language, or reduced to the pilot pages."""
    with tempfile.TemporaryDirectory(prefix="costs-copy-") as directory:
        copy = Path(directory)
        scale.copy_project(copy)
        env = scale.environment(copy)
        if grown:
            scale.grow(copy, SCALED_PAGES)
        else:
            dropped = scale.shrink(copy)
            addopts = " ".join(f"--without-page {page}" for page in dropped)
            env["PYTEST_ADDOPTS"] = f"{env.get('PYTEST_ADDOPTS', '')} {addopts}".strip()
        seconds = timed_make(["test"], notes, cwd=copy, env=env)
        pages = sum(1 for _ in (copy / "docs" / "zh").rglob("*.md"))
        return pages, scale.examples_in(copy), seconds


def time_allowed(pages: int) -> float:
    """Seconds `make test` may take for a guide of `pages` pages per language."""
    pilot = len(scale.PILOT_PAGES)
    share = min(max((pages - pilot) / (SCALED_PAGES - pilot), 0), 1)
    return round(PILOT_TARGET_SECONDS + share * (SCALED_TARGET_SECONDS - PILOT_TARGET_SECONDS), 1)


def test_line(label: str, pages: int, examples: int, seconds: float | None) -> str:
    target = time_allowed(pages)
    return line(f"make test, {label}: {pages} pages, {examples} examples", seconds, target)


def line(label: str, seconds: float | None, target: float) -> str:
    if seconds is None:
        return f"{label:<64} FAILED, so not timed (its last lines are above)"
    return f"{label:<64} {seconds:6.1f} s  (target < {target:g} s: {_verdict(seconds < target)})"


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def report(times: list[str], site: Path, notes: list[str]) -> str:
    lines = [*notes, *times]
    pages = sorted(
        (weigh_page(site, page) for page in site.rglob("*.html")), key=lambda page: page.path
    )
    lines += [
        "",
        f"Page weight in kB (1 kB = 1000 bytes), raw / gzip; site: {site}",
        f"{'page':<40} {'HTML':>13} {'CSS':>13} {'JS':>13} {'total':>13}",
    ]
    for page in pages:
        cells = [page.html, page.css, page.js, page.total]
        lines.append(
            f"{page.path:<40} "
            + " ".join(f"{_kb(cell.raw):>6}/{_kb(cell.compressed):>6}" for cell in cells)
        )
    heaviest = max(pages, key=lambda page: page.total.compressed)
    lines.append(
        f"heaviest: {heaviest.path}, {_kb(heaviest.total.compressed)} kB compressed "
        f"(target < {_kb(PAGE_TARGET_BYTES)} kB: "
        f"{_verdict(heaviest.total.compressed < PAGE_TARGET_BYTES)})"
    )
    lines += ["", "Search index (not in the page weights), kB raw / gzip"]
    for index in SEARCH_INDEXES:
        file = site / index
        if file.is_file():
            weight = weigh(file.read_bytes())
            lines.append(f"{index:<40} {_kb(weight.raw):>6}/{_kb(weight.compressed):>6}")
        else:
            lines.append(f"{index:<40} missing")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide costs", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--test-seconds", type=float, help="a measured `make test` time")
    parser.add_argument("--no-scale", action="store_true", help="no copies, the guide only")
    parser.add_argument("--site", type=Path, help="weigh this built site instead of building")
    parser.add_argument("--build-seconds", type=float, help="with --site: its measured build time")
    args = parser.parse_args(argv)
    notes: list[str] = []
    times = []
    test_seconds = args.test_seconds
    if test_seconds is None:
        test_seconds = timed_make(["test"], notes)
    today = (len(iter_pages("zh")), scale.examples_in(ROOT), test_seconds)
    if args.no_scale:
        times.append(test_line("the guide as it is", *today))
    else:
        times += [
            test_line("the pilot pages", *copy_test(notes, grown=False)),
            test_line("the guide as it is", *today),
            test_line("grown by copies", *copy_test(notes, grown=True)),
        ]
    chapter = scale.largest_chapter()
    check_seconds = timed_make(["check", f"PAGE={chapter}"], notes)
    times.append(line(f"make check PAGE={chapter}", check_seconds, CHECK_TARGET_SECONDS))
    with tempfile.TemporaryDirectory(prefix="costs-site-") as built:
        site, build_seconds = args.site, args.build_seconds
        if site is None:
            build_seconds, status, output = timed(
                [sys.executable, "-m", "guide", "build", "--site-dir", built]
            )
            site = Path(built)
            if status:
                notes.append(f"the build FAILED (exit {status}); its last lines:")
                notes += output.strip().splitlines()[-3:]
                site = ROOT / "site"
                notes.append(f"weighing the last `make build` output instead: {site}")
        if build_seconds is not None:
            times.append(line("make build", build_seconds, BUILD_TARGET_SECONDS))
        print(report(times, site, notes))
    return 0
