"""The benchmark's data reaches the pages untouched, and its fake server keeps time.

No benchmarking here: these check the committed data files and what is rendered from them, the
renderer on a made-up run whose tables can be worked out by hand, and the standalone server.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest

from bench import data, render
from bench.paths import PATHS, POOLED
from bench.run import CONCURRENCY, CONCURRENT_PATHS, LIBRARIES, PROFILES, Measurements, results
from bench.workload import LENGTHS, REALISTIC, ZERO
from fake_openai import pieces
from fake_openai.standalone import StandaloneServer

RESULT_FILES = sorted(data.RESULTS.glob("*.json"))
NOT_STREAMED = {"ainvoke", "agent_updates", "disable_streaming"}


def test_pages_show_what_the_data_file_renders() -> None:
    rendered = render.render(data.load(render.source()))
    for name, text in rendered.items():
        committed = render.ROOT / name
        assert committed.is_file(), f"{name} is not rendered yet: run make bench-pages"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{name} differs from what {render.source().name} renders: run make bench-pages"
        )
    for directory in render.output_dirs():
        for file in directory.iterdir():
            assert file.relative_to(render.ROOT).as_posix() in rendered, (
                f"{file} is not rendered from the data: run make bench-pages"
            )


def test_there_is_a_data_file() -> None:
    assert RESULT_FILES, "no bench/results/*.json: run make bench"


@pytest.mark.parametrize("path", RESULT_FILES, ids=lambda path: path.name)
def test_data_file_has_the_environment_and_every_measure(path: Path) -> None:
    results = data.load(path)
    assert results["profile"] == path.stem and results["profile"] in PROFILES
    environment = results["environment"]
    for key in ("date", "command", "make", "python", "machine", "cpu_model", "cpu_count"):
        assert environment[key], key
    assert set(environment["libraries"]) == set(LIBRARIES)
    assert environment["command"] == f"python -m bench {path.stem}"

    streams = {(s["latency"], s["path"], s["length"]): s for s in results["streams"]}
    expected = {
        (latency.name, p.name, n) for latency in (ZERO, REALISTIC) for p in PATHS for n in LENGTHS
    }
    assert set(streams) == expected
    for stream in streams.values():
        for measure in ("ttft", "total", "cpu_per_chunk"):
            summary = stream[measure]
            assert summary["n"] >= 1
            assert 0 < summary["p25"] <= summary["median"] <= summary["p75"]
            assert summary["ratio"] > 0

    runs = {(run["path"], run["callers"]) for run in results["concurrency"]}
    wanted = {(name, callers) for name in CONCURRENT_PATHS for callers in CONCURRENCY}
    assert runs == wanted | {(POOLED.name, max(CONCURRENCY))}
    for run in results["concurrency"]:
        assert run["streams"] >= run["callers"] and run["throughput"] > 0
        assert run["ttft"]["p50"] <= run["ttft"]["p99"] <= run["ttft"]["max"]

    server = results["server"]
    assert server["zero"]["sends"] > 0 and server["zero"]["cpu_per_send"] > 0
    for phase in ("realistic", "concurrency"):
        assert 0 <= server[phase]["lateness"]["p50"] <= server[phase]["lateness"]["p99"]


def _made_up_run() -> dict:
    """Every path answers at round times: a reply takes 0.3 s + 0.02 s per token at the
    realistic latency; a streamed one shows its first token after 0.32 s."""

    def row(path: str, latency: str, length: int) -> list:
        if latency == ZERO.name:
            return [path, length, 0.002, 0.0001 * length, 0.00005 * length]
        whole = 0.3 + 0.02 * length
        first = whole if path in NOT_STREAMED else 0.32
        return [path, length, first, whole, 0.0002 * length]

    def rows(latency: str) -> list[list]:
        return [row(p.name, latency, n) for p in PATHS for n in LENGTHS for _ in range(3)]

    concurrency = [
        {"path": name, "callers": callers, "wall": 2.5, "cpu": 1.0, "samples": [[0.33, 2.4]] * 4}
        for name, callers in [(n, c) for n in CONCURRENT_PATHS for c in CONCURRENCY]
        + [(POOLED.name, max(CONCURRENCY))]
    ]
    measured = Measurements(
        zero=rows(ZERO.name),
        realistic=rows(REALISTIC.name),
        concurrency=concurrency,
        server={
            "zero": {"lateness": [0.0] * 10, "cpu_seconds": 0.001},
            "realistic": {"lateness": [0.001, 0.002, 0.003], "cpu_seconds": 0.003},
            "concurrency": {"lateness": [0.001, 0.004], "cpu_seconds": 0.002},
        },
        phase_seconds={"start": 1.0, "zero": 1.0, "realistic": 1.0, "concurrency": 1.0},
    )
    environment = {
        "date": "2025-01-01T00:00:00+00:00",
        "command": "python -m bench quick",
        "make": "make bench",
        "python": "3.11.7",
        "machine": "x86_64",
        "cpu_model": "Test CPU",
        "cpu_count": 2,
        "libraries": dict.fromkeys(LIBRARIES, "1.0"),
        "load_average": {"before": [0.5, 0.5, 0.5], "after": [0.5, 0.5, 0.5]},
    }
    # Through JSON, as the renderer always reads it.
    return json.loads(data.dumps(results(PROFILES["quick"], environment, measured)))


def test_render_of_a_made_up_run_gives_the_tables_worked_out_by_hand() -> None:
    files = render.render(_made_up_run())
    ttft = files["snippets/en/bench/ttft.md"]
    table, caption = ttft.split("\n\n")
    assert table.splitlines()[2:] == [
        "| 10 | 0.500 | 0.320 | 0.320 | 0.500 | ×1.56 | 0.320 | 0.500 |",
        "| 100 | 2.300 | 0.320 | 0.320 | 2.300 | ×7.19 | 0.320 | 2.300 |",
        "| 1000 | 20.300 | 0.320 | 0.320 | 20.300 | ×63.44 | 0.320 | 20.300 |",
    ]
    assert "2 × Test CPU (x86_64)" in caption and "`make bench`" in caption
    zh = files["snippets/zh/bench/ttft.md"]
    assert zh.split("\n\n")[0].splitlines()[2:] == table.splitlines()[2:]
    assert "回答长度" in zh and "复现：`make bench`" in zh
    overhead = files["snippets/en/bench/overhead.md"].splitlines()
    # 10-token answers: first token 2 ms, CPU 0.5 ms; 1000 tokens: 50 µs per chunk, 100 ms.
    assert overhead[2] == (
        "| `openai SDK, stream=True` | 2.00 (2.00–2.00) | ×1.00 | 0.500 (0.500–0.500) | ×1.00 "
        "| 50.0 (50.0–50.0) | ×1.00 | 100 (100–100) | ×1.00 |"
    )
    durability = files["snippets/en/bench/durability.md"].splitlines()
    # Every path takes the same made-up times: each durability row equals the agent's.
    assert [row.split(" | ")[0] for row in durability[2:6]] == [
        '| `agent.astream(stream_mode="messages")`',
        *(
            f'| `agent.astream(stream_mode="messages"), InMemorySaver, durability="{mode}"`'
            for mode in ("sync", "async", "exit")
        ),
    ]
    assert all(
        row.endswith("| 0.500 (0.500–0.500) | ×1.00 | 2.00 (2.00–2.00) | 0.320 | 2.300 | ×1.00 |")
        for row in durability[2:6]
    )
    server = files["snippets/en/bench/server.md"].splitlines()
    assert server[3] == "| realistic latency | 3 | 2.00 / 2.98 / 3.00 | 1000 |"
    svg = files["overrides/assets/bench/ttft.svg"]
    assert svg.startswith("<svg ") and "<title" in svg and "<desc" in svg
    assert "20.300 s" in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


REPLY = "one two"
TTFT = DELAY = 0.5  # seconds: one slot of the timetable
# How much later than the server says it sent a chunk the client may see it: the time a busy
# machine takes to schedule the client. Less than a slot, so a chunk due one slot later than
# the timetable says is still caught, whatever the load.
TRANSPORT = 0.4
# The server reads its clock for a chunk's lateness a moment after the chunk has left, so the
# client may see a chunk that much before due time plus reported lateness.
READING = 0.02


def test_standalone_server_keeps_its_timetable_and_reports_it(tmp_path: Path) -> None:
    """Chunk k is due TTFT + k * DELAY after the request. A busy machine may make the server late
    (it then reports it) and the client later still, but never early: the lower bounds allow only
    for when the server reads its clock, the upper ones for load."""
    replies = tmp_path / "replies.toml"
    replies.write_text(
        f'[[reply]]\nprompt = "hi"\ntext = "{REPLY}"\nttft = {TTFT}\ntoken_delay = {DELAY}\n',
        encoding="utf-8",
    )
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
    chunks = len(pieces(REPLY)) + 2  # the opening chunk, one per piece, the finish chunk
    due = [TTFT + index * DELAY for index in range(chunks)]
    with StandaloneServer(replies) as server:
        with httpx.Client(base_url=server.base_url) as client:
            start, arrivals = time.perf_counter(), []
            with client.stream("POST", "/chat/completions", json={**body, "stream": True}) as r:
                for line in r.iter_lines():
                    if line.startswith("data: {"):
                        arrivals.append(time.perf_counter() - start)
            start = time.perf_counter()
            whole = client.post("/chat/completions", json=body).json()
            waited = time.perf_counter() - start
            report = server.timing()
        pid, stopping = server.pid, time.perf_counter()
    stopped = time.perf_counter() - stopping

    *lateness, whole_lateness = report["lateness"]
    assert len(arrivals) == len(lateness) == chunks
    for index, (arrival, late) in enumerate(zip(arrivals, lateness, strict=True)):
        assert late > -0.001, f"chunk {index} was sent {-late:.3f} s early"
        assert due[index] + late - READING <= arrival < due[index] + late + TRANSPORT, (
            f"chunk {index} arrived at {arrival:.3f} s; due at {due[index]} s, sent {late:.3f} s"
            " late by the server's own report"
        )
    assert whole["choices"][0]["message"]["content"] == REPLY
    assert whole_lateness > -0.001
    assert due[-1] + whole_lateness - READING <= waited < due[-1] + whole_lateness + TRANSPORT
    assert report["cpu_seconds"] > 0
    # Closing stdin stops it gracefully (within a second); StandaloneServer kills it after 5.
    assert stopped < 4
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
