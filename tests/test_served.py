"""The site is built once per run for every xdist worker, and a failed build is one error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import served
from tests.support.served import Shared, SiteBuild, build_once, problems

MKDOCS_LOG = """\
INFO    -  Cleaning site directory
ERROR   -  Error reading page 'concepts/llm-tokens.md': Snippet section 'mian' could not be located
Traceback (most recent call last):
  File "pymdownx/snippets.py", line 241, in extract_section
pymdownx.snippets.SnippetMissingError: Snippet section 'mian' could not be located
ERROR   -  the site of docs/en did not build
"""


def test_the_first_process_builds_and_the_others_share_its_outcome(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = []
    monkeypatch.setattr(served, "build_site", lambda site, url: builds.append(url) or "broken")
    shared = Shared(tmp_path, "http://127.0.0.1:1/")
    first, second = build_once(shared), build_once(shared)  # as two workers would
    assert builds == [shared.url]
    assert first == second and first.error == "broken"


def test_a_failed_build_is_one_error_in_the_whole_run_then_skips(tmp_path: Path) -> None:
    # Two processes share the directory, so the error is reported once across them.
    build = SiteBuild(tmp_path / "site", "http://127.0.0.1:1/", "did not build", tmp_path / "r")
    with pytest.raises(pytest.fail.Exception, match="did not build"):
        build.require()
    for _ in range(2):
        with pytest.raises(pytest.skip.Exception, match="reported once"):
            build.require()


def test_the_report_keeps_mkdocs_errors_without_tracebacks() -> None:
    assert problems(MKDOCS_LOG).splitlines() == [
        "ERROR   -  Error reading page 'concepts/llm-tokens.md': Snippet section 'mian' "
        "could not be located",
        "ERROR   -  the site of docs/en did not build",
    ]
