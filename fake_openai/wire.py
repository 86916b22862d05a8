"""The OpenAI Chat Completions wire format, as plain data, and what both wires share.

Builds the non-streamed ``chat.completion`` body, the ``chat.completion.chunk``
sequence of a streamed response and OpenAI-shaped error bodies. Everything is
deterministic: ids are hashes of (prompt, turn), ``created`` and
``system_fingerprint`` are fixed, token counts come from :mod:`fake_openai.tokens`.

A request's prompt is the text of its last user message; its turn is the number of
assistant messages after that message.
"""

import hashlib
import string
from typing import Any, NamedTuple

from . import tokens
from .chunking import pieces
from .script import Reply
from .tokens import dumps

CREATED = 1735689600  # 2025-01-01T00:00:00Z
SYSTEM_FINGERPRINT = "fp_fake0penai"
DONE = b"data: [DONE]\n\n"
_BASE62 = string.digits + string.ascii_letters
_TEXT_PARTS = ("text", "input_text", "output_text")  # the last two: Responses API


class Frame(NamedTuple):
    data: dict[str, Any]
    piece: bool  # carries a piece of the reply (text, refusal, reasoning or arguments)


def message_text(content: Any) -> str:
    """The text of a message's ``content``: a string, or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part["text"]
            for part in content
            if isinstance(part, dict)
            and part.get("type") in _TEXT_PARTS
            and isinstance(part.get("text"), str)
        )
    return ""


def prompt_and_turn(messages: list[dict[str, Any]]) -> tuple[str, int]:
    users = [index for index, message in enumerate(messages) if message.get("role") == "user"]
    last_user = users[-1] if users else -1
    prompt = message_text(messages[last_user].get("content")) if users else ""
    turn = sum(message.get("role") == "assistant" for message in messages[last_user + 1 :])
    return prompt, turn


def prompt_tokens(messages: list[dict[str, Any]], tools: Any) -> int:
    """The prompt tokens of a request's ``messages`` and ``tools`` (Chat Completions form)."""
    counted = [
        tokens.Message(message_text(message.get("content")), _calls(message.get("tool_calls")))
        for message in messages
    ]
    functions = [
        tool["function"]
        for tool in (tools if isinstance(tools, list) else [])
        if isinstance(tool, dict) and isinstance(tool.get("function"), dict)
    ]
    return tokens.prompt_tokens(counted, functions)


def _calls(tool_calls: Any) -> list[tuple[str, str]]:
    if not isinstance(tool_calls, list):
        return []
    functions = [call.get("function") for call in tool_calls if isinstance(call, dict)]
    return [
        (str(function.get("name") or ""), str(function.get("arguments") or ""))
        for function in functions
        if isinstance(function, dict)
    ]


def sse(data: dict[str, Any]) -> bytes:
    return f"data: {dumps(data)}\n\n".encode()


def error_body(
    message: str, type_: str, param: str | None = None, code: str | None = None
) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def obfuscation(*seed: object) -> str:
    """Deterministic stand-in for OpenAI's random padding: 2 to 16 base62 characters."""
    digest = hashlib.sha256("\x00".join(map(str, seed)).encode()).digest()
    return "".join(_BASE62[byte % 62] for byte in digest[1 : 3 + digest[0] % 15])


def usage(prompt_tokens: int, completion_tokens: int, reasoning_tokens: int) -> dict:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": reasoning_tokens,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


class Call(NamedTuple):
    id: str
    name: str
    arguments: str


class Rendering:
    """What one scripted reply says, whichever wire carries it: call ids, pieces, counts."""

    def __init__(self, reply: Reply, *, prompt: str, turn: int) -> None:
        self.reply = reply
        self.text_pieces = pieces(reply.text)
        self.refusal_pieces = pieces(reply.refusal)
        self.calls = [
            Call("call_" + digest(prompt, turn, index)[:24], call.name, dumps(call.args))
            for index, call in enumerate(reply.tool_calls)
        ]
        self.reasoning_tokens = len(pieces(reply.reasoning))
        self.completion_tokens = (
            self.reasoning_tokens
            + len(self.text_pieces)
            + len(self.refusal_pieces)
            + sum(tokens.call_tokens(call.name, call.arguments) for call in self.calls)
        )


class Completion:
    """One scripted reply rendered for one Chat Completions request."""

    done = DONE

    def __init__(
        self, reply: Reply, *, prompt: str, turn: int, model: str, prompt_tokens: int
    ) -> None:
        self._said = Rendering(reply, prompt=prompt, turn=turn)
        self.id = "chatcmpl-" + digest(prompt, turn)[:29]
        self.model = model
        self._text = reply.text
        self._refusal = reply.refusal
        self._calls = self._said.calls
        self.usage = usage(prompt_tokens, self._said.completion_tokens, self._said.reasoning_tokens)
        self.finish_reason = reply.finish_reason or ("tool_calls" if self._calls else "stop")

    def body(self) -> dict[str, Any]:
        """The non-streamed ``chat.completion`` object."""
        message: dict[str, Any] = {
            "role": "assistant",
            "content": self._text or None,
        }
        if self._calls:
            message["tool_calls"] = [
                {"id": id_, "type": "function", "function": {"name": name, "arguments": arguments}}
                for id_, name, arguments in self._calls
            ]
        message["refusal"] = self._refusal or None
        message["annotations"] = []
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

    def frames(self, include_usage: bool, include_obfuscation: bool) -> list[Frame]:
        """The ``chat.completion.chunk`` objects of the streamed response, in order.

        The opening chunk carries the role. A text reply then streams one chunk per
        piece, a refusal one ``refusal`` delta per piece. Tool calls follow one after
        another: a call's first delta has its ``index``, ``id``, ``type`` and ``name``
        with empty ``arguments``, the later ones only ``index`` and an arguments
        fragment. A reply with no text folds the first call's opening delta into the
        opening chunk, as OpenAI does. Every chunk ends with an ``obfuscation`` string
        unless ``include_obfuscation`` is false.
        """
        out: list[Frame] = []

        def add(data: dict[str, Any], piece: bool = False) -> None:
            if include_obfuscation:
                data["obfuscation"] = obfuscation(self.id, len(out))
            out.append(Frame(data, piece))

        def delta(delta: dict[str, Any], finish_reason: str | None = None, piece: bool = False):
            choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            add(self._envelope([choice], include_usage), piece)

        opening: dict[str, Any] = {"role": "assistant", "content": ""}
        if self._refusal or (not self._text and self._calls):
            opening["content"] = None
        if not self._text and self._calls:
            opening["tool_calls"] = [self._call_opening(0)]
        opening["refusal"] = "" if self._refusal else None
        delta(opening)
        for piece in self._said.text_pieces:
            delta({"content": piece}, piece=True)
        for piece in self._said.refusal_pieces:
            delta({"refusal": piece}, piece=True)
        for index, (_, _, arguments) in enumerate(self._calls):
            if index or self._text:
                delta({"tool_calls": [self._call_opening(index)]})
            for fragment in pieces(arguments):
                delta(
                    {"tool_calls": [{"index": index, "function": {"arguments": fragment}}]},
                    piece=True,
                )
        delta({}, finish_reason=self.finish_reason)
        if include_usage:
            usage_chunk = self._envelope([], include_usage)
            usage_chunk["usage"] = self.usage
            add(usage_chunk)
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

    @staticmethod
    def encode(frame: Frame) -> bytes:
        return sse(frame.data)


def digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()
