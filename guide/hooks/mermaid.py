"""MkDocs hook: serve mermaid from the site itself, never from a CDN.

Material renders ```mermaid fences with the global `mermaid` when one exists and otherwise
fetches it from unpkg.com. So the ES-module build (`npm ci` puts it in node_modules/) is copied
into the site, and pages that hold a diagram import it and set the global. Module scripts run
before DOMContentLoaded, which is when Material looks for the global.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.layout import ROOT

DIST = ROOT / "node_modules" / "mermaid" / "dist"
ENTRY = "mermaid.esm.min.mjs"
SITE_DIR = "assets/vendor/mermaid"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (DIST / ENTRY).is_file():
        raise PluginError(f"mermaid is missing from {DIST}; run `make setup` (npm ci)")
    # The entry and the chunks it imports on demand, one per diagram type; no source maps.
    for path in [DIST / ENTRY, *sorted((DIST / "chunks" / "mermaid.esm.min").glob("*.mjs"))]:
        uri = f"{SITE_DIR}/{path.relative_to(DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if 'class="mermaid"' not in output:
        return output
    entry = get_relative_url(f"{SITE_DIR}/{ENTRY}", page.url)
    if not entry.startswith("../"):
        entry = f"./{entry}"  # a module specifier without ./ or ../ would be a package name
    loader = f'<script type="module">import m from "{entry}"; window.mermaid = m;</script>'
    return output.replace("</body>", f"{loader}\n</body>", 1)
