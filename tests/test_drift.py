"""The drift report (guide/drift.py), fed what uv printed when the pins last moved; no network."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from guide import drift

# `uv lock --upgrade-package …` (its stderr) from the lock before the last upgrade.
LOCK_OUTPUT = """\
Using CPython 3.11.7 interpreter at: /usr/bin/python3
Resolved 136 packages in 7.32s
Updated certifi v2026.10.18 -> v2026.10.19.post1
Updated langchain v1.4.7 -> v1.5.2
Updated langchain-core v1.7.2 -> v1.8.3
Updated langchain-openai v1.7.3 -> v1.7.4
Updated langgraph v1.2.22 -> v1.2.24
Updated langgraph-prebuilt v1.1.2 -> v1.1.3
Updated openai v3.54.0 -> v3.57.0
"""
# `uv tree --outdated --frozen` after it, shortened: the index had langchain-core 1.8.4.
TREE_OUTPUT = """\
streaming-guide v0.1.0
├── langchain v1.5.2
│   ├── langchain-core v1.8.3 (latest: v1.8.4)
│   │   ├── langchain-protocol v0.0.20
│   │   ├── langsmith v0.15.0 (latest: v0.15.1)
├── langchain-core v1.8.3 (*)
├── langgraph v1.2.24 (*)
├── mkdocs-material v9.8.1 (group: docs) (latest: v9.8.2)
"""


def test_what_moved_is_what_uv_says() -> None:
    moved = drift.changes(LOCK_OUTPUT)
    assert [(c.package, c.old, c.new) for c in moved][:3] == [
        ("certifi", "2026.10.18", "2026.10.19.post1"),
        ("langchain", "1.4.7", "1.5.2"),
        ("langchain-core", "1.7.2", "1.8.3"),
    ]
    assert len(moved) == 7


def test_added_and_removed_packages_are_changes_too() -> None:
    moved = drift.changes("Added langchain-protocol v0.0.22\nRemoved jsonpatch v1.47\n")
    assert moved == [
        drift.Change("langchain-protocol", None, "0.0.22"),
        drift.Change("jsonpatch", "1.47", None),
    ]
    assert "| jsonpatch (pulled along) | 1.47 | — |" in drift.report(moved, [])


def test_only_watched_packages_count_as_stopped_short() -> None:
    assert drift.behind(TREE_OUTPUT) == [drift.Behind("langchain-core", "1.8.3", "1.8.4")]


def test_the_report_names_both() -> None:
    text = drift.report(drift.changes(LOCK_OUTPUT), drift.behind(TREE_OUTPUT))
    assert "| langchain-core | 1.7.2 | 1.8.3 |" in text
    assert "| certifi (pulled along) | 2026.10.18 | 2026.10.19.post1 |" in text
    assert "| langchain-core | 1.8.3 | 1.8.4 |" in text


def test_a_quiet_week_says_so() -> None:
    text = drift.report([], [])
    assert "Nothing moved" in text and "every watched package is at the newest" in text


@pytest.fixture
def fake_uv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `uv` that records its arguments and answers as the real one did."""
    (tmp_path / "lock.txt").write_text(LOCK_OUTPUT, encoding="utf-8")
    (tmp_path / "tree.txt").write_text(TREE_OUTPUT, encoding="utf-8")
    uv = tmp_path / "uv"
    uv.write_text(
        f"#!{sys.executable}\n"
        "import pathlib, sys\n"
        f"here = pathlib.Path({str(tmp_path)!r})\n"
        "with (here / 'calls.txt').open('a') as calls:\n"
        "    calls.write(' '.join(sys.argv[1:]) + '\\n')\n"
        "if sys.argv[1] == 'lock':\n"
        "    sys.stderr.write((here / 'lock.txt').read_text())\n"
        "else:\n"
        "    sys.stdout.write((here / 'tree.txt').read_text())\n",
        encoding="utf-8",
    )
    uv.chmod(uv.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("UV", str(uv))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    return tmp_path


def test_main_upgrades_every_watched_package_and_reports(
    fake_uv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert drift.main([]) == 0
    lock, tree = (fake_uv / "calls.txt").read_text(encoding="utf-8").splitlines()
    assert lock == "lock " + " ".join(f"--upgrade-package {p}" for p in drift.WATCHED)
    assert tree == "tree --outdated --frozen"
    printed = capsys.readouterr().out
    assert "::warning title=langchain-core stopped short::" in printed
    summary = (fake_uv / "summary.md").read_text(encoding="utf-8")
    assert "| langchain-openai | 1.7.3 | 1.7.4 |" in summary


def test_a_failed_upgrade_fails_with_what_uv_said(
    fake_uv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (fake_uv / "uv").write_text(
        "#!/bin/sh\necho 'No solution found when resolving dependencies' >&2\nexit 1\n",
        encoding="utf-8",
    )
    assert drift.main([]) == 1
    assert "No solution found" in capsys.readouterr().err
    assert not (fake_uv / "summary.md").exists()
