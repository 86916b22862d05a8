"""The OpenAI Chat Completions wire format, as plain data.

Builds the non-streamed ``chat.completion`` body, the ``chat.completion.chunk``
sequence of a streamed response and OpenAI-shaped error bodies. Everything is
deterministic: ids are hashes of (prompt, turn), ``created`` and
``system_fingerprint`` are fixed, and token counts come from
:func:`fake_openai.chunking.pieces`.
"""

import hashlib
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from .chunking import pieces
from .script import Reply

CREATED = 1735689600  # 2025-01-01T00:00:00Z
SYSTEM_FINGERPRINT = "fp_fake0penai"
DONE = b"data: [DONE]\n\n"

# OpenAI's cookbook count: every message costs 3 tokens of framing, and the
# reply is primed with 3 more.
_TOKENS_PER_MESSAGE = 3
_TOKENS_PER_REPLY = 3


class Chunk(NamedTuple):
    data: dict[str, Any]
    piece: bool  # carries a text piece or an argument fragment


def message_text(content: Any) -> str:
    """The text of a message's ``content``: a string, or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part["text"]
            for part in content
            if isinstance(part, dict)
            and part.get("type") == "text"
            and isinstance(part.get("text"), str)
        )
    return ""


def prompt_tokens(messages: Iterable[dict[str, Any]]) -> int:
    return _TOKENS_PER_REPLY + sum(
        _TOKENS_PER_MESSAGE + len(pieces(message_text(message.get("content"))))
        for message in messages
    )


def sse(data: dict[str, Any]) -> bytes:
    return f"data: {_dumps(data)}\n\n".encode()


def error_body(
    message: str, type_: str, param: str | None = None, code: str | None = None
) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


class Completion:
    """One scripted reply rendered for one request."""

    def __init__(
        self, reply: Reply, *, prompt: str, turn: int, model: str, prompt_tokens: int
    ) -> None:
        self.id = "chatcmpl-" + _digest(prompt, turn)[:29]
        self.model = model
        self._text = reply.text
        self._text_pieces = pieces(reply.text)
        self._calls = [
            (
                "call_" + _digest(prompt, turn, index)[:24],
                call.name,
                _dumps(call.args),
            )
            for index, call in enumerate(reply.tool_calls)
        ]
        completion_tokens = len(self._text_pieces) + sum(
            len(pieces(arguments)) for _, _, arguments in self._calls
        )
        self.usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        }
        self.finish_reason = "tool_calls" if self._calls else "stop"

    def body(self) -> dict[str, Any]:
        """The non-streamed ``chat.completion`` object."""
        message: dict[str, Any] = {
            "role": "assistant",
            "content": self._text or None,
            "refusal": None,
            "annotations": [],
        }
        if self._calls:
            message["tool_calls"] = [
                {"id": id_, "type": "function", "function": {"name": name, "arguments": arguments}}
                for id_, name, arguments in self._calls
            ]
        return {
            "id": self.id,
            "object": "chat.completion",
            "created": CREATED,
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": message,
                    "logprobs": None,
                    "finish_reason": self.finish_reason,
                }
            ],
            "usage": self.usage,
            "service_tier": "default",
            "system_fingerprint": SYSTEM_FINGERPRINT,
        }

    def chunks(self, include_usage: bool) -> list[Chunk]:
        """The ``chat.completion.chunk`` objects of the streamed response, in order.

        The opening chunk carries the role. A text reply then streams one chunk per
        piece. Tool calls follow one after another: a call's first delta has its
        ``index``, ``id``, ``type`` and ``name`` with empty ``arguments``, the later
        ones only ``index`` and an arguments fragment. A reply with no text folds
        the first call's opening delta into the opening chunk, as OpenAI does.
        """
        out: list[Chunk] = []

        def add(delta: dict[str, Any], finish_reason: str | None = None, piece: bool = False):
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            out.append(Chunk(self._envelope([choice], include_usage), piece))

        opening: dict[str, Any] = {"role": "assistant", "content": "", "refusal": None}
        if not self._text and self._calls:
            opening["content"] = None
            opening["tool_calls"] = [self._call_opening(0)]
        add(opening)
        for piece in self._text_pieces:
            add({"content": piece}, piece=True)
        for index, (_, _, arguments) in enumerate(self._calls):
            if index or self._text:
                add({"tool_calls": [self._call_opening(index)]})
            for fragment in pieces(arguments):
                add(
                    {"tool_calls": [{"index": index, "function": {"arguments": fragment}}]},
                    piece=True,
                )
        add({}, finish_reason=self.finish_reason)
        if include_usage:
            usage_chunk = self._envelope([], include_usage)
            usage_chunk["usage"] = self.usage
            out.append(Chunk(usage_chunk, piece=False))
        return out

    def _call_opening(self, index: int) -> dict[str, Any]:
        id_, name, _ = self._calls[index]
        return {
            "index": index,
            "id": id_,
            "type": "function",
            "function": {"name": name, "arguments": ""},
        }

    def _envelope(self, choices: list[dict[str, Any]], include_usage: bool) -> dict[str, Any]:
        data = {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": self.model,
            "service_tier": "default",
            "system_fingerprint": SYSTEM_FINGERPRINT,
            "choices": choices,
        }
        if include_usage:
            data["usage"] = None
        return data


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()


def _dumps(data: Any) -> str:
    # Compact, like OpenAI's own output; also makes arguments fragments look
    # like the real ones ('{"', 'city', '":"', 'Paris', '"}').
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
