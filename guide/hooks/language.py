"""MkDocs hook: settings that follow the build's language.

mkdocs.en.yml inherits mkdocs.yml, and INHERIT replaces lists wholesale, so per-language
values inside `markdown_extensions` are set here instead of repeating the whole list.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    language = config.theme["language"]
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["auto_append"] = [f"snippets/{language}/abbreviations.md"]
    return config
