"""What the fake model answers during the benchmark: replies of an exact number of chunks.

Every (latency, length) pair has its own prompt, so the replies file alone sets the server's
timing; a reply of length n streams exactly n text pieces (see fake_openai/chunking.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from fake_openai import pieces

LENGTHS = (10, 100, 1000)
_SENTENCE = (
    "Streaming sends the answer piece by piece, so the reader starts reading "
    "while the model is still writing."
)


@dataclass(frozen=True)
class Latency:
    name: str
    ttft: float  # seconds before the first chunk (the role chunk; text follows a delay later)
    token_delay: float  # seconds between chunks


ZERO = Latency("zero", 0.0, 0.0)
REALISTIC = Latency("realistic", 0.3, 0.02)
LATENCIES = (ZERO, REALISTIC)


def reply_text(length: int) -> str:
    """A text the fake server streams in exactly `length` pieces."""
    repeated = " ".join([_SENTENCE] * (length // len(pieces(_SENTENCE)) + 1))
    text = "".join(pieces(repeated)[:length])
    assert len(pieces(text)) == length, length
    return text


def prompt(latency: Latency, length: int) -> str:
    return f"Answer in {length} tokens at {latency.name} latency."


def write_replies(path: Path) -> None:
    entries = [
        f"[[reply]]\nprompt = {json.dumps(prompt(latency, length))}\n"
        f"text = {json.dumps(reply_text(length))}\n"
        f"ttft = {latency.ttft}\ntoken_delay = {latency.token_delay}\n"
        for latency in LATENCIES
        for length in LENGTHS
    ]
    path.write_text("\n".join(entries), encoding="utf-8")
