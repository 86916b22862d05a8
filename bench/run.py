"""One benchmark run: the fake server in its own process, every path against it, one data set.

Three phases, one after the other, against the same server; within a phase the order of the
repetitions is shuffled with a fixed seed:

1. Zero latency. One stream at a time, every (path, answer length) several times. Pure
   overhead: time to first token, total time, CPU per chunk.
2. Realistic latency (300 ms to the first chunk, then 20 ms per chunk). Waves: one stream of
   every path, each in its lane, the starts `_SPACING` apart so that set-up work does not pile
   up and the chunks of different streams do not arrive in step. Lanes keep their CPU clocks
   apart, and the few milliseconds two streams may wait for each other are small next to the
   hundreds the server waits.
3. Concurrency. For the raw SDK, ``model.astream`` and the agent in messages mode (and the pool
   knob at the highest level): 1, 10 and 100 callers each streaming 100-token replies at
   realistic latency back to back, one (path, callers) at a time.

The fake server reports, per phase, how late it sent each chunk and the CPU it used.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import random
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openai
from langchain_openai import ChatOpenAI

from fake_openai.standalone import StandaloneServer

from .lanes import Lane, Timing
from .paths import PATHS, POOL_LIMIT, POOLED
from .stats import spread, tail
from .workload import LENGTHS, REALISTIC, ZERO, prompt, reply_text, write_replies

SEED = 2025
FLOOR = "sdk"
CONCURRENT_PATHS = ("sdk", "astream", "agent_messages")
CONCURRENCY = (1, 10, 100)
CONCURRENCY_LENGTH = 100
LIBRARIES = (
    "langchain",
    "langchain-core",
    "langchain-openai",
    "langgraph",
    "openai",
    "httpx2",
    "starlette",
    "uvicorn",
)
_START_LEAD = 0.05  # seconds from submitting a wave to its first stream's start
# Seconds between the starts of a wave's streams: more than a call's set-up CPU, and 11 and 20
# (the token delay, in ms) have no common factor, so no two streams' chunks arrive in step.
_SPACING = 0.011
_WARM_UP_STREAMS = 2


@dataclass(frozen=True)
class Profile:
    name: str
    make: str  # the make target that runs it
    zero_reps: dict[int, int]  # zero latency: streams per path, by answer length
    waves: dict[int, int]  # realistic latency: waves, by answer length
    rounds: dict[int, int]  # concurrency: streams per caller, by number of callers


PROFILES = {
    profile.name: profile
    for profile in (
        Profile(
            "quick",
            "make bench",
            zero_reps={10: 5, 100: 5, 1000: 3},
            waves={10: 4, 100: 2, 1000: 1},
            rounds={1: 1, 10: 1, 100: 1},
        ),
        Profile(
            "full",
            "make bench-full",
            zero_reps={10: 40, 100: 30, 1000: 15},
            waves={10: 40, 100: 20, 1000: 5},
            rounds={1: 8, 10: 4, 100: 3},
        ),
    )
}

Lanes = dict[str, Lane]


@dataclass(frozen=True)
class Measurements:
    """What a run measured, before it is summarised."""

    zero: list[list[Any]]  # one row per stream: path, length, ttft, total, cpu (seconds)
    realistic: list[list[Any]]
    concurrency: list[dict[str, Any]]  # one per (path, callers): wall, cpu, [ttft, total]s
    server: dict[str, dict[str, Any]]  # by phase: the server's own timing report
    phase_seconds: dict[str, float]


def run(profile: Profile, command: str) -> dict[str, Any]:
    load_before = os.getloadavg()
    measured = measure(profile)
    load = {"before": load_before, "after": os.getloadavg()}
    return results(profile, {**environment(profile, command), "load_average": load}, measured)


def measure(profile: Profile) -> Measurements:
    phase_seconds: dict[str, float] = {}
    server_reports: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        replies = Path(tmp) / "replies.toml"
        write_replies(replies)
        server = stack.enter_context(StandaloneServer(replies))

        def phase(name: str, work: Callable[[], Any]) -> Any:
            began = time.perf_counter()
            result = work()
            phase_seconds[name] = time.perf_counter() - began
            server_reports[name] = server.timing()
            return result

        lanes = phase("start", lambda: _open_lanes(server.base_url, stack))
        rng = random.Random(SEED)
        zero = phase(ZERO.name, lambda: _zero_latency(lanes, profile, rng))
        realistic = phase(REALISTIC.name, lambda: _realistic_latency(lanes, profile, rng))
        concurrency = phase("concurrency", lambda: _concurrency(lanes, profile, rng))
    del server_reports["start"]  # the warm-up
    return Measurements(zero, realistic, concurrency, server_reports, phase_seconds)


def results(
    profile: Profile, environment: dict[str, Any], measured: Measurements
) -> dict[str, Any]:
    """The data file's content."""
    return {
        "profile": profile.name,
        "environment": environment,
        "phase_seconds": measured.phase_seconds,
        "settings": {
            "seed": SEED,
            "floor": FLOOR,
            "latencies": {
                latency.name: {"ttft": latency.ttft, "token_delay": latency.token_delay}
                for latency in (ZERO, REALISTIC)
            },
            "lengths": list(LENGTHS),
            "zero_reps": profile.zero_reps,
            "waves": profile.waves,
            "wave_spacing": _SPACING,
            "concurrency": {
                "latency": REALISTIC.name,
                "length": CONCURRENCY_LENGTH,
                "callers": list(CONCURRENCY),
                "rounds": profile.rounds,
            },
            "knobs": {
                "pool_limit": POOL_LIMIT,
                "default_max_connections": openai.DEFAULT_CONNECTION_LIMITS.max_connections,
                "default_stream_chunk_timeout": ChatOpenAI.model_fields[
                    "stream_chunk_timeout"
                ].get_default(call_default_factory=True),
            },
        },
        "paths": [
            {"name": path.name, "code": path.code, "knob": path.knob} for path in (*PATHS, POOLED)
        ],
        "streams": _summarize_streams(
            {ZERO.name: measured.zero, REALISTIC.name: measured.realistic}
        ),
        "concurrency": _summarize_concurrency(measured.concurrency),
        "server": {
            phase: _server(report, with_lateness=phase != ZERO.name)
            for phase, report in measured.server.items()
        },
        "samples": {
            "columns": ["path", "length", "ttft", "total", "cpu"],
            ZERO.name: measured.zero,
            REALISTIC.name: measured.realistic,
            "concurrency": measured.concurrency,
        },
    }


def environment(profile: Profile, command: str) -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": command,
        "make": profile.make,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "system": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "libraries": {name: importlib.metadata.version(name) for name in LIBRARIES},
    }


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _open_lanes(base_url: str, stack: ExitStack) -> Lanes:
    lanes = {path.name: Lane(path, base_url) for path in (*PATHS, POOLED)}
    for lane in lanes.values():
        stack.callback(lane.close)
        for _ in range(_WARM_UP_STREAMS):
            lane.run(lane.stream(prompt(ZERO, LENGTHS[0]), reply_text(LENGTHS[0])))
    return lanes


def _row(name: str, length: int, timing: Timing) -> list[Any]:
    return [name, length, timing.ttft, timing.total, timing.cpu]


def _zero_latency(lanes: Lanes, profile: Profile, rng: random.Random) -> list[list[Any]]:
    plan = [
        (path.name, length)
        for path in PATHS
        for length in LENGTHS
        for _ in range(profile.zero_reps[length])
    ]
    rng.shuffle(plan)
    rows = []
    for name, length in plan:
        lane = lanes[name]
        rows.append(
            _row(name, length, lane.run(lane.stream(prompt(ZERO, length), reply_text(length))))
        )
    return rows


def _realistic_latency(lanes: Lanes, profile: Profile, rng: random.Random) -> list[list[Any]]:
    plan = [length for length in LENGTHS for _ in range(profile.waves[length])]
    rng.shuffle(plan)
    rows = []
    for length in plan:
        order = list(PATHS)
        rng.shuffle(order)
        start = time.perf_counter() + _START_LEAD
        futures = []
        for position, path in enumerate(order):
            lane = lanes[path.name]
            job = lane.stream(
                prompt(REALISTIC, length), reply_text(length), start + position * _SPACING
            )
            futures.append((path.name, lane.submit(job)))
        rows += [_row(name, length, future.result()) for name, future in futures]
    return rows


def _concurrency(lanes: Lanes, profile: Profile, rng: random.Random) -> list[dict[str, Any]]:
    plan = [(name, callers) for name in CONCURRENT_PATHS for callers in CONCURRENCY]
    plan.append((POOLED.name, max(CONCURRENCY)))
    rng.shuffle(plan)
    runs = []
    for name, callers in plan:
        lane = lanes[name]
        timings, wall, cpu = lane.run(
            lane.closed_loop(
                prompt(REALISTIC, CONCURRENCY_LENGTH),
                reply_text(CONCURRENCY_LENGTH),
                callers,
                profile.rounds[callers],
            ),
            rounds=profile.rounds[callers],
        )
        runs.append(
            {
                "path": name,
                "callers": callers,
                "wall": wall,
                "cpu": cpu,
                "samples": [[timing.ttft, timing.total] for timing in timings],
            }
        )
    return runs


def _summarize_streams(rows_by_latency: dict[str, list[list[Any]]]) -> list[dict[str, Any]]:
    summaries = []
    for latency, rows in rows_by_latency.items():
        groups: dict[tuple[str, int], list[list[Any]]] = defaultdict(list)
        for row in rows:
            groups[row[0], row[1]].append(row)
        for path in PATHS:
            for length in LENGTHS:
                group = groups[path.name, length]
                summaries.append(
                    {
                        "latency": latency,
                        "path": path.name,
                        "length": length,
                        "ttft": spread([row[2] for row in group]),
                        "total": spread([row[3] for row in group]),
                        "cpu_per_chunk": spread([row[4] / length for row in group]),
                    }
                )
    floors = {(s["latency"], s["length"]): s for s in summaries if s["path"] == FLOOR}
    for summary in summaries:
        floor = floors[summary["latency"], summary["length"]]
        for measure in ("ttft", "total", "cpu_per_chunk"):
            summary[measure]["ratio"] = summary[measure]["median"] / floor[measure]["median"]
    return summaries


def _summarize_concurrency(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    summaries = []
    for batch in runs:
        ttfts = [sample[0] for sample in batch["samples"]]
        streams = len(ttfts)
        summaries.append(
            {
                "path": batch["path"],
                "callers": batch["callers"],
                "streams": streams,
                "throughput": streams / batch["wall"],
                "ttft": tail(ttfts),
                "total": tail([sample[1] for sample in batch["samples"]]),
                "cpu_per_chunk": batch["cpu"] / (streams * CONCURRENCY_LENGTH),
            }
        )
    summaries.sort(
        key=lambda s: (s["callers"], [p.name for p in (*PATHS, POOLED)].index(s["path"]))
    )
    floors = {s["callers"]: s for s in summaries if s["path"] == FLOOR}
    for summary in summaries:
        floor = floors[summary["callers"]]
        summary["ratio"] = {
            "throughput": summary["throughput"] / floor["throughput"],
            "ttft_p50": summary["ttft"]["p50"] / floor["ttft"]["p50"],
            "ttft_p99": summary["ttft"]["p99"] / floor["ttft"]["p99"],
            "cpu_per_chunk": summary["cpu_per_chunk"] / floor["cpu_per_chunk"],
        }
    return summaries


def _server(report: dict[str, Any], with_lateness: bool = True) -> dict[str, Any]:
    sends = len(report["lateness"])
    summary: dict[str, Any] = {"sends": sends, "cpu_per_send": report["cpu_seconds"] / sends}
    if with_lateness:
        summary["lateness"] = tail(report["lateness"])
    return summary
