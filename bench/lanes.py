"""Lanes: one path on a thread and an event loop of its own, with a CPU clock of its own.

A lane counts the CPU time of its thread and of its loop's executor threads (langchain-openai
turns a non-streamed response into a message in the executor), so lanes running side by side
each see only their own work. Each lane has its own HTTP client and connections.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from .paths import CallPath, Stream

# Seconds a job may take: the longest single stream (1000 tokens) takes about 21; a closed loop
# gets this much per round, since on a busy machine 100 callers' rounds each take minutes.
_JOB_TIMEOUT = 120.0


class ReplyMismatch(RuntimeError):
    """A path delivered a text other than the scripted reply."""


@dataclass(frozen=True)
class Timing:
    ttft: float  # seconds from the call to the first non-empty text
    total: float  # seconds from the call to the end of the stream
    cpu: float | None = None  # CPU seconds the lane spent on it, when it ran alone in the lane


class Lane:
    def __init__(self, path: CallPath, base_url: str) -> None:
        self.path = path
        self._threads: list[int] = []
        self._loop = asyncio.new_event_loop()
        self._executor = ThreadPoolExecutor(initializer=self._count_this_thread)
        self._loop.set_default_executor(self._executor)
        self._thread = threading.Thread(target=self._run, name=f"lane-{path.name}", daemon=True)
        self._thread.start()
        self._stream: Stream = self.run(self._build(base_url))

    def _count_this_thread(self) -> None:
        self._threads.append(threading.get_ident())

    def _run(self) -> None:
        self._count_this_thread()
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    async def _build(self, base_url: str) -> Stream:
        return self.path.build(base_url)

    def cpu(self) -> float:
        return sum(time.clock_gettime(time.pthread_getcpuclockid(t)) for t in self._threads)

    def submit(self, job: Coroutine[Any, Any, Any], rounds: int = 1) -> Any:
        """Start `job` on this lane's loop; returns a concurrent.futures.Future."""
        timed = asyncio.wait_for(job, _JOB_TIMEOUT * rounds)
        return asyncio.run_coroutine_threadsafe(timed, self._loop)

    def run(self, job: Coroutine[Any, Any, Any], rounds: int = 1) -> Any:
        return self.submit(job, rounds).result()

    async def _timed(self, prompt: str, expected: str) -> Timing:
        start, first, texts = time.perf_counter(), None, []
        async for text in self._stream(prompt):
            if text and first is None:
                first = time.perf_counter()
            texts.append(text)
        end = time.perf_counter()
        if "".join(texts) != expected:
            raise ReplyMismatch(f"{self.path.name}: the streamed text is not the scripted reply")
        return Timing(first - start, end - start)

    async def stream(self, prompt: str, expected: str, start_at: float | None = None) -> Timing:
        """One stream, alone in this lane, starting at `start_at` (a perf_counter time)."""
        if start_at is not None:
            await asyncio.sleep(start_at - time.perf_counter())
        cpu = self.cpu()
        timing = await self._timed(prompt, expected)
        return Timing(timing.ttft, timing.total, self.cpu() - cpu)

    async def closed_loop(
        self, prompt: str, expected: str, concurrency: int, rounds: int
    ) -> tuple[list[Timing], float, float]:
        """`concurrency` callers, each streaming `rounds` times back to back.

        Returns every stream's timing, the wall time and the lane's CPU time for the lot.
        """

        async def caller() -> list[Timing]:
            return [await self._timed(prompt, expected) for _ in range(rounds)]

        cpu, start = self.cpu(), time.perf_counter()
        timings = await asyncio.gather(*(caller() for _ in range(concurrency)))
        wall, cpu = time.perf_counter() - start, self.cpu() - cpu
        return [timing for batch in timings for timing in batch], wall, cpu

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._executor.shutdown()
        self._loop.close()
