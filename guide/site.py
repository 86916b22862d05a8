"""Build or serve both languages of the site as one tree: zh at /, en at /en/.

Each language is its own MkDocs build (mkdocs.yml, and mkdocs.en.yml which inherits it), so
each gets its own search index and a missing translation is a build error, not a silent
fallback. This script is the one place that knows the two builds exist.

    python -m guide.site build [--site-dir DIR]
    python -m guide.site serve [--port 8000]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from guide.layout import ROOT, rel

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
    base_url = serve_url or os.environ.get("SITE_URL")
    for config_file, sub_dir in CONFIGS:
        config = load_config(
            config_file=str(ROOT / config_file),
            site_dir=str(site_dir / sub_dir),
            strict=serve_url is None,
        )
        if base_url:
            config.site_url = base_url.rstrip("/") + "/" + (f"{sub_dir}/" if sub_dir else "")
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config, serve_url=serve_url)
        except Exception:
            log.error("the site of %s did not build", rel(Path(config.docs_dir)))
            raise
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build")
    build_cmd.add_argument("--site-dir", type=Path, default=ROOT / "site")
    serve_cmd = commands.add_parser("serve")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if args.command == "build":
        try:
            build(args.site_dir.resolve())
        except Abort as abort:  # mkdocs has logged the errors; its summary needs no traceback
            log.error(abort.message)
            sys.exit(1)
    else:
        serve(args.host, args.port)


if __name__ == "__main__":
    main()
