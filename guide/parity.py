"""Translation parity: an en page mirrors its zh source, and says which zh it read.

The skeleton of a page is what both languages must share, in order: explicit heading anchors,
snippet includes, admonitions, content tabs and links to other pages. Prose is free.

    python -m guide stamp concepts/llm-tokens   # after translating: record the zh hash
    python -m guide status                      # which en pages are stale (silent when none)
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from guide.layout import DOCS, FRONT_MATTER_RE, INCLUDE_RE, read_page, rel

ADMONITION_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)")
TAB_RE = re.compile(r"^\s*===\+?\s")
LINK_RE = re.compile(r"\]\((?P<target>(?!https?:|mailto:)[^)\s]+)\)")
HASH_KEY = "zh_hash"
SNIPPET_LANGUAGE_RE = re.compile(r"^snippets/(?:zh|en)/")


def zh_hash(zh_page: Path) -> str:
    return hashlib.sha256(zh_page.read_bytes()).hexdigest()[:12]


def recorded_hash(en_page: Path) -> str | None:
    front = FRONT_MATTER_RE.match(en_page.read_text(encoding="utf-8"))
    if not front:
        return None
    found = re.search(rf"^{HASH_KEY}:\s*(\S+)\s*$", front["body"], re.MULTILINE)
    return found.group(1) if found else None


def staleness(zh_page: Path) -> str | None:
    """Why the en translation of `zh_page` is not current, with the fix; None if it is."""
    en_page = DOCS / "en" / zh_page.relative_to(DOCS / "zh")
    page = zh_page.relative_to(DOCS / "zh").with_suffix("").as_posix()
    recorded, current = recorded_hash(en_page), zh_hash(zh_page)
    if recorded == current:
        return None
    return (
        f"{rel(en_page)} translates zh {recorded or '(no zh_hash)'}, but {rel(zh_page)} is now "
        f"{current}. Translate the change (git log -p {rel(zh_page)}), then run "
        f"`make stamp PAGE={page}`."
    )


def skeleton(page: Path) -> list[str]:
    """The page's skeleton, in order; inside code fences only snippet includes count."""
    parsed = read_page(page)
    headings = {heading.line: heading for heading in parsed.headings}
    outside = dict(parsed.outside_fences())
    items = []
    for number, line in enumerate(parsed.lines, start=1):
        if include := INCLUDE_RE.match(line):
            # snippets/zh/x.md and snippets/en/x.md are the same fragment in two languages.
            items.append(
                f"include {SNIPPET_LANGUAGE_RE.sub('snippets/<lang>/', include['target'])}"
            )
            continue
        if number not in outside:
            continue
        heading = headings.get(number)
        if heading and heading.level > 1:
            items.append(f"h{heading.level} #{heading.anchor or '(none)'}")
        if admonition := ADMONITION_RE.match(line):
            items.append(f"admonition {admonition['kind']}")
        if TAB_RE.match(line):
            items.append("tab")
        items += [f"link {link['target']}" for link in LINK_RE.finditer(line)]
    return items


def stamp(page: str) -> None:
    zh_page, en_page = DOCS / "zh" / f"{page}.md", DOCS / "en" / f"{page}.md"
    text = en_page.read_text(encoding="utf-8")
    line = f"{HASH_KEY}: {zh_hash(zh_page)}"
    front = FRONT_MATTER_RE.match(text)
    if front is None:
        text = f"---\n{line}\n---\n\n{text}"
    elif recorded_hash(en_page) is None:
        text = f"---\n{front['body']}\n{line}\n---\n" + text[front.end() :]
    else:
        text = re.sub(rf"^{HASH_KEY}:.*$", line, text, count=1, flags=re.MULTILINE)
    en_page.write_text(text, encoding="utf-8")
    print(f"{en_page.relative_to(DOCS)}: {line}")


def status() -> int:
    stale = checked = 0
    for zh_page in sorted((DOCS / "zh").rglob("*.md")):
        checked += 1
        en_page = DOCS / "en" / zh_page.relative_to(DOCS / "zh")
        if not en_page.exists():
            print(f"missing  {en_page.relative_to(DOCS)}")
        elif recorded_hash(en_page) != zh_hash(zh_page):
            history = f"git log -p {zh_page.relative_to(DOCS.parent)}"
            print(f"stale    {en_page.relative_to(DOCS)}  (what changed: `{history}`)")
        else:
            continue
        stale += 1
    if not stale:
        print(f"all {checked} en pages translate their current zh page")
    return 1 if stale else 0


def main(argv: list[str]) -> int:
    command, *args = argv or ["status"]
    if command == "stamp" and len(args) == 1:
        stamp(args[0].removesuffix(".md"))
        return 0
    if command == "status" and not args:
        return status()
    print(__doc__, file=sys.stderr)
    return 2
