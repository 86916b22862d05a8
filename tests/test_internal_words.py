"""The built site never mentions the texts the guide grew from, nor its internal files: every
page of both languages (code, file names and outputs included), every notebook (.ipynb) and the
llms*.txt files.

"seed" is an internal word, and also the name of real parameters: `random.seed(42)`,
`ChatOpenAI(seed=7)` (OpenAI's reproducibility parameter), `{"seed": 7}`. Those three forms are
allowed, so that a page may show them; every other "seed" (a word, or part of a name such as
`drop_seed.py` or `seed_count`) is not. The Chinese words are never legitimate here.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from guide.layout import LANGUAGES, language_dir, page_templates

# English: whole words, where "_" separates words too (file and variable names), any case.
ENGLISH = ["seed", "seeds", "seeded", "source text", "source texts", "pilot page", "pilot pages"]
CHINESE = ["种子", "底稿", "底本", "同题资料"]  # 种子资料 too
# The repository's internal files.
FILES = ["DESIGN.md", "GUIDE.md", "HELPER_RULES", "streaming-coverage", "pilot-pages"]
ALLOWED_RE = re.compile(
    r"""\.seed\(          # random.seed(42), np.random.seed(0)
      | \bseed\s*=(?!=)   # a keyword argument: ChatOpenAI(seed=7)
      | (["'])seed\1      # a key: {"seed": 7}
    """,
    re.VERBOSE,
)
INTERNAL_RE = re.compile(
    "|".join(
        [rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])" for word in ENGLISH]
        + [re.escape(word) for word in CHINESE + FILES]
    ),
    re.IGNORECASE,
)
TAG_RE = re.compile(r"<[^>]+>")
CONTEXT = 30  # characters either side of a finding, in the message


def internal_words(text: str) -> list[str]:
    """Each internal word in `text`, with a little of its context."""
    allowed = [found.span() for found in ALLOWED_RE.finditer(text)]
    return [
        text[max(0, found.start() - CONTEXT) : found.end() + CONTEXT].replace("\n", " ")
        for found in INTERNAL_RE.finditer(text)
        if not any(start <= found.start() < end for start, end in allowed)
    ]


def visible_text(page: Path) -> str:
    """A page's text: tags dropped (so that highlighted code reads as code), entities decoded."""
    return html.unescape(TAG_RE.sub("", page.read_text(encoding="utf-8")))


def report(where: str, found: list[str]) -> str:
    shown = "\n".join(f"  …{context}…" for context in found[:15])
    more = f"\n  and {len(found) - 15} more" if len(found) > 15 else ""
    return f"{where} mentions internal words {len(found)} times:\n{shown}{more}"


PAGES = [(language, url) for language in LANGUAGES for url in page_templates(language)]


@pytest.mark.parametrize(("language", "url"), PAGES)
def test_page_has_no_internal_words(built_site: Path, language: str, url: str) -> None:
    page = built_site / language_dir(language) / url / "index.html"
    found = internal_words(visible_text(page))
    assert not found, report(f"/{language_dir(language)}{url}", found)


@pytest.mark.site_wide
@pytest.mark.parametrize("language", LANGUAGES)
def test_notebooks_and_llms_txt_have_no_internal_words(built_site: Path, language: str) -> None:
    root = built_site / language_dir(language)
    others = [built_site / language_dir(other) for other in LANGUAGES if language_dir(other)]
    notebooks = [
        path
        for path in root.rglob("*.ipynb")
        if not any(path.is_relative_to(other) for other in others if other != root)
    ]
    files = sorted(root.glob("llms*.txt")) + sorted(notebooks)
    assert len(files) >= 3, f"expected llms.txt, llms-full.txt and notebooks in {root}"
    problems = [
        report(path.relative_to(built_site).as_posix(), found)
        for path in files
        if (found := internal_words(path.read_text(encoding="utf-8")))
    ]
    assert not problems, "\n".join(problems)


def test_the_check_catches_internal_words_and_allows_the_seed_parameters() -> None:
    caught = [
        "本页以一份同题资料为底稿",
        "种子资料里的误解",
        "The seed's example",
        "Seeds of the guide",
        "examples/concepts/llm_tokens/drop_seed.py",
        "async def seed_count(model)",
        "see the pilot pages",
        "as GUIDE.md says",
    ]
    for text in caught:
        assert internal_words(text), f"not caught: {text!r}"
    for text in ["random.seed(42)", "ChatOpenAI(model='gpt-4o-mini', seed=7)", '{"seed": 7}']:
        assert not internal_words(text), f"flagged, though legitimate: {text!r}"
    for text in ["seedling", "linseed", "proceeds", "speed"]:
        assert not internal_words(text), f"flagged, though another word: {text!r}"
