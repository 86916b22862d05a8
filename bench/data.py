"""The data files: ``bench/results/<profile>.json``, one per profile, written by a run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"

# An innermost JSON array (no brackets or braces inside), spread over lines by indent=.
_FLAT_ARRAY = re.compile(r"\[\s+([^\[\]{}]*?)\s+\]")


def path_for(profile: str) -> Path:
    return RESULTS / f"{profile}.json"


def dumps(data: dict[str, Any]) -> str:
    """Indented JSON with each innermost array (a sample) on one line, to keep the file small."""
    text = json.dumps(data, indent=1, ensure_ascii=False)
    return _FLAT_ARRAY.sub(lambda match: "[" + " ".join(match[1].split()) + "]", text) + "\n"


def save(data: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data), encoding="utf-8")


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
