"""The built site: built once per test run, by whichever process needs it first, and served on
loopback.

The main pytest process (the xdist controller, or the only process without xdist) owns a
temporary directory and serves it on a free loopback port; xdist workers learn both through
`workerinput`. As soon as a process has collected a test that needs the site (or, in the main
process, as soon as it starts, when the command line says the site will be needed), a thread of
it starts building the site there, under a file lock, so the first such process builds while the
suite goes on with other tests, and the others wait for its outcome. It is built for the
address it is served at (as the Pages workflow builds for SITE_URL): the sitemap, canonical
links and downloadable notebooks then point at the site being tested.

A failed build is reported once, as the error of the first test that needed the site, with
mkdocs' own messages; every other test that needs the site is skipped with a pointer to it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from filelock import FileLock

from guide.layout import ROOT

BUILD_COMMAND = [sys.executable, "-m", "guide", "build"]
BUILD_TIMEOUT = 900  # seconds; only a hung build comes near it
WORKER_INPUT = "guide_site"
# A mkdocs log record, as guide.site formats it; a record runs until the next one.
RECORD_RE = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) +- ")
SEARCH_INDEX = "/search/search_index.json"
# A tab that sends this header gets every search index with its settings and no documents.
NO_SEARCH_DOCS = {"X-Search-Index": "settings-only"}
SKIP_REASON = "the site did not build; its error is reported once, above (`make build` shows it)"


@dataclass(frozen=True)
class Shared:
    directory: Path  # holds site/, the lock and the outcome of the build
    url: str  # where site/ is served

    @property
    def site(self) -> Path:
        return self.directory / "site"


SHARED = pytest.StashKey[Shared]()
BUILD = pytest.StashKey["Future[SiteBuild]"]()


@dataclass(frozen=True)
class SiteBuild:
    path: Path
    url: str
    error: str | None  # what the build reported, when it failed
    reported: Path  # exists once a test, in any process, has reported the error

    def require(self) -> None:
        """Fail the first test of the run that needs the site with the build's error; skip
        the others."""
        if self.error is None:
            return
        try:
            self.reported.touch(exist_ok=False)
        except FileExistsError:
            pytest.skip(SKIP_REASON)
        pytest.fail(self.error, pytrace=False)


def pytest_configure(config: pytest.Config) -> None:
    worker_input = getattr(config, "workerinput", None)
    if worker_input is not None:
        given = worker_input[WORKER_INPUT]
        config.stash[SHARED] = Shared(Path(given["directory"]), given["url"])
        return
    directory = Path(tempfile.mkdtemp(prefix="guide-site-"))
    (directory / "site").mkdir()
    server = start_server(directory / "site")
    config.stash[SHARED] = Shared(directory, f"http://127.0.0.1:{server.server_port}/")
    config.add_cleanup(partial(shutil.rmtree, directory, ignore_errors=True))
    config.add_cleanup(partial(stop_server, server))
    if likely_needs_site(config):
        start_build(config)


def likely_needs_site(config: pytest.Config) -> bool:
    """Whether the run will surely need the site, known before collecting (which takes the xdist
    workers seconds of imports): it runs a whole folder of tests, or a test file that uses the
    site, with no option that narrows it to what failed or to an example. Otherwise the build
    starts once a test that needs it has been collected."""
    narrowed = (
        getattr(config.option, "lf", False)
        or config.option.keyword
        or config.getoption("example", None)
    )
    if narrowed or config.option.collectonly or config.getoption("update_outputs", False):
        return False
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0])
        if path.is_dir():
            return True
        if path.is_file() and SITE_FIXTURES.search(path.read_text(encoding="utf-8")):
            return True
    return False


SITE_FIXTURES = re.compile(r"\b(built_site|site_url|site_build)\b")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # pytest-xdist: the controller starts a worker
    shared = node.config.stash[SHARED]
    node.workerinput[WORKER_INPUT] = {"directory": str(shared.directory), "url": shared.url}


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.option.collectonly:
        return
    if any("site_build" in getattr(item, "fixturenames", ()) for item in session.items):
        start_build(config)


def start_build(config: pytest.Config) -> None:
    """Build the site in a thread of this process, unless it already does (or another process
    did: `build_once` then only takes its outcome)."""
    if BUILD in config.stash:
        return
    build: Future[SiteBuild] = Future()
    config.stash[BUILD] = build

    def run() -> None:
        try:
            build.set_result(build_once(config.stash[SHARED]))
        except Exception as error:
            build.set_exception(error)

    threading.Thread(target=run, name="site-build", daemon=True).start()


def build_once(shared: Shared) -> SiteBuild:
    built, failed = shared.directory / "built", shared.directory / "build-error.txt"
    with FileLock(shared.directory / "build.lock"):
        if not (built.exists() or failed.exists()):
            error = build_site(shared.site, shared.url)
            if error:
                failed.write_text(error, encoding="utf-8")
            else:
                built.touch()
        error = failed.read_text(encoding="utf-8") if failed.exists() else None
    return SiteBuild(shared.site, shared.url, error, shared.directory / "build-error-reported")


def build_site(site: Path, url: str) -> str | None:
    """Build both languages into `site` for `url`; what went wrong, or None."""
    try:
        build = subprocess.run(
            [*BUILD_COMMAND, "--site-dir", str(site)],
            cwd=ROOT,
            env={**os.environ, "SITE_URL": url},
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return f"the site build (`make build`) took more than {BUILD_TIMEOUT} s"
    if build.returncode == 0:
        return None
    return (
        "the site did not build. `make build` (python -m guide build) reports:\n"
        + (problems(build.stderr) or build.stderr[-4000:])
        + "\nFix the file named above, then check it with `make build`."
    )


def problems(log: str) -> str:
    """The warning and error records of a mkdocs log, without tracebacks."""
    kept, keep = [], False
    for line in log.splitlines():
        record = RECORD_RE.match(line)
        if record:
            keep = record["level"] in ("WARNING", "ERROR", "CRITICAL")
        elif line.startswith("Traceback (most recent call last):"):
            keep = False
        if keep:
            kept.append(line)
    return "\n".join(kept)


def start_server(directory: Path) -> ThreadingHTTPServer:
    """Serve `directory` on a free loopback port, from a daemon thread."""
    server = QuietServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop_server(server: ThreadingHTTPServer) -> None:
    server.shutdown()
    server.server_close()


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yields the root URL."""
    server = start_server(directory)
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        stop_server(server)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A browser that leaves a page drops the requests still in flight; that is no error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        """A search index without its documents, for a tab that asks with NO_SEARCH_DOCS."""
        wants_settings_only = all(self.headers.get(k) == v for k, v in NO_SEARCH_DOCS.items())
        if not (wants_settings_only and self.path.endswith(SEARCH_INDEX)):
            return super().do_GET()
        index = Path(self.translate_path(self.path))
        settings = json.loads(index.read_bytes())["config"]
        body = json.dumps({"config": settings, "docs": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def site_build(pytestconfig: pytest.Config) -> SiteBuild:
    """Never fails: the tests that need the site take its outcome through the fixtures below."""
    return pytestconfig.stash[BUILD].result()


@pytest.fixture
def built_site(site_build: SiteBuild) -> Path:
    site_build.require()
    return site_build.path


@pytest.fixture
def site_url(site_build: SiteBuild) -> str:
    site_build.require()
    return site_build.url
