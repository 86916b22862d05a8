"""Each chapter's examples as a Jupyter notebook, executed against the fake model: `make notebooks`.

A chapter is a page whose Python all comes from one examples/ directory. Its notebook holds
each example the page shows as one code cell, in the order the zh page first includes them,
each under the heading of the page section that first shows it; it lives at
docs/<lang>/<page URL>/notebook.ipynb, so the page /concepts/llm-tokens/ has its notebook at
/concepts/llm-tokens/notebook/. The zh and en notebooks share their code cells and outputs;
only the markdown differs.

    python -m guide.notebooks           # execute each chapter once, check, write both languages
    python -m guide.notebooks --check   # are the committed notebooks current? (no execution)

A code cell is the example file with three mechanical changes: the page's section markers and
annotation numbers are dropped (with the extra blank lines a dropped line leaves), and the
closing `asyncio.run(main())` becomes `await main()` (the kernel already runs an event loop);
an example that cannot be changed so fails, naming itself. A cell's output is what it printed
to stdout, which must equal the example's recorded .out file, so notebook and page show the
same thing; the committed notebook is therefore fully determined by examples/ and the pages,
and `--check` (also run by every build) rebuilds it in memory and compares bytes.
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
    includes,
    iter_pages,
    output_path,
    page_url,
    rel,
)
from guide.parity import ANCHOR_RE, FENCE_RE, HEADING_RE
from guide.versions import fill

NOTEBOOK = "notebook.ipynb"
REPLIES = "replies.toml"
CELL_TIMEOUT = 60  # seconds; the slowest example (a stalled stream and its timeout) takes ~3 s
# Examples that print durations round them to tenths, and a loaded machine can tip one over
# into the next tenth; so a chapter whose output differs is executed once more before failing.
ATTEMPTS = 2
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

# The notebook's first cell. Lines end in "\" where a paragraph goes on.
INTRO = {
    "zh": """\
# {title} · 笔记本

这个笔记本收录了[{title}]({url})一页的全部 {count} 个例子，\
顺序与它们在页面上首次出现的顺序相同。每个代码单元是 `examples/` 里的一个完整程序；\
单元下面是它连接本站假模型运行时打印的内容，与页面上的输出一字不差。\
库写到标准错误的警告和日志没有保留，页面上也不显示它们。

**怎样运行**

- 连接假模型（离线，不需要 API key）：克隆本站的仓库，在仓库根目录运行 \
`make fake-model REPLIES={replies}`。假模型按这个文件里写好的内容作答，一直运行到按下 Ctrl-C，\
启动时打印 `OPENAI_BASE_URL` 和 `OPENAI_API_KEY` 该设成什么。\
在笔记本的第一个单元里用 `%env` 设置它们（或者在启动 Jupyter 之前设置），再依次运行各个单元；\
内核要能导入仓库环境（`.venv`）里的库。模拟的断连和卡顿只出现在同一个提示词的头几次请求里，\
想再看一遍就重启假模型。
- 只核对、不交互：`make notebooks` 会对假模型重新执行每一个笔记本，任何输出与记录不符都会报错；\
`make example EX={example}` 单独运行一个例子。
- 连接真实的 OpenAI：在启动 Jupyter 的环境里设置 `OPENAI_API_KEY`\
（不要设置 `OPENAI_BASE_URL`），再从上到下依次运行各个单元。\
真实模型的回答和耗时会与这里的输出不同。

**与源文件的区别**

代码就是 `examples/` 里的源文件，只去掉了页面用的片段标记（`# --8<-- [start:…]`）\
和注释编号（`# (1)!`）。
""",
    "en": """\
# {title}: the notebook

This notebook holds all {count} examples of the [{title}]({url}) page, in the order the page \
first shows them. Each code cell is one complete program from `examples/`; under it is what \
that program printed when run against this site's fake model, exactly the output the page \
shows. Warnings and log lines that libraries write to stderr are left out, as on the page.

**How to run it**

- Against the fake model (offline, no API key): clone this site's repository and run \
`make fake-model REPLIES={replies}` at its root. The fake model answers from that file until you \
press Ctrl-C, and prints what to set `OPENAI_BASE_URL` and `OPENAI_API_KEY` to when it starts. \
Set them with `%env` in the notebook's first cell (or before starting Jupyter), then run the \
cells in order; the kernel must be able to import the packages of the repository's environment \
(`.venv`). Simulated dropped connections and stalls happen only on a prompt's first attempts; \
restart the fake model to see them again.
- To check rather than explore: `make notebooks` runs every notebook again against the fake \
model and fails if any output differs from the recorded one; `make example EX={example}` runs \
one example on its own.
- Against the real OpenAI API: set `OPENAI_API_KEY` (and leave `OPENAI_BASE_URL` unset) in \
the environment Jupyter starts from, then run the cells from top to bottom. A real model's \
answers and timings will differ from the outputs here.

**How the code differs from the source files**

The code is that of the source files in `examples/`, minus the page's section markers \
(`# --8<-- [start:…]`) and annotation numbers (`# (1)!`).
""",
}
# Added to INTRO when the chapter has an example ending in `asyncio.run(main())`.
AWAIT = {
    "zh": """
还有一处改动：异步的例子作为脚本运行时以 `asyncio.run(main())` 结尾，\
而 Jupyter 的内核本身已经在运行一个事件循环，在单元里再调用 `asyncio.run()` 会抛出 \
`RuntimeError: asyncio.run() cannot be called from a running event loop`。\
所以笔记本把结尾的 `if __name__ == "__main__": asyncio.run(main())` 换成了顶层的 \
`await main()`，IPython 允许在单元顶层直接 `await`。
""",
    "en": """
One more change: as scripts, the async examples end with `asyncio.run(main())`, but a Jupyter \
kernel already runs an event loop, and calling `asyncio.run()` inside it raises \
`RuntimeError: asyncio.run() cannot be called from a running event loop`. So the notebook \
replaces the closing `if __name__ == "__main__": asyncio.run(main())` with a top-level \
`await main()`, which IPython allows in a cell.
""",
}


class NotebookError(Exception):
    """A notebook cannot be made, or is not what examples/ make now; the message says which."""


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    anchor: str


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
    title, trail, fence, under = None, [], None, {}
    for number, line in enumerate(fill(page.read_text(encoding="utf-8")).splitlines(), start=1):
        opened = FENCE_RE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
        elif fence is not None and line.strip() == fence:
            fence = None
        elif fence is None and (heading := HEADING_RE.match(line)):
            level, text = len(heading["level"]), heading["title"]
            if level == 1:
                title = title or text
            else:
                anchor = ANCHOR_RE.search(text)
                if not anchor:
                    raise NotebookError(f"{rel(page)}:{number}: heading without {{ #anchor }}")
                plain = text[: anchor.start()].strip()
                trail = [h for h in trail if h.level < level] + [
                    Heading(level, plain, anchor["id"])
                ]
        under[number] = tuple(trail)
    if title is None:
        raise NotebookError(f"{rel(page)} has no `# title` line")
    return title, under


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
    intro = INTRO[language].format(
        title=title,
        url=url,
        count=len(chapter.examples),
        replies=rel(chapter.replies),
        example=rel(chapter.examples[0]),
    )
    if any(awaits(example) for example in chapter.examples):
        intro += AWAIT[language]
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


def generate() -> None:
    with FakeOpenAI() as server:
        for chapter in chapters():
            for attempt in range(1, ATTEMPTS + 1):
                started = time.perf_counter()
                printed = execute(chapter.examples, chapter.replies, server)
                diff = differences(chapter, printed)
                if not diff:
                    break
                if attempt == ATTEMPTS:
                    raise NotebookError(
                        f"{chapter.page}: in Jupyter, examples printed something other than their "
                        f"recorded output ({ATTEMPTS} runs). If the examples changed, run "
                        f"`make outputs` first.\n{diff}"
                    )
                print(f"{chapter.page}: output differs from the recorded one; once more:\n{diff}")
            for language in LANGUAGES:
                path = chapter.notebook(language)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(render(build(chapter, language, printed)), encoding="utf-8")
                print(f"wrote {rel(path)}")
            print(f"  {len(printed)} examples executed in {time.perf_counter() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, without executing")
    args = parser.parse_args()
    try:
        if args.check:
            problems = [problem for language in LANGUAGES for problem in stale(language)]
            if problems:
                print("\n".join(problems) + "\nrun `make notebooks`", file=sys.stderr)
                return 1
        else:
            generate()
    except NotebookError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
