"""Each chapter's examples as a Jupyter notebook, written from their recorded outputs.

A chapter is a page whose Python all comes from one examples/ directory. Its notebook holds
each example the page shows as one code cell, in the order the zh page first includes them,
each under the heading of the page section that first shows it; it lives at
docs/<lang>/<page URL>/notebook.ipynb, so the page /concepts/llm-tokens/ has its notebook at
/concepts/llm-tokens/notebook/. The zh and en notebooks share their code cells and outputs;
only the markdown differs.

    python -m guide notebooks [--page P]             # write both languages (make notebooks)
    python -m guide notebooks --check [--page P]     # are the committed notebooks current?
    python -m guide notebooks --execute [--page P]   # do the cells print the same in Jupyter?

Writing needs no kernel: a cell's output is the example's recorded .out file, which the test
suite checks against a real run. `--execute` runs the cells in a Jupyter kernel against the fake
model and compares what they print with the same files.

A code cell is the example file with three mechanical changes: the page's section markers and
annotation numbers are dropped (with the extra blank lines a dropped line leaves), and the
closing `asyncio.run(main())` becomes `await main()` (the kernel already runs an event loop);
an example that cannot be changed so fails, naming itself. The committed notebook is fully
determined by examples/ and the pages, and `--check` (also run by every build) rebuilds it in
memory and compares bytes.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from fake_openai import OVERRIDING_ENV, FakeOpenAI, Script
from guide.layout import (
    DOCS,
    LANGUAGES,
    MARKER_RE,
    ROOT,
    Heading,
    includes,
    iter_pages,
    output_path,
    page_url,
    read_page,
    rel,
)

NOTEBOOK = "notebook.ipynb"
REPLIES = "replies.toml"
CELL_TIMEOUT = 60  # seconds; the slowest example (a stalled stream and its timeout) takes ~3 s
# A notebook is made from files; which file to fix depends on which of them is wrong.
STALE_FIX = (
    "A notebook is written from its chapter's examples, their recorded .out files and the page. "
    "If an .out file changed by mistake, run `make outputs` (or revert it); "
    "otherwise run `make notebooks`."
)
CONFIG_FILES = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}

ANNOTATION_RE = re.compile(r"[ \t]*# \(\d+\)!$", re.MULTILINE)
MAIN_GUARD_RE = re.compile(
    r'^if __name__ == "__main__":\n    asyncio\.run\(main\(\)\)\n', re.MULTILINE
)
EXTRA_BLANK_LINES_RE = re.compile(r"\n{4,}")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
# As ipykernel reports it, minus the exact Python version, which would differ between machines.
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}

# The notebook's first cell, and what it adds for a chapter with an example ending in
# `asyncio.run(main())`: Markdown templates beside the other shared fragments, one per language.
INTRO = "snippets/{language}/notebook-intro.md"
AWAIT = "snippets/{language}/notebook-await.md"


def template(name: str, language: str) -> str:
    return (ROOT / name.format(language=language)).read_text(encoding="utf-8")


class NotebookError(Exception):
    """A notebook cannot be made, or is not what examples/ make now; the message says which."""


@dataclass(frozen=True)
class Chapter:
    page: str  # relative to docs/<lang>/, e.g. "concepts/llm-tokens.md"
    examples: tuple[Path, ...]  # in the order the zh page first includes them

    @property
    def url(self) -> str:
        """The page's URL below the site root, e.g. "concepts/llm-tokens/" ("" for index.md)."""
        return page_url(self.page)

    def notebook(self, language: str) -> Path:
        return DOCS / language / self.url / NOTEBOOK

    @property
    def replies(self) -> Path:
        return self.examples[0].parent / REPLIES


def chapters() -> list[Chapter]:
    """Every zh page that shows Python, with its examples; a page's Python comes from one
    directory and a directory belongs to one page, or there is no single notebook to make."""
    found, owner = [], {}
    for page in iter_pages("zh"):
        examples = list(
            dict.fromkeys(ROOT / i.path for i in includes(page) if i.path.endswith(".py"))
        )
        if not examples:
            continue
        directories = sorted({rel(example.parent) for example in examples})
        if len(directories) > 1:
            raise NotebookError(f"{rel(page)} shows examples from {directories}; use one directory")
        directory = examples[0].parent
        if directory in owner:
            raise NotebookError(f"{rel(directory)} is shown on {owner[directory]} and {rel(page)}")
        owner[directory] = rel(page)
        found.append(Chapter(page.relative_to(DOCS / "zh").as_posix(), tuple(examples)))
    return found


def code(example: Path) -> str:
    """The example as a notebook cell; see the module docstring for the three changes."""
    source = example.read_text(encoding="utf-8")
    source = "\n".join(line for line in source.splitlines() if not MARKER_RE.match(line)) + "\n"
    source = ANNOTATION_RE.sub("", source)
    source = MAIN_GUARD_RE.sub("await main()\n", source)
    if "asyncio.run(" in source:
        line = source[: source.index("asyncio.run(")].count("\n") + 1
        raise NotebookError(
            f"{rel(example)}: `asyncio.run(` left in the notebook cell (line {line} of it). "
            'Only a closing `if __name__ == "__main__":\\n    asyncio.run(main())` can become '
            "`await main()`; asyncio.run() fails inside Jupyter's running event loop."
        )
    return EXTRA_BLANK_LINES_RE.sub("\n\n\n", source).strip("\n")


def awaits(example: Path) -> bool:
    return "await main()" in code(example).splitlines()


def page_headings(page: Path) -> tuple[str, dict[int, tuple[Heading, ...]]]:
    """The page's title, and for each line the headings (h2 and deeper) it sits under."""
    parsed = read_page(page)
    titles = [h.title for h in parsed.headings if h.level == 1]
    if not titles:
        raise NotebookError(f"{rel(page)} has no `# title` line")
    starts = {h.line: h for h in parsed.headings if h.level > 1}
    trail: list[Heading] = []
    under = {}
    for number in range(1, len(parsed.lines) + 1):
        if heading := starts.get(number):
            if heading.anchor is None:
                raise NotebookError(f"{rel(page)}:{number}: heading without {{ #anchor }}")
            trail = [h for h in trail if h.level < heading.level] + [heading]
        under[number] = tuple(trail)
    return titles[0], under


@cache
def site_url(language: str) -> str:
    """The language's site_url as its config file says, for links that also work in Jupyter.

    Read from the file rather than loaded: the build may serve the site elsewhere (SITE_URL),
    and the build rebases these links onto wherever it is served (guide/hooks/notebook.py).
    """
    text = CONFIG_FILES[language].read_text(encoding="utf-8")
    return re.search(r"^site_url:\s*(\S+)\s*$", text, re.MULTILINE).group(1).rstrip("/") + "/"


def build(chapter: Chapter, language: str, outputs: list[str]) -> NotebookNode:
    """The notebook in `language`, with `outputs[i]` as what example i printed."""
    page = DOCS / language / chapter.page
    title, under = page_headings(page)
    first_shown = {}
    for include in includes(page):
        first_shown.setdefault(ROOT / include.path, under[include.line])
    url = site_url(language) + chapter.url
    intro = template(INTRO, language).format(
        title=title,
        url=url,
        count=len(chapter.examples),
        replies=rel(chapter.replies),
        example=rel(chapter.examples[0]),
        page=chapter.page.removesuffix(".md"),
    )
    if any(awaits(example) for example in chapter.examples):
        intro += "\n" + template(AWAIT, language)
    cells = [new_markdown_cell(intro.rstrip("\n"), id="intro")]
    shown: tuple[Heading, ...] = ()
    for number, (example, printed) in enumerate(zip(chapter.examples, outputs, strict=True), 1):
        if example not in first_shown:
            raise NotebookError(f"{rel(page)} does not show {rel(example)}")
        trail = first_shown[example]
        new = [h for h in trail if h not in shown]
        shown = trail
        lines = [f"{'#' * h.level} [{h.title}]({url}#{h.anchor})\n\n" for h in new]
        cells.append(
            new_markdown_cell("".join(lines) + f"`{rel(example)}`", id=f"{example.stem}-md")
        )
        cells.append(
            new_code_cell(
                code(example),
                id=example.stem,
                execution_count=number,
                outputs=[new_output("stream", name="stdout", text=printed)] if printed else [],
            )
        )
    notebook = new_notebook(
        cells=cells, metadata={"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
    )
    nbformat.validate(notebook)
    return notebook


def recorded(example: Path) -> str:
    out = output_path(example)
    return out.read_text(encoding="utf-8") if out.exists() else ""


def render(notebook: NotebookNode) -> str:
    return nbformat.writes(notebook) + "\n"


def difference(chapter: Chapter, language: str, committed: str) -> str | None:
    """What is wrong with `committed` as the chapter's notebook in `language`, if anything. It
    must be, byte for byte, what the examples, their recorded outputs and the page make now:
    so its code is current, its outputs are the .out files, and it holds no error."""
    expected = render(build(chapter, language, [recorded(e) for e in chapter.examples]))
    if committed == expected:
        return None
    diff = difflib.unified_diff(
        committed.splitlines(), expected.splitlines(), "committed", "expected", lineterm="", n=1
    )
    return "\n".join(list(diff)[:40])


def stale(language: str) -> list[str]:
    """What is wrong with the committed notebooks of `language`; cheap, no execution."""
    problems = []
    for chapter in chapters():
        path = chapter.notebook(language)
        if not path.exists():
            problems.append(f"{rel(path)} is missing")
        elif diff := difference(chapter, language, path.read_text(encoding="utf-8")):
            problems.append(f"{rel(path)} is stale:\n{diff}")
    return problems


def execute(examples: Sequence[Path], replies: Path, server: FakeOpenAI) -> list[str]:
    """Run the examples as the code cells of one notebook in a fresh kernel, answered by
    `server` from `replies`; what each printed."""
    cells = [new_code_cell(code(example), id=example.stem) for example in examples]
    notebook = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    env = {name: value for name, value in os.environ.items() if name not in OVERRIDING_ENV}
    env.update(server.env, LANGSMITH_TRACING="false", LANGCHAIN_TRACING_V2="false")
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        kernel_name=KERNELSPEC["name"],
        # Quiet its warning that it talks to us over loopback TCP without encryption.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    with tempfile.TemporaryDirectory() as cwd, server.scripted(Script.load(replies)):
        try:
            client.execute(env=env, cwd=cwd)
        except (CellExecutionError, CellTimeoutError) as exc:
            ran = [e for e, cell in zip(examples, cells, strict=True) if cell.execution_count]
            raise NotebookError(f"{rel(ran[-1])} failed in the notebook:\n{exc}") from None
        if server.unscripted:
            raise NotebookError(
                f"the notebook sent prompts with no scripted reply: {server.unscripted!r}; "
                f"add them to {rel(replies)}"
            )
    printed = []
    for example, cell in zip(examples, cells, strict=True):
        shown = {output.output_type for output in cell.outputs} - {"stream"}
        if shown:
            raise NotebookError(f"{rel(example)} shows {sorted(shown)} in the notebook, not text")
        printed.append("".join(o.text for o in cell.outputs if o.name == "stdout"))
    return printed


def differences(chapter: Chapter, printed: list[str]) -> str:
    """Unified diffs, recorded against printed, of the examples whose output differs."""
    return "".join(
        "".join(
            difflib.unified_diff(
                recorded(example).splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"{rel(output_path(example))} (recorded)",
                tofile=f"{rel(example)} (in the notebook)",
            )
        )
        for example, text in zip(chapter.examples, printed, strict=True)
    )


def write(selected: Sequence[Chapter]) -> None:
    """Write each chapter's notebooks from its examples and their recorded outputs."""
    for chapter in selected:
        outputs = [recorded(example) for example in chapter.examples]
        for language in LANGUAGES:
            path = chapter.notebook(language)
            text = render(build(chapter, language, outputs))
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                print(f"wrote {rel(path)}")


def check_in_jupyter(selected: Sequence[Chapter]) -> None:
    """Run each chapter's cells in a fresh Jupyter kernel against the fake model; what they
    print must be the recorded outputs."""
    with FakeOpenAI() as server:
        for chapter in selected:
            started = time.perf_counter()
            diff = differences(chapter, execute(chapter.examples, chapter.replies, server))
            if diff:
                raise NotebookError(
                    f"{chapter.page}: in Jupyter, examples printed something other than their "
                    f"recorded output. If the examples changed, run `make outputs` first.\n{diff}"
                )
            took = time.perf_counter() - started
            print(f"{chapter.page}: {len(chapter.examples)} cells ran in Jupyter in {took:.1f} s")


def select(page: str | None) -> list[Chapter]:
    """Every chapter, or the one whose page is `page` (e.g. "concepts/llm-tokens")."""
    every = chapters()
    if page is None:
        return every
    chosen = [c for c in every if c.page.removesuffix(".md") == page.removesuffix(".md")]
    if not chosen:
        names = ", ".join(c.page.removesuffix(".md") for c in every)
        raise NotebookError(f"no chapter {page!r}; chapters: {names}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m guide notebooks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--page", help="one chapter, e.g. concepts/llm-tokens (default: all)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", action="store_true", help="only check, write nothing")
    action.add_argument(
        "--execute", action="store_true", help="run the cells in Jupyter; write nothing"
    )
    args = parser.parse_args(argv)
    try:
        selected = select(args.page)
        if args.check:
            problems = [
                problem
                for language in LANGUAGES
                for problem in stale(language)
                if any(rel(c.notebook(language)) in problem for c in selected)
            ]
            if problems:
                print("\n".join(problems) + f"\n{STALE_FIX}", file=sys.stderr)
                return 1
        elif args.execute:
            check_in_jupyter(selected)
        else:
            write(selected)
    except NotebookError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0
