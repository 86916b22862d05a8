"""Where things are, and how pages point at examples: the one parser every collector shares.

A page includes code with pymdownx.snippets lines such as
    --8<-- "examples/concepts/llm_tokens/text_chunks.py:main"     (a named section)
    --8<-- "examples/concepts/llm_tokens/text_chunks.out"         (a recorded output)
and an example marks its sections with `# --8<-- [start:main]` / `# --8<-- [end:main]`.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
LANGUAGES = ("zh", "en")
OUTPUT_SUFFIX = ".out"

INCLUDE_RE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
MARKER_RE = re.compile(r"^\s*#\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$")
PYTHON_INFO = ("python", "py", "pycon")


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


def page_name(page: Path) -> str:
    """A page as commands name it: docs/en/concepts/llm-tokens.md -> "concepts/llm-tokens"."""
    return page.relative_to(DOCS).with_suffix("").as_posix().split("/", 1)[1]


OVERVIEW_EXAMPLES = "overview"  # the examples of the site's home page, docs/<lang>/index.md


def example_dir(page: str) -> Path:
    """Where a page's examples live: examples/ mirrors docs/, with "_" for "-" so that each
    directory is a Python-friendly name: "concepts/llm-tokens" -> examples/concepts/llm_tokens;
    the home page ("index") -> examples/overview."""
    stem = PurePosixPath(page).with_suffix("").as_posix()
    if stem == "index":
        return EXAMPLES / OVERVIEW_EXAMPLES
    return EXAMPLES / stem.removesuffix("/index").replace("-", "_")


def language_dir(language: str) -> str:
    """Where a language's site lives below the site root: "" for the source language (zh),
    "en/" for en."""
    return "" if language == LANGUAGES[0] else f"{language}/"


def site_pages(language: str) -> list[str]:
    """URL paths (below the language's root) of every page the build makes: the Markdown
    pages, and the notebook page of each that shows examples (guide/hooks/notebook.py)."""
    root = DOCS / language
    urls = set()
    for page in iter_pages(language):
        url = page_url(page.relative_to(root).as_posix())
        urls.add(url)
        if any(include.path.endswith(".py") for include in includes(page)):
            urls.add(f"{url}notebook/")
    return sorted(urls)


def page_templates(language: str) -> dict[str, str]:
    """What each page the build makes is rendered from, by URL path below the language's root:
    "home" (the language's index.md), "chapter" (any other Markdown page) or "notebook" (a
    chapter's notebook page, which guide/hooks/notebook.py generates)."""
    markdown = {
        page_url(page.relative_to(DOCS / language).as_posix()) for page in iter_pages(language)
    }
    return {
        url: "chapter" if url in markdown and url else "home" if url in markdown else "notebook"
        for url in site_pages(language)
    }


def rel(path: Path) -> str:
    """Project-relative posix path; paths outside the project are returned as they are."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def output_path(example: Path) -> Path:
    return example.with_suffix(OUTPUT_SUFFIX)


FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING_RE = re.compile(r"^(?P<level>#{1,6})\s+(?P<title>.*?)\s*$")
ANCHOR_RE = re.compile(r"\{\s*#(?P<id>[a-z0-9][a-z0-9-]*)\s*\}\s*$")
FRONT_MATTER_RE = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Fence:
    line: int  # of the opening fence, 1-based
    indent: str
    info: str  # what follows the opening fence, e.g. "python title=\"x.py\""
    body: tuple[str, ...]

    @property
    def language(self) -> str:
        return self.info.split(" ", 1)[0].lstrip("{.")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    title: str  # without its { #anchor }
    anchor: str | None


@dataclass(frozen=True)
class Page:
    """A Markdown page as the machinery sees it, parsed once: front matter, fenced blocks,
    headings (outside fences), and includes (anywhere, fences included)."""

    path: Path
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def front_matter(self) -> str:
        found = FRONT_MATTER_RE.match(self.text)
        return found["body"] if found else ""

    @cached_property
    def fence_of_line(self) -> dict[int, Fence]:
        """Every line inside a fenced block (its opening and closing lines too) -> that block."""
        inside: dict[int, Fence] = {}
        lines, index = self.lines, 0
        while index < len(lines):
            opening = FENCE_RE.match(lines[index])
            if not opening:
                index += 1
                continue
            start, body = index, []
            index += 1
            while index < len(lines) and lines[index].strip() != opening["fence"]:
                body.append(lines[index])
                index += 1
            fence = Fence(start + 1, opening["indent"], opening["info"].strip(), tuple(body))
            inside.update(dict.fromkeys(range(start + 1, index + 2), fence))
            index += 1
        return inside

    @property
    def fences(self) -> list[Fence]:
        return list(dict.fromkeys(self.fence_of_line.values()))

    def outside_fences(self) -> Iterator[tuple[int, str]]:
        """(line number, text) of every line outside fenced blocks and front matter."""
        skip = self.front_matter.count("\n") + 3 if self.front_matter else 0
        for number, line in enumerate(self.lines, start=1):
            if number > skip and number not in self.fence_of_line:
                yield number, line

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.outside_fences():
            if heading := HEADING_RE.match(line):
                anchor = ANCHOR_RE.search(heading["title"])
                title = heading["title"][: anchor.start()].strip() if anchor else heading["title"]
                found.append(
                    Heading(number, len(heading["level"]), title, anchor["id"] if anchor else None)
                )
        return found

    @cached_property
    def includes(self) -> list[Include]:
        found = []
        for number, line in enumerate(self.lines, start=1):
            if match := INCLUDE_RE.match(line):
                path, _, section = match["target"].partition(":")
                found.append(Include(self.path, number, path, section or None))
        return found


def read_page(path: Path) -> Page:
    """The page as it is on disk now; parsed once per version of the file."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed(path: Path, mtime_ns: int, size: int) -> Page:
    return Page(path, path.read_text(encoding="utf-8"))


def includes(page: Path) -> list[Include]:
    return read_page(page).includes


def typed_python(page: Path) -> list[str]:
    """A page never carries its own Python, it includes it from examples/: a message, with the
    fix, for each Python block of the page that holds more than includes."""
    directory = rel(example_dir(page_name(page))) + "/"
    found = []
    for fence in read_page(page).fences:
        if fence.language not in PYTHON_INFO:
            continue
        stray = [text for text in fence.body if text.strip() and not INCLUDE_RE.match(text)]
        if stray:
            found.append(
                f"{rel(page)}:{fence.line}: Python typed into the page: {stray[0]!r}. Move it into "
                f"{directory}<name>.py between `# --8<-- [start:main]` and `# --8<-- [end:main]`, "
                f'and include it with --8<-- "{directory}<name>.py:main"'
            )
    return found


class SectionError(ValueError):
    pass


@cache
def sections(example: Path) -> dict[str, str]:
    """Named sections of an example, dedented, marker lines removed (as the site renders them).

    Raises SectionError for an unbalanced, nested-duplicate or repeated section.
    """
    lines = example.read_text(encoding="utf-8").splitlines()
    return {
        name: textwrap.dedent(
            "\n".join(line for line in lines[start : end - 1] if not MARKER_RE.match(line))
        ).strip("\n")
        for name, (start, end) in section_spans(example).items()
    }


def section_spans(example: Path) -> dict[str, tuple[int, int]]:
    """Each named section of an example: the line numbers (1-based) of its start and end
    markers. Raises SectionError as `sections` does."""
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
    return spans


def pages_showing(path: Path) -> list[str]:
    """The pages that include this example or its output, for failure messages."""
    wanted = {rel(path), rel(output_path(path))}
    return sorted(
        {rel(inc.page) for page in iter_pages() for inc in includes(page) if inc.path in wanted}
    )


ANNOTATION_MARK_RE = re.compile(r"[ \t]*# \(\d+\)!$")  # a Material code annotation, `# (1)!`
MAX_BLANK_LINES = 2  # in a row, as ruff formats Python


@dataclass(frozen=True)
class Program:
    """An example as a reader runs it (`python file.py`), shown whole under a block that shows
    part of it: the file without its section markers and annotation markers (the page's
    annotation lists belong to the blocks that show the sections), and without the extra blank
    lines a dropped marker leaves."""

    example: Path
    lines: tuple[str, ...]
    # section name -> (first, last): its first and last non-blank lines, 1-based, in `lines`
    spans: dict[str, tuple[int, int]]
    # the same lines, numbered as in the file itself (for a link to them in the repository)
    file_spans: dict[str, tuple[int, int]]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    # the module's docstring, (first, last) in `lines`, if it has one
    docstring: tuple[int, int] | None = None

    def shows_all(self, section: str | None) -> bool:
        """Whether including `section` (None: the whole file) shows the whole program: every
        line of it, but for the module's docstring, which says what the file is for."""
        if section is None:
            return True
        first, last = self.spans[section]
        told = range(self.docstring[0], self.docstring[1] + 1) if self.docstring else range(0)
        return all(
            first <= number <= last or number in told or not line.strip()
            for number, line in enumerate(self.lines, start=1)
        )


def program(example: Path) -> Program:
    """The example as a whole program; read once per version of the file."""
    stat = example.stat()
    return _program(example, stat.st_mtime_ns, stat.st_size)


@cache
def _program(example: Path, mtime_ns: int, size: int) -> Program:
    kept: list[tuple[int, str]] = []  # (line number in the file, text shown)
    for number, line in enumerate(example.read_text(encoding="utf-8").splitlines(), start=1):
        if MARKER_RE.match(line):
            continue
        line = ANNOTATION_MARK_RE.sub("", line)
        blanks = 0
        for _, previous in reversed(kept):
            if previous.strip():
                break
            blanks += 1
        if not line.strip() and (not kept or blanks >= MAX_BLANK_LINES):
            continue
        kept.append((number, line))
    while kept and not kept[-1][1].strip():
        kept.pop()
    shown_at = {number: index for index, (number, _) in enumerate(kept, start=1)}
    spans, file_spans = {}, {}
    for name, (start, end) in section_spans(example).items():
        inside = [
            n for n in range(start + 1, end) if n in shown_at and kept[shown_at[n] - 1][1].strip()
        ]
        if inside:
            file_spans[name] = (inside[0], inside[-1])
            spans[name] = (shown_at[inside[0]], shown_at[inside[-1]])
    docstring = None
    module = ast.parse(example.read_text(encoding="utf-8"))
    if module.body and isinstance(module.body[0], ast.Expr):
        value = module.body[0].value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            lines = range(module.body[0].lineno, (module.body[0].end_lineno or 0) + 1)
            shown = [shown_at[n] for n in lines if n in shown_at]
            docstring = (shown[0], shown[-1]) if shown else None
    return Program(example, tuple(line for _, line in kept), spans, file_spans, docstring)


def included(target: str) -> str:
    """What an include line `--8<-- "target"` brings in, as pymdownx.snippets (configured as in
    mkdocs.yml: dedent_subsections) does: a section, dedented; or a whole file without its section
    markers. Includes inside an included Markdown snippet are resolved too."""
    path, _, section = target.partition(":")
    file = ROOT / path
    if section:
        return sections(file)[section]
    text = "\n".join(
        line for line in file.read_text(encoding="utf-8").splitlines() if not MARKER_RE.match(line)
    )
    return resolve_includes(text) if file.suffix == ".md" else text.strip("\n")


def resolve_includes(markdown: str) -> str:
    """Markdown with every include line replaced by what it includes, at its indentation."""
    lines = []
    for line in markdown.splitlines():
        if match := INCLUDE_RE.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            lines += [
                indent + part if part.strip() else ""
                for part in included(match["target"]).splitlines()
            ]
        else:
            lines.append(line)
    return "\n".join(lines)


def resolved(page: Path) -> str:
    """A page's Markdown as its reader sees the text: every include (code, recorded output,
    snippet) inlined, front matter dropped."""
    parsed = read_page(page)
    text = FRONT_MATTER_RE.sub("", parsed.text, count=1) if parsed.front_matter else parsed.text
    return resolve_includes(text) + "\n"
