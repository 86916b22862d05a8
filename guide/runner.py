"""Run one example in-process, as `python example.py` would, and capture what a terminal shows."""

from __future__ import annotations

import io
import runpy
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

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
    """An example raised: the message names the exception and the example's own frames."""


def run_example(path: Path) -> TimedStdout:
    """Execute `path` as `__main__` (so `asyncio.run(main())` guards fire), with its directory
    on sys.path and sys.argv as the command line would set them, and stdout captured."""
    out = TimedStdout()
    failure = None
    with _as_script(path), redirect_stdout(out):
        try:
            runpy.run_path(str(path), run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (None, 0):
                failure = describe(path, exc)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, with the example's lines
            failure = describe(path, exc)
    if failure:
        # Raised outside the except block, so nothing chains to the original exception.
        raise ExampleError(failure)
    return out


@contextmanager
def _as_script(path: Path) -> Iterator[None]:
    folder = str(path.parent.resolve())
    saved_argv, saved_path, saved_modules = sys.argv, list(sys.path), set(sys.modules)
    sys.argv = [str(path)]
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
        # A sibling module the example imported must not shadow another folder's namesake.
        for name in set(sys.modules) - saved_modules:
            module_file = getattr(sys.modules.get(name), "__file__", None) or ""
            if module_file.startswith(folder + "/"):
                del sys.modules[name]


def describe(path: Path, exc: BaseException) -> str:
    """The exception, and the frames of the example that led to it (not the harness's, nor the
    libraries' it called into)."""
    where = str(path.resolve())
    lines = [f"{rel(path)} raised {_kind(exc)}: {exc}"]
    for frame in traceback.extract_tb(exc.__traceback__):
        if str(Path(frame.filename).resolve()) == where:
            lines.append(f"  {rel(path)}:{frame.lineno} in {frame.name}: {frame.line}")
    return "\n".join(lines)


def _kind(exc: BaseException) -> str:
    kind = type(exc).__qualname__
    module = type(exc).__module__
    return kind if module == "builtins" else f"{module}.{kind}"
