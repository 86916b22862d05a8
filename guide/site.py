"""Build or serve both languages of the site as one tree: zh at /, en at /en/.

Each language is its own MkDocs build (mkdocs.yml, and mkdocs.en.yml which inherits it), so
each gets its own search index and a missing translation is a build error, not a silent
fallback. This script is the one place that knows the two builds exist.

    python -m guide build [--site-dir DIR]
    python -m guide serve [--port 8000]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from guide.layout import ROOT

# (config file, sub-directory of the site) in build order: zh cleans the site dir, so it goes first.
CONFIGS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))
log = logging.getLogger("mkdocs.guide.site")
WATCHED = ("docs", "examples", "snippets", "overrides", "mkdocs.yml", "mkdocs.en.yml")


def build(site_dir: Path, serve_url: str | None = None) -> None:
    """Build both languages; strict (warnings fail) except while serving, where a warning in
    one language must not leave the other unbuilt.

    The language switcher finds "the same page in the other language" through each site's
    sitemap, which only works when `site_url` is where the site is really served (host and
    port included): the dev server's URL, or SITE_URL (set by the Pages workflow).
    """
    for config_file, sub_dir in CONFIGS:
        build_language(config_file, site_dir, sub_dir, serve_url)


def build_in_parallel(site_dir: Path) -> None:
    """`build`, each language in a process of its own. en is built aside and moved in last,
    because the zh build starts by emptying the site directory, en's included."""
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory(dir=site_dir.parent, prefix=".en-") as aside:
        jobs = [
            (config_file, Path(aside) if sub_dir else site_dir, sub_dir, None)
            for config_file, sub_dir in CONFIGS
        ]
        with context.Pool(len(jobs)) as pool:
            failures = [failure for failure in pool.starmap(_build_or_say_why, jobs) if failure]
        if failures:
            raise BuildError("\n".join(failures))
        for sub_dir in (sub_dir for _, sub_dir in CONFIGS if sub_dir):
            shutil.move(Path(aside) / sub_dir, site_dir / sub_dir)


class BuildError(Exception):
    pass


def _build_or_say_why(config_file: str, root: Path, sub_dir: str, serve_url: None) -> str | None:
    try:
        build_language(config_file, root, sub_dir, serve_url)
    except Abort as abort:  # mkdocs has logged the errors; its summary needs no traceback
        return f"the site of {config_file} did not build: {abort.message}"
    except Exception as exc:  # noqa: BLE001 - reported by the parent, which cannot unpickle all
        return f"the site of {config_file} did not build: {type(exc).__name__}: {exc}"
    return None


def build_language(config_file: str, root: Path, sub_dir: str, serve_url: str | None) -> None:
    config = load_config(
        config_file=str(ROOT / config_file),
        site_dir=str(root / sub_dir),
        strict=serve_url is None,
    )
    if base_url := serve_url or os.environ.get("SITE_URL"):
        config.site_url = base_url.rstrip("/") + "/" + (f"{sub_dir}/" if sub_dir else "")
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()


def serve(host: str, port: int) -> None:
    site_dir = Path(tempfile.mkdtemp(prefix="streaming-guide-"))
    url = f"http://{host}:{port}/"

    def rebuild() -> None:
        try:
            build(site_dir, serve_url=url)
        except Exception as exc:  # keep serving the last good build while the author fixes it
            logging.getLogger("mkdocs").error("Build failed: %s", exc)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site_dir))
    rebuild()
    for path in WATCHED:
        server.watch(str(ROOT / path))
    logging.getLogger("mkdocs").info("zh: %s   en: %sen/", url, url)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build")
    build_cmd.add_argument("--site-dir", type=Path, default=ROOT / "site")
    serve_cmd = commands.add_parser("serve")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if args.command == "build":
        site_dir = args.site_dir.resolve()
        site_dir.mkdir(parents=True, exist_ok=True)
        try:
            build_in_parallel(site_dir)
        except BuildError as exc:
            log.error("%s", exc)
            return 1
    else:
        serve(args.host, args.port)
    return 0
