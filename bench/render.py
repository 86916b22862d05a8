"""Turn a data file into the tables and charts the pages show.

    python -m bench.render        (make bench-pages)

Reads the most thorough run there is, ``bench/results/full.json``, else ``quick.json``, and
writes ``snippets/<lang>/bench/<name>.md`` for zh and en (the same numbers; headers and caption
in the page's language) and ``overrides/assets/bench/<name>.svg`` (labels in both languages).
A page includes them as

    --8<-- "snippets/zh/bench/ttft.md"
    ![...](../assets/bench/ttft.svg)      from docs/<lang>/concepts/performance.md
    ![...](assets/bench/ttft.svg)         from docs/<lang>/index.md

Never edit the outputs: tests/test_bench.py checks that they are exactly what this renders.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.layout import LANGUAGES, ROOT

from . import charts, data
from .charts import Chart, Row
from .text import TEXT

SNIPPETS = "snippets/{lang}/bench"
ASSETS = "overrides/assets/bench"
PROFILES = ("full", "quick")  # the first that has a data file is rendered

_BASELINE = "astream"  # what the knobs change
_UNSAVED = "agent_messages"  # the agent without a checkpointer, which the durability rows change
_SAVED = ("saver_sync", "saver_async", "saver_exit")


def source() -> Path:
    for profile in PROFILES:
        if data.path_for(profile).is_file():
            return data.path_for(profile)
    raise FileNotFoundError("no data file in bench/results/: run make bench or make bench-full")


def render(results: dict[str, Any]) -> dict[str, str]:
    """Every output, by its path relative to the project root."""
    view = _View(results)
    files = {}
    for lang in LANGUAGES:
        for name, table in _tables(view, TEXT[lang]).items():
            files[f"{SNIPPETS.format(lang=lang)}/{name}.md"] = table
    for name, chart in _charts(view).items():
        files[f"{ASSETS}/{name}.svg"] = charts.render(chart)
    return files


def output_dirs() -> list[Path]:
    return [ROOT / SNIPPETS.format(lang=lang) for lang in LANGUAGES] + [ROOT / ASSETS]


def write(files: dict[str, str]) -> None:
    """Write the outputs and remove any earlier output that is no longer rendered."""
    for directory in output_dirs():
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.iterdir():
            if stale.relative_to(ROOT).as_posix() not in files:
                stale.unlink()
    for name, text in files.items():
        (ROOT / name).write_text(text, encoding="utf-8")


class _View:
    """The data file, indexed the way the tables read it."""

    def __init__(self, results: dict[str, Any]) -> None:
        self.results = results
        self.settings = results["settings"]
        self.environment = results["environment"]
        self.code = {path["name"]: path["code"] for path in results["paths"]}
        paths = [path["name"] for path in results["paths"]]
        self.stream_paths = sorted({s["path"] for s in results["streams"]}, key=paths.index)
        self.main_paths = [path["name"] for path in results["paths"] if not path["knob"]]
        self.lengths = self.settings["lengths"]
        self._streams = {(s["latency"], s["path"], s["length"]): s for s in results["streams"]}
        self._concurrent = {(c["path"], c["callers"]): c for c in results["concurrency"]}
        self.knobs = self.settings["knobs"]

    def stream(self, latency: str, path: str, length: int) -> dict[str, Any]:
        return self._streams[latency, path, length]

    def concurrent(self, path: str, callers: int) -> dict[str, Any]:
        return self._concurrent[path, callers]

    @property
    def concurrency(self) -> list[dict[str, Any]]:
        return self.results["concurrency"]

    @property
    def max_callers(self) -> int:
        return max(self.settings["concurrency"]["callers"])

    @property
    def realistic(self) -> dict[str, float]:
        return self.settings["latencies"]["realistic"]


def _number(value: float) -> str:
    """Three significant figures, or the whole number when it has more digits."""
    return f"{value:.0f}" if value >= 100 else f"{value:#.3g}"


def _seconds(value: float) -> str:
    return f"{value:.3f}"


def _ratio(value: float) -> str:
    return f"×{value:.2f}"


def _change(factor: float) -> str:
    change = factor - 1
    return f"{change:+.1%}" if abs(change) < 0.1 else f"{change:+.0%}"


def _spread(measure: dict[str, float], scale: float, fmt: Callable[[float], str]) -> str:
    return (
        f"{fmt(measure['median'] * scale)} "
        f"({fmt(measure['p25'] * scale)}–{fmt(measure['p75'] * scale)})"
    )


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _code(text: str) -> str:
    return f"`{text}`"


def _snippet(view: _View, text: dict[str, str], table: str, lead: str, *notes: str) -> str:
    """The table, then a caption: what it measures, how it is summarised, where and when."""
    environment = view.environment
    libraries = environment["libraries"]
    where = text["where"].format(
        cpus=environment["cpu_count"],
        cpu=environment["cpu_model"],
        machine=environment["machine"],
        python=environment["python"],
        lco=libraries["langchain-openai"],
        lg=libraries["langgraph"],
        oai=libraries["openai"],
        date=environment["date"][:10],
        load=environment["load_average"]["before"][0],
        make=environment["make"],
    )
    sentences = [lead, *(text[note] for note in notes), where]
    return f"{table}\n\n" + text["between_sentences"].join(sentences) + "\n"


def _tables(view: _View, text: dict[str, str]) -> dict[str, str]:
    realistic = view.realistic
    every_path = ("medians", "ratio", "legend")
    return {
        "overhead": _snippet(view, text, _overhead(view, text), text["overhead"], *every_path),
        "ttft": _snippet(
            view,
            text,
            _ttft(view, text),
            text["ttft"].format(ttft=realistic["ttft"], delay=realistic["token_delay"]),
            "medians_only",
            "legend",
        ),
        "concurrency": _snippet(
            view,
            text,
            _concurrency(view, text),
            text["concurrency"].format(
                callers=" / ".join(map(str, view.settings["concurrency"]["callers"])),
                length=view.settings["concurrency"]["length"],
                pool=view.knobs["pool_limit"],
            ),
            "ratio",
            "legend",
        ),
        "knobs": _snippet(
            view,
            text,
            _knobs(view, text),
            text["knobs"].format(timeout=view.knobs["default_stream_chunk_timeout"]),
            "medians_only",
            "ratio",
        ),
        "durability": _snippet(
            view,
            text,
            _durability(view, text),
            text["durability"].format(ttft=realistic["ttft"], delay=realistic["token_delay"]),
            "medians",
            "ratio_agent",
            "legend",
        ),
        "server": _snippet(
            view,
            text,
            _server(view, text),
            text["server"].format(
                sdk_cpu=_number(
                    view.stream("zero", "sdk", max(view.lengths))["cpu_per_chunk"]["median"] * 1e6
                )
            ),
        ),
        "zero-latency": _snippet(
            view,
            text,
            _every_path(view, text, "zero", 1e3),
            text["zero_latency"],
            *every_path,
        ),
        "realistic": _snippet(
            view,
            text,
            _every_path(view, text, "realistic", 1),
            text["realistic"].format(
                ttft=realistic["ttft"],
                delay=realistic["token_delay"],
                spacing=view.settings["wave_spacing"] * 1e3,
            ),
            *every_path,
        ),
    }


def _unit(text: dict[str, str], name: str, unit: str, n: int | None = None) -> str:
    """A header: a measure, its unit and, if given, the answer length, in the language's style."""
    if n is None:
        return text["unit"].format(name=name, unit=unit)
    return text["unit_n"].format(name=name, unit=unit, n=n)


def _at(text: dict[str, str], latency: str, measure: str) -> str:
    """A header led by the latency it was measured at."""
    return text["at"].format(latency=latency[:1].upper() + latency[1:], measure=measure)


def _overhead(view: _View, text: dict[str, str]) -> str:
    short, long = min(view.lengths), max(view.lengths)
    header = [
        text["path"],
        _unit(text, text["first"], text["ms"], short),
        "×SDK",
        _unit(text, text["cpu_call_name"], text["ms"], short),
        "×SDK",
        _unit(text, text["cpu_chunk_name"], text["us"], long),
        "×SDK",
        _unit(text, text["total"], text["ms"], long),
        "×SDK",
    ]
    rows = []
    for path in view.main_paths:
        first, whole = view.stream("zero", path, short), view.stream("zero", path, long)
        rows.append(
            [
                _code(view.code[path]),
                _spread(first["ttft"], 1e3, _number),
                _ratio(first["ttft"]["ratio"]),
                _spread(first["cpu_per_chunk"], 1e3 * short, _number),
                _ratio(first["cpu_per_chunk"]["ratio"]),
                _spread(whole["cpu_per_chunk"], 1e6, _number),
                _ratio(whole["cpu_per_chunk"]["ratio"]),
                _spread(whole["total"], 1e3, _number),
                _ratio(whole["total"]["ratio"]),
            ]
        )
    return _table(header, rows)


def _gain(view: _View, length: int) -> float:
    waited = view.stream("realistic", "ainvoke", length)["total"]["median"]
    return waited / view.stream("realistic", "astream", length)["ttft"]["median"]


def _ttft(view: _View, text: dict[str, str]) -> str:
    header = [
        text["answer"],
        text["no_stream"],
        text["sdk_first"],
        text["first_s"],
        text["last_s"],
        text["sooner"],
        text["agent_first"],
        text["updates_first"],
    ]
    rows = []
    for length in view.lengths:

        def median(path: str, measure: str, length: int = length) -> str:
            return _seconds(view.stream("realistic", path, length)[measure]["median"])

        rows.append(
            [
                str(length),
                median("ainvoke", "total"),
                median("sdk", "ttft"),
                median("astream", "ttft"),
                median("astream", "total"),
                _ratio(_gain(view, length)),
                median("agent_messages", "ttft"),
                median("agent_updates", "ttft"),
            ]
        )
    return _table(header, rows)


def _concurrency(view: _View, text: dict[str, str]) -> str:
    header = [
        text["streams"],
        text["path"],
        text["completed"],
        text["throughput"],
        "×SDK",
        _unit(text, f"{text['first']} p50", text["s"]),
        _unit(text, f"{text['first']} p99", text["s"]),
        "×SDK (p99)",
        _unit(text, f"{text['total']} p50", text["s"]),
        text["cpu_chunk"],
        "×SDK",
    ]
    rows = [
        [
            str(run["callers"]),
            _code(view.code[run["path"]]),
            str(run["streams"]),
            _number(run["throughput"]),
            _ratio(run["ratio"]["throughput"]),
            _seconds(run["ttft"]["p50"]),
            _seconds(run["ttft"]["p99"]),
            _ratio(run["ratio"]["ttft_p99"]),
            _seconds(run["total"]["p50"]),
            _number(run["cpu_per_chunk"] * 1e6),
            _ratio(run["ratio"]["cpu_per_chunk"]),
        ]
        for run in view.concurrency
    ]
    return _table(header, rows)


@dataclass(frozen=True)
class _KnobRow:
    knob: str  # the path that turns it
    latency: str  # "zero", "realistic" or "concurrency"
    measure: str
    length: int  # tokens per answer
    default: float
    changed: float
    ratio: float  # with the knob ÷ the raw SDK


_KNOB_MEASURES = (  # (latency, measure, answer length or None for the longest, scale)
    ("zero", "cpu_per_chunk", None, 1e6),
    ("zero", "total", None, 1e3),
    ("realistic", "ttft", 100, 1),
    ("realistic", "total", None, 1),
)


def _knob_rows(view: _View) -> list[_KnobRow]:
    long = max(view.lengths)
    rows = []

    def add(knob: str, latency: str, measure: str, length: int, scale: float) -> None:
        changed = view.stream(latency, knob, length)[measure]
        default = view.stream(latency, _BASELINE, length)[measure]["median"]
        rows.append(
            _KnobRow(
                knob,
                latency,
                measure,
                length,
                default * scale,
                changed["median"] * scale,
                changed["ratio"],
            )
        )

    for latency, measure, length, scale in _KNOB_MEASURES:
        add("no_chunk_timeout", latency, measure, length or long, scale)
    for length in view.lengths:
        add("disable_streaming", "realistic", "ttft", length, 1)
    callers, length = view.max_callers, view.settings["concurrency"]["length"]
    default, limited = view.concurrent(_BASELINE, callers), view.concurrent("pool_limited", callers)
    for measure, read in (
        ("throughput", lambda run: run["throughput"]),
        ("ttft_p50", lambda run: run["ttft"]["p50"]),
        ("ttft_p99", lambda run: run["ttft"]["p99"]),
    ):
        rows.append(
            _KnobRow(
                "pool_limited",
                "concurrency",
                measure,
                length,
                read(default),
                read(limited),
                limited["ratio"][measure],
            )
        )
    return rows


def _knobs(view: _View, text: dict[str, str]) -> str:
    knobs = {
        "no_chunk_timeout": text["knob_timeout"].format(
            timeout=view.knobs["default_stream_chunk_timeout"]
        ),
        "disable_streaming": text["knob_disable"],
        "pool_limited": text["knob_pool"].format(
            pool=view.knobs["pool_limit"],
            default=view.knobs["default_max_connections"],
            callers=view.max_callers,
        ),
    }
    latencies = {"zero": text["zero"], "realistic": text["real"], "concurrency": text["real"]}
    measures = {
        ("zero", "cpu_per_chunk"): text["cpu_chunk_m"],
        ("zero", "total"): text["total_ms"],
        ("realistic", "ttft"): text["first_s_m"],
        ("realistic", "total"): text["total_s_m"],
        ("concurrency", "throughput"): text["throughput_m"],
        ("concurrency", "ttft_p50"): text["first_p50"],
        ("concurrency", "ttft_p99"): text["first_p99"],
    }
    header = [text["knob"], text["measure"], text["default"], text["with_knob"], text["change"]]
    header.append("×SDK")
    rows = [
        [
            knobs[row.knob],
            text["knob_measure"].format(
                latency=latencies[row.latency],
                measure=measures[row.latency, row.measure],
                n=row.length,
            ),
            _number(row.default),
            _number(row.changed),
            _change(row.changed / row.default),
            _ratio(row.ratio),
        ]
        for row in _knob_rows(view)
    ]
    return _table(header, rows)


def _durability(view: _View, text: dict[str, str]) -> str:
    """The agent in messages mode without a checkpointer, then with one per durability mode."""
    short, middle = min(view.lengths), sorted(view.lengths)[len(view.lengths) // 2]
    header = [
        text["path"],
        _at(text, text["zero"], _unit(text, text["cpu_call_name"], text["ms"], short)),
        text["x_agent"],
        _at(text, text["zero"], _unit(text, text["first"], text["ms"], short)),
        _at(text, text["real"], _unit(text, text["first"], text["s"], middle)),
        _at(text, text["real"], _unit(text, text["total"], text["s"], middle)),
        text["x_agent"],
    ]
    unsaved = {
        "cpu": view.stream("zero", _UNSAVED, short)["cpu_per_chunk"]["median"],
        "total": view.stream("realistic", _UNSAVED, middle)["total"]["median"],
    }
    rows = []
    for path in (_UNSAVED, *_SAVED):
        zero, real = view.stream("zero", path, short), view.stream("realistic", path, middle)
        rows.append(
            [
                _code(view.code[path]),
                _spread(zero["cpu_per_chunk"], 1e3 * short, _number),
                _ratio(zero["cpu_per_chunk"]["median"] / unsaved["cpu"]),
                _spread(zero["ttft"], 1e3, _number),
                _seconds(real["ttft"]["median"]),
                _seconds(real["total"]["median"]),
                _ratio(real["total"]["median"] / unsaved["total"]),
            ]
        )
    return _table(header, rows)


def _server(view: _View, text: dict[str, str]) -> str:
    header = [text["phase"], text["sends"], text["late"], text["server_cpu"]]
    rows = []
    for phase, label in (("zero", "zero"), ("realistic", "real"), ("concurrency", "concurrent")):
        server = view.results["server"][phase]
        late = server.get("lateness")
        rows.append(
            [
                text[label],
                str(server["sends"]),
                " / ".join(_number(late[key] * 1e3) for key in ("p50", "p99", "max"))
                if late
                else "—",
                _number(server["cpu_per_send"] * 1e6),
            ]
        )
    return _table(header, rows)


def _every_path(view: _View, text: dict[str, str], latency: str, scale: float) -> str:
    unit, fmt = (text["ms"], _number) if scale == 1e3 else (text["s"], _seconds)
    header = [
        text["path"],
        text["tokens"],
        _unit(text, text["first"], unit),
        "×SDK",
        _unit(text, text["total"], unit),
        "×SDK",
        text["cpu_chunk"],
        "×SDK",
        text["runs"],
    ]
    rows = []
    for path in view.stream_paths:
        for length in view.lengths:
            stream = view.stream(latency, path, length)
            rows.append(
                [
                    _code(view.code[path]),
                    str(length),
                    _spread(stream["ttft"], scale, fmt),
                    _ratio(stream["ttft"]["ratio"]),
                    _spread(stream["total"], scale, fmt),
                    _ratio(stream["total"]["ratio"]),
                    _spread(stream["cpu_per_chunk"], 1e6, _number),
                    _ratio(stream["cpu_per_chunk"]["ratio"]),
                    str(stream["ttft"]["n"]),
                ]
            )
    return _table(header, rows)


def _charts(view: _View) -> dict[str, Chart]:
    long = max(view.lengths)
    callers = view.settings["concurrency"]["callers"]
    where = (
        f"Measured with {view.environment['make']} on {view.environment['date'][:10]}; "
        "medians; 本站基准测试的中位数。"
    )
    return {
        "overhead": Chart(
            title="Overhead over the raw openai SDK at zero latency · 零延迟下相对原生 SDK 的开销",
            description=(
                f"Client CPU per chunk and total time for a {long}-token answer at zero "
                f"latency, each divided by the raw openai SDK's. {where}"
            ),
            axis=f"× 原生 SDK · × raw openai SDK（零延迟 · zero latency, {long} tokens）",
            series=("每块 CPU · CPU per chunk", "总时间 · total time"),
            rows=[
                Row(
                    view.code[path],
                    [
                        view.stream("zero", path, long)["cpu_per_chunk"]["ratio"],
                        view.stream("zero", path, long)["total"]["ratio"],
                    ],
                )
                for path in view.main_paths
            ],
            value_text=_ratio,
            reference=1,
        ),
        "ttft": Chart(
            title=(
                "Waiting for the first words, with and without streaming"
                " · 有无流式输出时等到首 token 的时间"
            ),
            description=(
                f"At {view.realistic['ttft']:g} s to the first chunk and "
                f"{view.realistic['token_delay']:g} s per chunk: model.ainvoke's reply, "
                f"model.astream's first and last token, by answer length, in seconds. {where}"
            ),
            axis="秒（对数刻度）· seconds (log scale)",
            series=(
                "ainvoke：整个回答 · whole reply",
                "astream：首 token · first token",
                "astream：最后一个 token · last token",
            ),
            rows=[
                Row(
                    f"{length} tokens",
                    [
                        view.stream("realistic", "ainvoke", length)["total"]["median"],
                        view.stream("realistic", "astream", length)["ttft"]["median"],
                        view.stream("realistic", "astream", length)["total"]["median"],
                    ],
                )
                for length in view.lengths
            ],
            value_text=lambda value: f"{value:.3f} s",
            log=True,
        ),
        "concurrency": Chart(
            title="Time to first token under concurrency · 并发下的首 token时间",
            description=(
                "p50 and p99 time to the first token with 1, 10 and 100 concurrent streams of "
                f"{view.settings['concurrency']['length']}-token answers at the realistic "
                f"latency, in seconds. {where}"
            ),
            axis="秒 · seconds",
            series=("首 token p50 · first token p50", "首 token p99 · first token p99"),
            rows=[
                Row(
                    f"{run['callers']} × {view.code[run['path']]}",
                    [run["ttft"]["p50"], run["ttft"]["p99"]],
                )
                for run in view.concurrency
            ],
            value_text=lambda value: f"{value:.3f} s",
        ),
        "throughput": Chart(
            title="Completed streams per second · 每秒完成的流",
            description=(
                f"Streams completed per second with {', '.join(map(str, callers))} concurrent "
                f"callers at the realistic latency. {where}"
            ),
            axis="流/秒 · streams per second",
            series=("吞吐 · throughput",),
            rows=[
                Row(f"{run['callers']} × {view.code[run['path']]}", [run["throughput"]])
                for run in view.concurrency
            ],
            value_text=lambda value: f"{value:.1f}/s",
        ),
        "knobs": Chart(
            title="What each knob changes · 每个设置的影响",
            description=(
                "Each measure with the knob divided by the same measure with the default "
                f"settings (model.astream). {where}"
            ),
            axis="× 默认设置（对数刻度）· × default settings (log scale)",
            series=("改设置后 ÷ 默认 · with the knob ÷ default",),
            rows=[
                Row(_knob_label(view, row), [row.changed / row.default]) for row in _knob_rows(view)
            ],
            value_text=_ratio,
            log=True,
            reference=1,
        ),
    }


def _knob_label(view: _View, row: _KnobRow) -> str:
    knob = {
        "no_chunk_timeout": "stream_chunk_timeout=None",
        "disable_streaming": "disable_streaming=True",
        "pool_limited": f"max_connections={view.knobs['pool_limit']}",
    }[row.knob]
    measure = {
        "cpu_per_chunk": "CPU/chunk",
        "total": "total",
        "ttft": "first token",
        "throughput": "streams/s",
        "ttft_p50": "first token p50",
        "ttft_p99": "first token p99",
    }[row.measure]
    where = f"{view.max_callers} streams" if row.latency == "concurrency" else row.latency
    return f"{knob} · {measure}, {where}, {row.length} tokens"


def main() -> int:
    path = source()
    files = render(data.load(path))
    write(files)
    print(f"{path.relative_to(ROOT)} -> {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
