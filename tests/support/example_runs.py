"""The examples, run many at once, in the background, once per test run.

An example spends nearly all its time waiting for the fake model's scripted pacing, so they are
run concurrently, each in a process of its own with a fake model of its own, POOL_SIZE at a
time, while the suite goes on with other tests. The processes are forked from one that has
imported and warmed up the stack once (tests/support/example_child.py), so an example costs a
fork, not an import. Each example keeps its own test (tests/test_examples.py), which waits for
that example's outcome and judges it.

As soon as a process has collected the examples' tests, a thread of it starts that process and
hands it the examples once the site is built, when the run builds it (every browser check waits
for the build, which then has both cores nearly to itself; the examples share them with the
browser checks, which use about one). The first process to get there (under a file lock in the
run's shared directory, tests/support/served.py) runs every selected example and leaves each
outcome there as it comes; the other processes read them.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from guide.layout import ROOT, rel
from tests.support.outcome import Outcome, keep
from tests.support.served import BUILD, SHARED

TEST_NAME = "test_example"
# How long a test waits for its example's outcome: a bound for a hang, not a speed check.
WAIT_SECONDS = 600
RUNNER = pytest.StashKey[threading.Thread]()


def outcomes_dir(config: pytest.Config) -> Path:
    return config.stash[SHARED].directory / "examples"


def outcome_file(config: pytest.Config, example: Path) -> Path:
    digest = hashlib.sha256(rel(example).encode()).hexdigest()[:16]
    return outcomes_dir(config) / f"{digest}.pickle"


def selected_examples(items: list[pytest.Item]) -> list[Path]:
    return [
        item.callspec.params["example"]
        for item in items
        if getattr(item, "originalname", None) == TEST_NAME and hasattr(item, "callspec")
    ]


@pytest.hookimpl(trylast=True)  # after tests/support/served.py has started the build
def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.option.collectonly:
        return
    examples = selected_examples(session.items)
    if examples:
        runner = threading.Thread(
            target=run_once, args=(config, examples), name="examples", daemon=True
        )
        config.stash[RUNNER] = runner
        runner.start()


def run_once(config: pytest.Config, examples: list[Path]) -> None:
    directory = outcomes_dir(config)
    with FileLock(config.stash[SHARED].directory / "examples.lock"):
        if directory.exists():
            return  # another process runs them
        directory.mkdir()
    filters = [
        list(config.getini("filterwarnings")),
        list(config.known_args_namespace.pythonwarnings or []),
    ]
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.support.example_child", json.dumps(filters)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        text=True,
    )
    build = config.stash.get(BUILD, None)
    if build is not None:  # the process warms the stack up meanwhile
        build.exception()  # waits; a failed build is reported by the tests that need the site
    try:
        for example in examples:
            zygote.stdin.write(json.dumps([str(example), str(outcome_file(config, example))]))
            zygote.stdin.write("\n")
        zygote.stdin.close()
    except BrokenPipeError:
        pass
    status = zygote.wait()
    for example in examples:  # those it could not run
        if not outcome_file(config, example).exists():
            failure = f"the process running the examples exited (status {status}) before it ran"
            keep(Outcome(failure=failure), outcome_file(config, example))


def outcome_of(config: pytest.Config, example: Path) -> Outcome:
    """The outcome of `example`, once the process running the examples has it."""
    target = outcome_file(config, example)
    deadline = time.monotonic() + WAIT_SECONDS
    while not target.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"{rel(example)} did not finish in {WAIT_SECONDS} s", pytrace=False)
        time.sleep(0.02)
    return pickle.loads(target.read_bytes())


def pytest_unconfigure(config: pytest.Config) -> None:
    runner = config.stash.get(RUNNER, None)
    if runner is not None:
        runner.join()
