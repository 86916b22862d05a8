"""The guide's Chinese terminology (glossary.toml): a sound file, and none of its `reject`
variants in the zh pages, the zh snippets, or what the examples print and say (their strings and
comments, and their recorded outputs). Code identifiers are not prose: `stream_mode` is no
"stream 模式"."""

from __future__ import annotations

import io
import tokenize
import tomllib
from pathlib import Path

import pytest

from guide.layout import (
    DOCS,
    OUTPUT_SUFFIX,
    ROOT,
    example_dir,
    iter_pages,
    output_path,
    page_name,
    rel,
)

GLOSSARY = ROOT / "glossary.toml"
TERMS = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["term"]
REJECTED = {variant: term for term in TERMS for variant in term.get("reject", [])}
ZH_PAGES = iter_pages("zh")
ZH_SNIPPETS = sorted(path for path in (ROOT / "snippets" / "zh").rglob("*") if path.is_file())


def test_every_term_has_en_zh_and_a_reject_list() -> None:
    for term in TERMS:
        assert isinstance(term.get("en"), str) and term["en"].strip(), f"no en: {term}"
        assert isinstance(term.get("zh"), str) and term["zh"].strip(), f"no zh: {term}"
        assert isinstance(term.get("reject"), list), f"{term['en']}: no reject list"
        assert all(isinstance(v, str) and v.strip() for v in term["reject"]), term["en"]
        assert set(term) <= {"en", "zh", "reject", "note"}, f"{term['en']}: unknown keys"


def test_no_term_rejects_its_own_choice() -> None:
    for term in TERMS:
        inside = [variant for variant in term["reject"] if variant in term["zh"]]
        assert not inside, f"{term['en']}: {inside} rejected, yet part of its zh {term['zh']!r}"


def test_terms_are_decided_once() -> None:
    ens = [term["en"] for term in TERMS]
    assert len(ens) == len(set(ens)), "a term is listed twice"
    variants = [variant for term in TERMS for variant in term["reject"]]
    assert len(variants) == len(set(variants)), "a variant is rejected twice"
    chosen = {term["zh"] for term in TERMS}
    assert not chosen & set(variants), "a variant is both chosen and rejected"


def example_prose(example: Path) -> list[tuple[int, str]]:
    """(line, text) of each string and comment of an example: what it prints and says."""
    tokens = tokenize.generate_tokens(io.StringIO(example.read_text(encoding="utf-8")).readline)
    kinds = {tokenize.STRING, tokenize.COMMENT}
    if hasattr(tokenize, "FSTRING_MIDDLE"):  # Python 3.12+: f-strings come in parts
        kinds.add(tokenize.FSTRING_MIDDLE)
    return [(token.start[0], token.string) for token in tokens if token.type in kinds]


def file_text(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))


def rejected_in(path: Path, pieces: list[tuple[int, str]]) -> list[str]:
    found = []
    for line, text in pieces:
        variants = [variant for variant in REJECTED if variant in text]
        # "首个令牌" is reported as itself, not also as the "令牌" in it.
        variants = [v for v in variants if not any(v != w and v in w for w in variants)]
        found += [
            f"{rel(path)}:{line}: {variant!r}; the glossary's term for "
            f"{REJECTED[variant]['en']!r} is {REJECTED[variant]['zh']!r}"
            for variant in variants
        ]
    return found


def violations(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        pieces = example_prose(path) if path.suffix == ".py" else file_text(path)
        found += rejected_in(path, pieces)
    return found


def report(found: list[str]) -> str:
    more = f"\n… and {len(found) - 40} more" if len(found) > 40 else ""
    return f"{len(found)} rejected variants (glossary.toml):\n" + "\n".join(found[:40]) + more


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda page: rel(page))
def test_zh_page_uses_the_glossary(page: Path) -> None:
    found = violations([page])
    assert not found, report(found)


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda page: rel(example_dir(page_name(page))))
def test_examples_use_the_glossary(page: Path) -> None:
    """The examples of a page: strings and comments of each .py, and each recorded output."""
    directory = example_dir(page_name(page))
    examples = sorted(directory.rglob("*.py"))
    outputs = [output_path(e) for e in examples if output_path(e).is_file()]
    outputs += sorted(set(directory.rglob(f"*{OUTPUT_SUFFIX}")) - set(outputs))
    found = violations(examples + outputs)
    assert not found, report(found)


@pytest.mark.site_wide
def test_zh_snippets_use_the_glossary() -> None:
    assert ZH_SNIPPETS, "snippets/zh/ holds no file"
    found = violations(ZH_SNIPPETS)
    assert not found, report(found)


def test_the_check_reads_strings_and_comments_not_code(tmp_path: Path) -> None:
    example = tmp_path / "example.py"
    example.write_text(
        'stream_mode = "messages"  # 用 stream 模式\nprint(f"首字时间：{stream_mode}")\n',
        encoding="utf-8",
    )
    found = violations([example])
    assert [line.split(": ", 1)[1].split(";")[0] for line in found] == [
        "'stream 模式'",
        "'首字时间'",
    ]
    output = tmp_path / "example.out"
    output.write_text("收到 3 个令牌\n", encoding="utf-8")
    assert len(violations([output])) == 1
    assert DOCS.is_dir()
