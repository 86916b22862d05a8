"""The process that runs the examples for tests/support/example_runs.py, and its forks.

    python -m tests.support.example_child '[CONFIG_FILTERS, CMDLINE_FILTERS]'

reads lines `[example, outcome file]` from stdin and forks a process for each, POOL_SIZE at a
time, that runs the example and writes its `Outcome` (pickled) to the file. Before it forks
anything, `warm_up` imports every module the examples import and makes one request of each kind
(sync and async), so each fork starts with openai's lazy imports and LangChain's first-use costs
already paid, as an example run in the test process would. The fake model it warms up with is
stopped (its thread joined) before the first fork.

`run` executes one example as `guide.runner.run_example` does, against a fake model of its own,
under the warning filters of the pytest run, and returns everything the test needs to judge it.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import gc
import importlib
import io
import json
import os
import sys
import threading
import traceback
import warnings
from contextlib import redirect_stderr
from pathlib import Path

from _pytest.config import apply_warning_filters
from langchain_openai import ChatOpenAI

from fake_openai import FakeOpenAI, Script, network_guard
from fake_openai.server import TRACING_OFF, apply_env
from guide.layout import iter_examples
from guide.runner import ExampleError, run_example
from tests.support.outcome import Outcome, keep

REPLIES = "replies.toml"
# Examples mostly sleep: this many at a time keep both cores busy without making any late.
POOL_SIZE = 8
WARM_UP = Script.from_dict({"reply": [{"prompt": "warm up", "text": "ok"}]})


def script_for(example: Path) -> Script:
    replies = example.parent / REPLIES
    return Script.load(replies) if replies.exists() else Script.from_dict({})


def _client_env(server: FakeOpenAI) -> None:
    apply_env(os.environ, {**TRACING_OFF, **server.client_env})


def imported_by_examples() -> set[str]:
    """The modules the examples import, bar their sibling modules."""
    names = set()
    for example in iter_examples():
        siblings = {path.stem for path in example.parent.glob("*.py")}
        for node in ast.walk(ast.parse(example.read_bytes())):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found = [node.module]
            else:
                continue
            names |= {name for name in found if name.split(".")[0] not in siblings}
    return names


def warm_up() -> None:
    network_guard.install()
    for name in sorted(imported_by_examples()):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    saved = dict(os.environ)
    with FakeOpenAI() as server, server.scripted(WARM_UP):
        _client_env(server)
        model = ChatOpenAI(model="gpt-4o-mini")
        model.invoke("warm up")
        "".join(chunk.text for chunk in model.stream("warm up"))

        async def both() -> None:
            await model.ainvoke("warm up")
            async for _ in model.astream("warm up"):
                pass

        asyncio.run(both())
    os.environ.clear()
    os.environ.update(saved)
    # What is made so far stays as it is: collections in the forks then neither walk it nor
    # copy its pages.
    gc.collect()
    gc.freeze()


def run(example: str, config_filters: list[str], cmdline_filters: list[str]) -> Outcome:
    """Run `example` against a fake model of this process's own, as pytest would in-process:
    the run's warning filters apply, and an exception nobody could raise (in `__del__`, or in a
    thread) fails it."""
    path = Path(example)
    outcome = Outcome()
    unraisable: list[str] = []
    sys.unraisablehook = lambda hook: unraisable.append(
        f"{hook.err_msg or 'Exception ignored in'}: {hook.object!r}\n"
        + "".join(traceback.format_exception(hook.exc_type, hook.exc_value, hook.exc_traceback))
    )
    threading.excepthook = lambda hook: unraisable.append(
        f"in thread {hook.thread.name if hook.thread else '?'}:\n"
        + "".join(traceback.format_exception(hook.exc_type, hook.exc_value, hook.exc_traceback))
    )
    stderr = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, FakeOpenAI() as server:
        if not sys.warnoptions:
            warnings.filterwarnings("always", category=DeprecationWarning)
            warnings.filterwarnings("always", category=PendingDeprecationWarning)
        apply_warning_filters(config_filters, cmdline_filters)
        _client_env(server)
        with server.scripted(script_for(path)), redirect_stderr(stderr):
            try:
                outcome.writes = run_example(path).writes
            except ExampleError as exc:
                outcome.failure = str(exc)
            gc.collect()
            outcome.unscripted, outcome.paced = server.unscripted, list(server.paced)
    if unraisable:
        problem = "an exception no code could catch:\n" + "\n".join(unraisable)
        outcome.failure = f"{outcome.failure}\n{problem}" if outcome.failure else problem
    outcome.stderr = stderr.getvalue()
    outcome.warnings = [(str(w.message), w.category.__name__, w.filename, w.lineno) for w in caught]
    return outcome


def _fork(example: str, target: Path, filters: list[list[str]]) -> int:
    pid = os.fork()
    if pid:
        return pid
    status = 0
    try:
        try:
            outcome = run(example, *filters)
        except BaseException:  # noqa: BLE001 - reported as the example's failure
            outcome = Outcome(failure="running it failed:\n" + traceback.format_exc())
        keep(outcome, target)
    except BaseException:  # noqa: BLE001 - the parent reports the missing outcome
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def main() -> None:
    filters = json.loads(sys.argv[1])
    with warnings.catch_warnings():
        apply_warning_filters(*filters)
        warm_up()
    running: dict[int, tuple[str, Path]] = {}

    def reap() -> None:
        pid, status = os.wait()
        example, target = running.pop(pid)
        if not target.exists():
            failure = f"its process ended (wait status {status}) before reporting"
            keep(Outcome(failure=failure), target)

    for line in sys.stdin:
        example, target = json.loads(line)
        while len(running) >= POOL_SIZE:
            reap()
        running[_fork(example, Path(target), filters)] = (example, Path(target))
    while running:
        reap()


if __name__ == "__main__":
    main()
