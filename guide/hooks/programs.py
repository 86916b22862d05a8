"""MkDocs hook: every code block offers its whole program, and a link to it in the repository.

A page shows code by including an example or a section of one:
    ```python title="examples/concepts/llm_tokens/text_chunks.py"
    --8<-- "examples/concepts/llm_tokens/text_chunks.py:main"
    ```
Under such a block (after its annotation list, which Material needs right below the code), this
hook adds, at the block's own indentation:
- when the block shows part of the program: a collapsed `<details class="program">` holding the
  whole file (guide.layout.Program: without section and annotation markers) with the lines the
  block shows highlighted, and a link to the file in the repository, at those lines;
- when the block already shows the whole program (all of it but the module docstring): only the
  link.
Both stay out of the search index (`data-search-exclude`): the code is the page's already.
Notebook pages, generated from whole files, get nothing.

Links point into `repo_url` at the branch that `edit_uri` (edit/<branch>/docs/<lang>/) names, so
that the edit button and the file links agree. On GitHub Actions the repository is the one being
built (GITHUB_SERVER_URL/GITHUB_REPOSITORY), wherever it lives; elsewhere, mkdocs.yml's.
The labels are the language's, from `extra.program` in mkdocs.yml / mkdocs.en.yml.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.layout import INCLUDE_RE, PYTHON_INFO, ROOT, Fence, Program, program
from guide.layout import Page as Markdown

EDIT_URI_RE = re.compile(r"^edit/(?P<branch>[^/]+)/docs/[a-z]+/$")
LIST_ITEM_RE = re.compile(r"^\d+\.\s")
PROGRAM_CLASS = "program"  # overrides/assets/stylesheets/extra.css styles it


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if server and repository:
        config.repo_url = f"{server.rstrip('/')}/{repository}"
        config.repo_name = repository
    if not EDIT_URI_RE.match(config.edit_uri or ""):
        raise PluginError(
            f"edit_uri {config.edit_uri!r}: expected edit/<branch>/docs/<language>/, the branch "
            "that the links to example files use too"
        )
    return config


def source_url(config: MkDocsConfig, path: str, lines: tuple[int, int] | None = None) -> str:
    """The file `path` (relative to the project root) in the repository; at `lines`, if given."""
    branch = EDIT_URI_RE.match(config.edit_uri)["branch"]
    anchor = f"#L{lines[0]}-L{lines[1]}" if lines else ""
    return f"{config.repo_url.rstrip('/')}/blob/{branch}/{path}{anchor}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:  # notebook pages show whole files already
        return markdown
    labels = config.extra["program"]
    lines = markdown.splitlines()
    # Bottom up, so that adding below a block leaves the line numbers above it as they are.
    for fence in reversed(Markdown(Path(page.file.src_uri), markdown).fences):
        shown = shown_example(fence)
        if shown is None:
            continue
        path, section = shown
        whole = program(ROOT / path)
        at = below(lines, fence)
        lines[at:at] = ["", *offer(whole, path, section, fence.indent, labels, config)]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def shown_example(fence: Fence) -> tuple[str, str | None] | None:
    """(path, section or None) of the example a Python block shows, if it shows one."""
    if fence.language not in PYTHON_INFO or len(fence.body) != 1:
        return None
    include = INCLUDE_RE.match(fence.body[0])
    if not include:
        return None
    path, _, section = include["target"].partition(":")
    return (path, section or None) if path.endswith(".py") else None


def below(lines: list[str], fence: Fence) -> int:
    """Where to add under a block: after its closing line, or after the annotation list that
    follows it (Material reads a code block's annotations from the list right below it)."""
    after = fence.line + len(fence.body) + 1  # 0-based: the line after the closing fence
    index, end = after, after
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or not _item(lines[index], fence.indent):
        return end
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _item(line, fence.indent) or line.startswith(fence.indent + "    "):
            index += 1
            end = index
            continue
        break
    return end


def _item(line: str, indent: str) -> bool:
    return line.startswith(indent) and bool(LIST_ITEM_RE.match(line[len(indent) :]))


def offer(
    whole: Program, path: str, section: str | None, indent: str, labels: dict, config: MkDocsConfig
) -> list[str]:
    """The Markdown added under a block that shows `section` of `path` (None: all of it)."""
    name = html.escape(Path(path).name)
    if whole.shows_all(section):
        link = _link(source_url(config, path), labels["view"].format(name=name))
        return [f'{indent}<p class="{PROGRAM_CLASS}-link" data-search-exclude="">{link}</p>', ""]
    assert section is not None
    first, last = whole.spans[section]
    link = _link(
        source_url(config, path, whole.file_spans[section]), labels["view"].format(name=name)
    )
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", whole.text)), default=0))
    code = [f"{indent}{line}" if line.strip() else "" for line in whole.lines]
    return [
        f'{indent}<details class="{PROGRAM_CLASS}" data-search-exclude="" markdown>',
        f"{indent}<summary>{labels['summary'].format(name=name)}</summary>",
        "",
        f"{indent}{html.escape(labels['highlighted'])} {link}",
        "",
        f'{indent}{fence}python hl_lines="{first}-{last}"',
        *code,
        f"{indent}{fence}",
        "",
        f"{indent}</details>",
        "",
    ]


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{text}</a>'
