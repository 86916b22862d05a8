"""Where things are, and how pages point at examples: the one parser every collector shares.

A page includes code with pymdownx.snippets lines such as
    --8<-- "examples/concepts/llm_tokens/text_chunks.py:main"     (a named section)
    --8<-- "examples/concepts/llm_tokens/text_chunks.out"         (a recorded output)
and an example marks its sections with `# --8<-- [start:main]` / `# --8<-- [end:main]`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
LANGUAGES = ("zh", "en")
OUTPUT_SUFFIX = ".out"

INCLUDE_RE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$', re.MULTILINE)
MARKER_RE = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    path: str  # relative to the project root, as written on the page
    section: str | None


def iter_examples() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.py"))


def iter_pages(language: str | None = None) -> list[Path]:
    roots = [DOCS / language] if language else [DOCS / lang for lang in LANGUAGES]
    return sorted(page for root in roots for page in root.rglob("*.md"))


def page_url(source: str) -> str:
    """MkDocs' directory URL of a page, below its language's root:
    "concepts/llm-tokens.md" -> "concepts/llm-tokens/", "index.md" -> ""."""
    stem = PurePosixPath(source).with_suffix("").as_posix()
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def language_dir(language: str) -> str:
    """Where a language's site lives below the site root: "" for the source language (zh),
    "en/" for en."""
    return "" if language == LANGUAGES[0] else f"{language}/"


def site_pages(language: str) -> list[str]:
    """URL paths (below the language's root) of every page the build makes: Markdown pages
    and rendered notebooks."""
    root = DOCS / language
    sources = [*root.rglob("*.md"), *root.rglob("*.ipynb")]
    return sorted({page_url(source.relative_to(root).as_posix()) for source in sources})


def rel(path: Path) -> str:
    """Project-relative posix path; paths outside the project are returned as they are."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def output_path(example: Path) -> Path:
    return example.with_suffix(OUTPUT_SUFFIX)


def includes(page: Path) -> list[Include]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in INCLUDE_RE.finditer(text):
        target = match["target"]
        path, _, section = target.partition(":")
        line = text.count("\n", 0, match.start()) + 1
        found.append(Include(page, line, path, section or None))
    return found


class SectionError(ValueError):
    pass


@cache
def sections(example: Path) -> dict[str, str]:
    """Named sections of an example, dedented, marker lines removed (as the site renders them).

    Raises SectionError for an unbalanced, nested-duplicate or repeated section.
    """
    lines = example.read_text(encoding="utf-8").splitlines()
    open_at: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines, start=1):
        marker = MARKER_RE.match(line)
        if not marker:
            continue
        kind, name = marker["kind"], marker["name"]
        where = f"{rel(example)}:{number}"
        if kind == "start":
            if name in open_at or name in spans:
                raise SectionError(f"{where}: section {name!r} starts twice")
            open_at[name] = number
        else:
            if name not in open_at:
                raise SectionError(f"{where}: [end:{name}] has no matching [start:{name}]")
            spans[name] = (open_at.pop(name), number)
    if open_at:
        name, number = next(iter(open_at.items()))
        raise SectionError(f"{rel(example)}:{number}: section {name!r} is never ended")
    return {
        name: textwrap.dedent(
            "\n".join(line for line in lines[start : end - 1] if not MARKER_RE.match(line))
        ).strip("\n")
        for name, (start, end) in spans.items()
    }


def pages_showing(path: Path) -> list[str]:
    """The pages that include this example or its output, for failure messages."""
    wanted = {rel(path), rel(output_path(path))}
    return sorted(
        {rel(inc.page) for page in iter_pages() for inc in includes(page) if inc.path in wanted}
    )


def page_examples(page: str) -> Path:
    """The examples directory that mirrors a page given as `make PAGE=` takes it:
    "concepts/llm-tokens" (or "concepts/llm-tokens.md") -> examples/concepts/llm_tokens/; the
    home page, "index", -> examples/overview/."""
    stem = page.removesuffix(".md").strip("/")
    return EXAMPLES / ("overview" if stem == "index" else stem.replace("-", "_"))
