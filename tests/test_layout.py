"""The project's layout: what may import what.

`tests` holds tests and their helpers only. The fake model (`fake_openai`), the site machinery
(`guide`), the benchmark (`bench`) and the examples readers copy must work without it, so none of
them imports `tests`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from guide.layout import EXAMPLES, ROOT, example_dir, includes, iter_pages, page_name, rel

PRODUCT = ("guide", "fake_openai", "bench", "examples")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("folder", PRODUCT)
def test_nothing_outside_tests_imports_tests(folder: str) -> None:
    offenders = [
        f"{rel(path)} imports {module}"
        for path in sorted((ROOT / folder).rglob("*.py"))
        for module in sorted(imported_modules(path))
        if module == "tests" or module.startswith("tests.")
    ]
    assert not offenders, "move what they need out of tests/:\n" + "\n".join(offenders)


def test_the_import_check_sees_an_import_of_tests(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom tests.support import served\n", encoding="utf-8")
    assert imported_modules(module) == {"os", "tests.support"}


@pytest.mark.parametrize("page", iter_pages("zh"), ids=rel)
def test_examples_mirror_the_page(page: Path) -> None:
    """A block on /concepts/llm-tokens/ lives in examples/concepts/llm_tokens/."""
    name = page_name(page)
    home = example_dir(name)
    elsewhere = sorted(
        {inc.path for inc in includes(page) if inc.path.startswith("examples/")}
        - {inc.path for inc in includes(page) if (ROOT / inc.path).is_relative_to(home)}
    )
    assert not elsewhere, f"{rel(page)} shows examples outside {rel(home)}/: {elsewhere}"


def test_example_directories_mirror_page_paths() -> None:
    assert example_dir("concepts/llm-tokens") == EXAMPLES / "concepts" / "llm_tokens"
    assert example_dir("index") == EXAMPLES / "overview"
