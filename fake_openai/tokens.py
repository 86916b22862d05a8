"""Token counts for ``usage``, counted the way OpenAI bills them, with pieces as tokens.

- A prompt costs 3 tokens per message plus 3 to prime the reply (OpenAI's cookbook
  count), plus each message's text and each tool call it carries, plus the bound tool
  definitions: one token per piece of each definition's compact JSON.
- A tool call, in a prompt or in a reply, costs the pieces of its name and of its
  arguments plus `TOKENS_PER_CALL` of framing.

Checked against a real gpt-4o capture: ``search({"query":"langchain"})`` cost 15
completion tokens (1 + 5 + 9 here); the prompt with two small tools bound cost 69 (74
here); resending that call and its tool result added 37 prompt tokens (37 here).
"""

import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .chunking import pieces

TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3
TOKENS_PER_CALL = 9


class Message(NamedTuple):
    """What a message costs: its text and the (name, arguments) of its tool calls."""

    text: str
    calls: Sequence[tuple[str, str]] = ()


def count(text: str) -> int:
    return len(pieces(text))


def call_tokens(name: str, arguments: str) -> int:
    return count(name) + count(arguments) + TOKENS_PER_CALL


def prompt_tokens(messages: Iterable[Message], tools: Iterable[Any] = ()) -> int:
    return (
        TOKENS_PER_REPLY
        + sum(
            TOKENS_PER_MESSAGE
            + count(message.text)
            + sum(call_tokens(name, arguments) for name, arguments in message.calls)
            for message in messages
        )
        + sum(count(dumps(tool)) for tool in tools)
    )


def dumps(data: Any) -> str:
    # Compact, like OpenAI's own output; also makes arguments fragments look
    # like the real ones ('{"', 'city', '":"', 'Paris', '"}').
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
