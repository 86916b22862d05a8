"""Streamed outputs, and the replay files that let a page show them at their recorded pace.

The run that checks an example's output also has the time of every write to stdout
(`guide.runner.TimedStdout`). Writes less than FRAME_GAP apart make one frame: one `print` is
several writes, and the in-process fake server can hold the interpreter for a 5 ms switch
interval between them. An output is *streamed* when it arrives in at least MIN_FRAMES frames
spread over at least MIN_SPREAD seconds from the first to the last: it visibly builds up, where
other outputs appear at once or in a couple of parts with a pause between them. (When the rule
was set, outputs that only compute spread over less than 0.2 s on an idle machine, and the
paced ones over 0.45 s.)

For a streamed `x.out`, `make outputs` writes `x.replay.json` beside it, one frame per line:
`[milliseconds since the example started, "text"]`; the texts join to exactly the output.
guide/hooks/replay.py hands the frames to the page's player. Timings differ a little from run to
run, so a replay file that still replays the same text, over a spread within SAME_PACE of this
run's, is left as it is rather than rewritten for noise.

A check run asks for a missing replay file by the same rule. A recorded one stays valid while the
output spreads over KEPT_SPREAD: a streamed output recorded just over MIN_SPREAD may come in a
little under it when its first chunk is late.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from guide.layout import OUTPUT_SUFFIX, rel

FRAME_GAP = 0.01  # seconds
MIN_FRAMES = 4
MIN_SPREAD = 0.4  # seconds
KEPT_SPREAD = 0.2  # seconds
SAME_PACE = 0.25  # relative difference of two spreads
REPLAY_SUFFIX = ".replay.json"

Frame = tuple[int, str]  # (milliseconds since the example started, text)


def frames(writes: Iterable[tuple[float, str]]) -> list[Frame]:
    """Coalesce timed writes (seconds, text) into frames: a frame starts after a FRAME_GAP pause."""
    result: list[Frame] = []
    last = 0.0
    for at, text in writes:
        if result and at - last < FRAME_GAP:
            result[-1] = (result[-1][0], result[-1][1] + text)
        else:
            result.append((round(at * 1000), text))
        last = at
    return result


def spread(replay: list[Frame]) -> float:
    """Seconds from the first frame to the last."""
    return (replay[-1][0] - replay[0][0]) / 1000 if replay else 0.0


def is_streamed(replay: list[Frame], min_spread: float = MIN_SPREAD) -> bool:
    return len(replay) >= MIN_FRAMES and spread(replay) >= min_spread


def replay_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(OUTPUT_SUFFIX) + REPLAY_SUFFIX)


def dumps(replay: list[Frame]) -> str:
    lines = (json.dumps(frame, ensure_ascii=False, separators=(",", ":")) for frame in replay)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def load(path: Path) -> list[Frame]:
    return [(ms, text) for ms, text in json.loads(path.read_text(encoding="utf-8"))]


def text(replay: list[Frame]) -> str:
    return "".join(chunk for _, chunk in replay)


def record(replay: list[Frame], output: Path) -> None:
    """`make outputs`: write the replay file of a streamed output, unless the recorded one has
    the same text and pace; remove any other."""
    path = replay_path(output)
    if not is_streamed(replay):
        path.unlink(missing_ok=True)
    elif not (path.exists() and same(load(path), replay)):
        path.write_text(dumps(replay), encoding="utf-8")


def same(recorded: list[Frame], replay: list[Frame]) -> bool:
    return text(recorded) == text(replay) and abs(
        spread(recorded) - spread(replay)
    ) <= SAME_PACE * spread(replay)


def disagreement(replay: list[Frame], output: Path) -> str | None:
    """Why the recorded replay file of `output` does not fit this run, or None if it does."""
    path = replay_path(output)
    run = f"this run: frames {len(replay)}, spread {spread(replay):.2f} s"
    if not path.exists():
        if is_streamed(replay):
            return f"{rel(output)} is streamed ({run}) but has no {path.name}"
        return None
    recorded = output.read_text(encoding="utf-8") if output.exists() else ""
    if text(load(path)) != recorded:
        return f"{rel(path)} does not replay {output.name}: its texts join to something else"
    if not is_streamed(replay, KEPT_SPREAD):
        return f"{rel(output)} is not streamed ({run}) but has {path.name}"
    return None
