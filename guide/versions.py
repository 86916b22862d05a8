"""Library versions in the pages' prose come from the installed packages, never typed in.

A page writes `{{ version("langchain-openai") }}` where its prose names a version; the build
(guide/hooks/versions.py) and the notebooks' headings (guide/notebooks.py) put in the installed
version, which `uv sync --frozen` makes the one uv.lock pins. So an upgrade changes uv.lock and
nothing in docs/.
"""

from __future__ import annotations

import re
from importlib.metadata import version

PLACEHOLDER_RE = re.compile(r'\{\{\s*version\(\s*"(?P<package>[A-Za-z0-9._-]+)"\s*\)\s*\}\}')


def fill(text: str) -> str:
    """`text` with each placeholder replaced by the installed version of its package; raises
    importlib.metadata.PackageNotFoundError for a package that is not installed."""
    return PLACEHOLDER_RE.sub(lambda placeholder: version(placeholder["package"]), text)
