"""Run one example in-process through pytest-examples and capture what a terminal would show."""

from __future__ import annotations

import io
import time
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from pytest_examples import CodeExample
from pytest_examples.eval_example import EvalExample

from guide.layout import rel


@dataclass
class TimedStdout(io.TextIOBase):
    """A stdout that keeps every write with its time, so streamed output can be replayed."""

    writes: list[tuple[float, str]] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            self.writes.append((time.perf_counter() - self.started, text))
        return len(text)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.writes)


class ExampleError(Exception):
    """An example raised: the message carries its own frames, already rendered."""


def run_example(path: Path, eval_example: EvalExample) -> TimedStdout:
    """Execute `path` as `__main__` (so `asyncio.run(main())` guards fire) with stdout captured."""
    example = CodeExample.create(path.read_text(encoding="utf-8"), path=path)
    out = TimedStdout()
    failure = None
    try:
        with redirect_stdout(out):
            eval_example.run(example)
    except Exception as exc:  # noqa: BLE001 - every failure is reported, with the example's lines
        failure = describe(path, exc)
    if failure:
        # Raised outside the except block, so nothing chains to the original exception.
        raise ExampleError(failure)
    return out


def describe(path: Path, exc: BaseException) -> str:
    """Render a failure without Python's traceback machinery.

    pytest-examples swaps the traceback for synthetic frames whose code objects have no
    position table; on CPython 3.11 formatting them raises StopIteration and pytest dies with
    INTERNALERROR. So read only filename and line number from each frame.
    """
    source = path.read_text(encoding="utf-8").splitlines()
    kind = type(exc).__qualname__
    if type(exc).__module__ != "builtins":
        kind = f"{type(exc).__module__}.{kind}"
    lines = [f"{rel(path)} raised {kind}: {exc}"]
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        line = tb.tb_lineno
        text = source[line - 1].strip() if 0 < line <= len(source) else ""
        lines.append(f"  {rel(path)}:{line} in {code.co_name}: {text}")
        tb = tb.tb_next
    return "\n".join(lines)
