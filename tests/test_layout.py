"""The project's layout: what may import what.

`tests` holds tests and their helpers only. The fake model (`fake_openai`), the site machinery
(`guide`), the benchmark (`bench`) and the examples readers copy must work without it, so none of
them imports `tests`. And every package any of them imports is declared in pyproject.toml, so
none arrives only because something else happens to depend on it.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from guide.layout import EXAMPLES, ROOT, example_dir, includes, iter_pages, page_name, rel

PRODUCT = ("guide", "fake_openai", "bench", "examples")
REQUIREMENT_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")


@cache  # both checks below read every module
def imported_modules(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return frozenset(found)


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


def test_no_example_shadows_a_standard_module() -> None:
    """`python x.py` puts the example's folder first on sys.path: an example named like a
    standard module (concurrent.py, say) would be imported in its place, by asyncio among
    others, and every example beside it would fail when a reader runs it."""
    examples = EXAMPLES.rglob("*.py")
    shadowing = [rel(path) for path in examples if path.stem in sys.stdlib_module_names]
    assert not shadowing, f"rename these examples: {shadowing}"


def test_example_directories_mirror_page_paths() -> None:
    assert example_dir("concepts/llm-tokens") == EXAMPLES / "concepts" / "llm_tokens"
    assert example_dir("index") == EXAMPLES / "overview"


def normalized(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def declared_distributions() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = project["project"]["dependencies"] + [
        requirement
        for group in project["dependency-groups"].values()
        for requirement in group
        if isinstance(requirement, str)
    ]
    return {normalized(REQUIREMENT_NAME_RE.match(r).group()) for r in requirements}


def undeclared_imports(paths: list[Path], declared: set[str]) -> list[str]:
    """`path imports module`, for each import of a module outside the standard library and the
    project whose distribution is not in `declared`."""
    distributions = packages_distributions()
    problems = []
    for path in paths:
        for module in sorted(imported_modules(path)):
            top = module.partition(".")[0]
            if top in sys.stdlib_module_names or (ROOT / top).is_dir():
                continue
            provided_by = {normalized(d) for d in distributions.get(top, [])}
            if not provided_by & declared:
                problems.append(f"{rel(path)} imports {top} ({', '.join(provided_by) or '?'})")
    return problems


def test_every_imported_package_is_declared() -> None:
    paths = [
        path for folder in (*PRODUCT, "tests") for path in sorted((ROOT / folder).rglob("*.py"))
    ]
    problems = undeclared_imports(paths, declared_distributions())
    assert not problems, "declare them in pyproject.toml:\n" + "\n".join(problems)


def test_the_declaration_check_sees_an_undeclared_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import json\nimport guide.layout\nimport pydantic\nfrom nbformat import v4\n",
        encoding="utf-8",
    )
    assert undeclared_imports([module], {"pydantic"}) == [f"{module} imports nbformat (nbformat)"]
