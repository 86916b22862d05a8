"""Pages point at examples correctly: every include resolves, nothing is orphaned."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from guide.layout import (
    EXAMPLES,
    LANGUAGES,
    OUTPUT_SUFFIX,
    ROOT,
    includes,
    iter_examples,
    iter_pages,
    rel,
    sections,
    typed_python,
)


def shown() -> dict[str, set[tuple[str, str | None]]]:
    """For each language: the (path, section) pairs its pages include."""
    by_language: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for language in LANGUAGES:
        for page in iter_pages(language):
            by_language[language].update((inc.path, inc.section) for inc in includes(page))
    return by_language


@pytest.mark.parametrize("page", iter_pages(), ids=rel)
def test_every_include_resolves(page: Path) -> None:
    for inc in includes(page):
        where = f"{rel(page)}:{inc.line}"
        target = ROOT / inc.path
        assert target.is_file(), f"{where} includes {inc.path}, which does not exist"
        if target.suffix == ".py":
            assert target.is_relative_to(EXAMPLES), f"{where}: code comes from examples/ only"
            names = sections(target)
            if inc.section is None:
                assert not names, (
                    f"{where} includes all of {inc.path}, whose sections {sorted(names)} are "
                    "meant to be shown one by one: include one, e.g. "
                    f"{inc.path}:{next(iter(names))}"
                )
                continue
            assert inc.section in names, (
                f"{where} includes section {inc.section!r} of {inc.path}, which has {sorted(names)}"
            )
        elif target.suffix == OUTPUT_SUFFIX:
            assert target.with_suffix(".py").is_file(), f"{where}: {inc.path} belongs to no example"


@pytest.mark.parametrize("page", iter_pages(), ids=rel)
def test_python_blocks_only_include_examples(page: Path) -> None:
    """A page never carries its own Python; it includes it from examples/ (guide/hooks/authoring.py
    warns about it while serving)."""
    typed = typed_python(page)
    assert not typed, "\n".join(typed)


@pytest.mark.parametrize("example", iter_examples(), ids=rel)
def test_sections_are_balanced_unique_and_shown(example: Path) -> None:
    """An example is shown section by section, or, without sections, whole (the practice
    pages show whole programs)."""
    names = sections(example)  # raises, naming the line, on unbalanced or repeated markers
    for language, pairs in shown().items():
        if not names:
            assert (rel(example), None) in pairs, (
                f"{rel(example)} has no `# --8<-- [start:name]` section and is shown whole on "
                f"no {language} page"
            )
        for name in names:
            assert (rel(example), name) in pairs, (
                f"section {name!r} of {rel(example)} is shown on no {language} page"
            )


@pytest.mark.parametrize("recorded", sorted(EXAMPLES.rglob(f"*{OUTPUT_SUFFIX}")), ids=rel)
def test_recorded_outputs_belong_and_are_shown(recorded: Path) -> None:
    assert recorded.with_suffix(".py").is_file(), f"{rel(recorded)} belongs to no example"
    for language, pairs in shown().items():
        assert (rel(recorded), None) in pairs, (
            f"{rel(recorded)} is recorded but no {language} page shows it"
        )
