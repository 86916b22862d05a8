"""The weekly drift report: upgrade the LangChain packages and openai in uv.lock, then say what
moved and what stopped short of the newest release on the index.

    python -m guide drift     # rewrites uv.lock; prints the report (Markdown)

What moved comes from uv's own "Updated X vA -> vB" lines: an upgrading `uv lock` rewrites
metadata in every entry, so `git diff uv.lock` cannot tell. uv settles on an older release without
a word when the newest one cannot be resolved (langchain-core 1.8.4 needed a langchain-protocol
the index did not have), so `uv tree --outdated` is asked what the index offers. A package that
stopped short becomes a GitHub warning annotation, not a failure: nothing broke.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from guide.layout import ROOT

WATCHED = (
    "langchain",
    "langchain-core",
    "langchain-openai",
    "langchain-protocol",
    "langgraph",
    "langgraph-checkpoint",
    "langgraph-prebuilt",
    "langgraph-sdk",
    "openai",
)
CHANGE_RE = re.compile(
    r"^(?P<change>Updated|Added|Removed) (?P<package>\S+) v(?P<first>\S+)(?: -> v(?P<then>\S+))?$",
    re.MULTILINE,
)
OUTDATED_RE = re.compile(
    r"(?P<package>[\w.-]+) v(?P<locked>\S+) .*\(latest: v(?P<latest>[^)\s]+)\)"
)


@dataclass(frozen=True)
class Change:
    package: str
    old: str | None  # None: added
    new: str | None  # None: removed


@dataclass(frozen=True)
class Behind:
    package: str
    locked: str
    latest: str


def changes(lock_output: str) -> list[Change]:
    """What `uv lock` says it changed, in its order."""
    found = []
    for match in CHANGE_RE.finditer(lock_output):
        if match["change"] == "Added":
            found.append(Change(match["package"], None, match["first"]))
        else:
            found.append(Change(match["package"], match["first"], match["then"]))
    return found


def behind(tree_output: str, packages: tuple[str, ...] = WATCHED) -> list[Behind]:
    """The watched packages that `uv tree --outdated` marks with a newer release, by name."""
    found = {}
    for match in OUTDATED_RE.finditer(tree_output):
        if match["package"] in packages:
            found[match["package"]] = Behind(**match.groupdict())
    return [found[name] for name in sorted(found)]


def report(moved: list[Change], short: list[Behind]) -> str:
    lines = ["## Drift: the LangChain packages and openai", "", "### Moved in uv.lock", ""]
    if moved:
        lines += ["| package | from | to |", "|---|---|---|"]
        for change in moved:
            watched = "" if change.package in WATCHED else " (pulled along)"
            old, new = change.old or "—", change.new or "—"
            lines.append(f"| {change.package}{watched} | {old} | {new} |")
    else:
        lines.append("Nothing moved: uv.lock already held the newest releases uv can resolve.")
    lines += ["", "### Stopped short of the newest release on the index", ""]
    if short:
        lines += ["| package | locked | newest on the index |", "|---|---|---|"]
        lines += [f"| {b.package} | {b.locked} | {b.latest} |" for b in short]
        lines += [
            "",
            "A bound in pyproject.toml, or a requirement of the newest release that the index "
            "cannot meet, holds each back; `uv lock --upgrade-package '<package>==<newest>'` "
            "says which.",
        ]
    else:
        lines.append("None: every watched package is at the newest release on the index.")
    return "\n".join(lines) + "\n"


def annotations(short: list[Behind]) -> str:
    return "".join(
        f"::warning title={b.package} stopped short::uv.lock has {b.package} {b.locked} "
        f"although the index has {b.latest}\n"
        for b in short
    )


def uv(*args: str) -> subprocess.CompletedProcess:
    command = [os.environ.get("UV", "uv"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    upgrade = [option for package in WATCHED for option in ("--upgrade-package", package)]
    lock = uv("lock", *upgrade)
    tree = uv("tree", "--outdated", "--frozen") if lock.returncode == 0 else lock
    if tree.returncode:
        sys.stderr.write(tree.stderr)
        return tree.returncode
    short = behind(tree.stdout)
    text = report(changes(lock.stderr), short)
    sys.stdout.write(text)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        sys.stdout.write(annotations(short))
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(summary).open("a", encoding="utf-8") as file:
            file.write(text)
    return 0
