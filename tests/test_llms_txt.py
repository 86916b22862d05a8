"""/llms.txt and /llms-full.txt of each language (guide/hooks/llms.py), as the build writes them:
the index lists every page with a description, and the full text holds every page with its code
and recorded outputs inlined."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import notebooks
from guide.layout import (
    DOCS,
    LANGUAGES,
    ROOT,
    included,
    includes,
    iter_pages,
    language_dir,
    page_url,
    read_page,
)
from guide.versions import fill

CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
ENTRY_RE = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>[^)]+)\): (?P<description>\S.*)$")
LINK_RE = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)")


def setting(language: str, key: str) -> str:
    text = (ROOT / CONFIGS[language]).read_text(encoding="utf-8")
    return re.search(rf"^{key}: (?P<value>.+)$", text, re.MULTILINE)["value"]


def title(page: Path) -> str:
    return fill(next(h.title for h in read_page(page).headings if h.level == 1))


def broken(built_site: Path, site_url: str, text: str) -> list[str]:
    """The links of `text` into the site that lead to no file of it."""
    found = []
    for link in LINK_RE.finditer(text):
        url = link["url"].split("#")[0]
        if not url.startswith(site_url):
            continue  # another site: the weekly workflow checks those
        path = built_site / url.removeprefix(site_url)
        if not (path / "index.html" if url.endswith("/") else path).is_file():
            found.append(link["url"])
    return found


@pytest.mark.site_wide
@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_txt_lists_every_page(built_site: Path, site_url: str, language: str) -> None:
    root = site_url + language_dir(language)
    lines = (built_site / language_dir(language) / "llms.txt").read_text().splitlines()
    assert lines[0] == f"# {setting(language, 'site_name')}", "the H1 is the site's name"
    assert lines[2] == f"> {setting(language, 'site_description')}", "then its description"
    entries = {m["url"]: m for line in lines if (m := ENTRY_RE.match(line))}
    for page in iter_pages(language):
        url = root + page_url(page.relative_to(DOCS / language).as_posix())
        assert url in entries, f"llms.txt does not list {url}"
        assert entries[url]["title"] == title(page)
    optional = lines[lines.index("## Optional") :]
    for chapter in notebooks.chapters():
        assert any(root + chapter.download in line for line in optional), chapter.download
    assert not broken(built_site, site_url, "\n".join(lines))
    others = [site_url + language_dir(o) for o in LANGUAGES if o != language and language_dir(o)]
    strays = [u for u in entries if not u.startswith(root) or any(map(u.startswith, others))]
    assert not strays, f"llms.txt lists pages of another language: {strays}"
    assert not [line for line in lines if line.startswith("- ") and not ENTRY_RE.match(line)]


@pytest.mark.site_wide
@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_full_txt_holds_every_page_resolved(
    built_site: Path, site_url: str, language: str
) -> None:
    root = site_url + language_dir(language)
    full = (built_site / language_dir(language) / "llms-full.txt").read_text(encoding="utf-8")
    assert "--8<--" not in full, "an include was left unresolved"
    assert "{{ version(" not in full, "a version placeholder was left unfilled"
    assert not re.search(r"^#+ .*\{ *#[a-z0-9-]+ *\}$", full, re.MULTILINE), "a heading anchor"
    assert "/notebook/>" not in full, "notebook pages repeat their chapter's code"
    for page in iter_pages(language):
        url = root + page_url(page.relative_to(DOCS / language).as_posix())
        assert f"# {title(page)}\n\n<{url}>\n" in full, f"{url}: its H1 and URL are missing"
        for include in includes(page):
            text = included(include.path + (f":{include.section}" if include.section else ""))
            if include.path.endswith((".py", ".out")):
                assert text in full, f"{include.path}: not inlined for {url}"
    assert not broken(built_site, site_url, full), "links into the site that lead nowhere"
