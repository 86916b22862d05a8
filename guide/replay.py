"""Streamed outputs, and the replay files that let a page show them at their recorded pace.

An output is *streamed* when the example printed a reply as it came: the fake model served it
at least one reply paced with `token_delay` (`FakeOpenAI.paced`), and at least MIN_PIECES of
the example's writes to stdout are each one streamed piece of such a reply. Both facts come
from the scripted replies and from what the program does, never from a clock, so a busy machine
cannot turn a streamed output into a still one or back. An example that waits for paced replies
and prints once at the end (a timing, a summary) is not streamed.

For a streamed `x.out`, `make outputs` writes `x.replay.json` beside it, one frame per line:
`[milliseconds since the example started, "text"]`; the texts join to exactly the output.
Timings only set that pace. Writes less than FRAME_GAP apart make one frame: one `print` is
several writes. guide/hooks/replay.py hands the frames to the page's player. Timings differ a
little from run to run, so a replay file that still replays the same text, over a spread within
SAME_PACE of this run's, is left as it is rather than rewritten for noise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from fake_openai import pieces
from fake_openai.script import Reply
from guide.layout import OUTPUT_SUFFIX, rel

FRAME_GAP = 0.01  # seconds
MIN_PIECES = 4
SAME_PACE = 0.25  # relative difference of two spreads
REPLAY_SUFFIX = ".replay.json"

Frame = tuple[int, str]  # (milliseconds since the example started, text)
Write = tuple[float, str]  # (seconds since the example started, text)


def printed_pieces(writes: Iterable[Write], paced: Sequence[Reply]) -> int:
    """How many of the example's writes are each one streamed piece of a paced reply."""
    streamed = {piece for reply in paced for piece in pieces(reply.text) if piece.strip()}
    return sum(text in streamed for _, text in writes)


def is_streamed(writes: Iterable[Write], paced: Sequence[Reply]) -> bool:
    return printed_pieces(writes, paced) >= MIN_PIECES


def frames(writes: Iterable[Write]) -> list[Frame]:
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


def replay_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(OUTPUT_SUFFIX) + REPLAY_SUFFIX)


def dumps(replay: list[Frame]) -> str:
    lines = (json.dumps(frame, ensure_ascii=False, separators=(",", ":")) for frame in replay)
    return "[\n" + ",\n".join(lines) + "\n]\n"


def load(path: Path) -> list[Frame]:
    return [(ms, text) for ms, text in json.loads(path.read_text(encoding="utf-8"))]


def text(replay: list[Frame]) -> str:
    return "".join(chunk for _, chunk in replay)


def record(writes: list[Write], paced: Sequence[Reply], output: Path) -> None:
    """`make outputs`: write the replay file of a streamed output, unless the recorded one has
    the same text and pace; remove any other."""
    path = replay_path(output)
    replay = frames(writes)
    if not is_streamed(writes, paced):
        path.unlink(missing_ok=True)
    elif not (path.exists() and same(load(path), replay)):
        path.write_text(dumps(replay), encoding="utf-8")


def same(recorded: list[Frame], replay: list[Frame]) -> bool:
    return text(recorded) == text(replay) and abs(
        spread(recorded) - spread(replay)
    ) <= SAME_PACE * spread(replay)


def disagreement(writes: list[Write], paced: Sequence[Reply], output: Path) -> str | None:
    """Why the recorded replay file of `output` does not fit this run, or None if it does."""
    path = replay_path(output)
    printed = printed_pieces(writes, paced)
    why = (
        f"it printed {printed} pieces of the {len(paced)} replies paced with token_delay"
        f" it was served; {MIN_PIECES} make an output streamed"
    )
    if not path.exists():
        if is_streamed(writes, paced):
            return f"{rel(output)} is streamed ({why}) but has no {path.name}"
        return None
    recorded = output.read_text(encoding="utf-8") if output.exists() else ""
    if text(load(path)) != recorded:
        return f"{rel(path)} does not replay {output.name}: its texts join to something else"
    if not is_streamed(writes, paced):
        return f"{rel(output)} is not streamed ({why}) but has {path.name}"
    return None
