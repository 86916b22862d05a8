"""Scripts: which reply the fake model gives to which prompt.

A script is a TOML file of ``[[reply]]`` entries. An entry is found by its
``prompt``, the text of the last user message of a request; the reply for one
model call is given inline (``text`` and/or ``tool_calls``), or, when one user
turn needs several model calls (an agent calling tools), as a list ``turns``
whose n-th item answers the call that already has n assistant messages after
the user message.

A reply may instead be a refusal, or end the way a real reply ends early:

- ``refusal = "I can't help with that."``: the model refuses (no ``text`` or
  ``tool_calls``); the text streams in ``delta.refusal`` (Chat Completions) or
  as a ``refusal`` content part (Responses), and the reply finishes normally;
- ``finish_reason = "content_filter"``: a content filter stopped the reply
  after its ``text`` (which may be empty); ``finish_reason = "length"``: the
  token limit did. The Responses API reports either as an ``incomplete``
  response (``incomplete_details.reason``: ``content_filter`` or
  ``max_output_tokens``).

``reasoning = "..."`` adds a reasoning summary before the reply; only the
Responses API sends it (a ``reasoning`` output item with that summary text), both
count it in ``usage`` as reasoning tokens.

Each reply may also set ``ttft`` (seconds before the first chunk, or before a
non-streamed response), ``token_delay`` (seconds between chunks) and ``fault``.
With ``turns``, an entry-level ``ttft``/``token_delay`` is the default for its
turns. Fault kinds:

- ``{ kind = "status", status = 429, retry_after = 1 }``: answer with that
  HTTP error (``retry_after`` seconds go into ``Retry-After``/``retry-after-ms``);
- ``{ kind = "drop", after = 3 }``: stream the opening chunk and 3 pieces, then
  cut the connection (no finish chunk, no ``[DONE]``); a non-streamed request
  is cut right after the response headers;
- ``{ kind = "stall", after = 2, seconds = 5 }``: stream the opening chunk and
  2 pieces, go silent for 5 s, then carry on; a non-streamed response is
  delayed by 5 s.

``times = n`` limits a fault to the first n matching requests; without it every
matching request gets the fault.
"""

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any


class ScriptError(ValueError):
    """A replies file is malformed: unknown key, wrong type, duplicate prompt."""


@dataclass(frozen=True)
class ToolCall:
    name: str
    args: Mapping[str, Any]


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int = 500
    retry_after: float | None = None
    after: int = 0
    seconds: float = 0.0
    times: int | None = None


@dataclass(frozen=True)
class Reply:
    """What the model answers to one call."""

    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    refusal: str = ""
    finish_reason: str | None = None  # "length" or "content_filter": stopped early
    reasoning: str = ""
    ttft: float = 0.0
    token_delay: float = 0.0
    fault: Fault | None = None


_TIMING_KEYS = {"ttft", "token_delay"}
_REPLY_KEYS = {"text", "tool_calls", "refusal", "finish_reason", "reasoning", "fault"}
_REPLY_KEYS |= _TIMING_KEYS
_EARLY_FINISHES = ("content_filter", "length")
_ERROR_STATUSES = {status.value for status in HTTPStatus if status >= 400}
_TOML_NAMES = {str: "string", int: "integer", list: "array", Mapping: "table"}
_FAULT_KEYS = {
    "status": {"kind", "status", "retry_after", "times"},
    "drop": {"kind", "after", "times"},
    "stall": {"kind", "after", "seconds", "times"},
}


class Script:
    """Replies keyed by prompt; each prompt has one reply per model call."""

    def __init__(self, replies: Mapping[str, tuple[Reply, ...]], path: Path | None = None) -> None:
        self._replies = dict(replies)
        self.path = path  # the replies file, when loaded from one

    @classmethod
    def load(cls, path: Path) -> "Script":
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            return cls.from_dict(data, Path(path))
        except (OSError, tomllib.TOMLDecodeError, ScriptError) as exc:
            raise ScriptError(f"{path}: {exc}") from exc

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: Path | None = None) -> "Script":
        _check_keys(data, {"reply"}, "the replies file")
        replies: dict[str, tuple[Reply, ...]] = {}
        for number, entry in enumerate(_get(data, "reply", list, "the replies file", []), 1):
            where = f"reply #{number}"
            if not isinstance(entry, Mapping):
                raise ScriptError(f"{where} must be a table")
            prompt = _get(entry, "prompt", str, where)
            if prompt is None:
                raise ScriptError(f"{where} has no 'prompt'")
            if prompt in replies:
                raise ScriptError(f"duplicate prompt {prompt!r} ({where})")
            replies[prompt] = _parse_entry(entry, f"{where} (prompt {prompt!r})")
        return cls(replies, path)

    def reply_for(self, prompt: str, turn: int) -> Reply | None:
        turns = self._replies.get(prompt, ())
        return turns[turn] if turn < len(turns) else None


def _parse_entry(entry: Mapping[str, Any], where: str) -> tuple[Reply, ...]:
    if "turns" not in entry:
        _check_keys(entry, {"prompt"} | _REPLY_KEYS, where)
        return (_parse_reply(entry, where, {}),)
    _check_keys(entry, {"prompt", "turns"} | _TIMING_KEYS, where)
    defaults = {key: entry[key] for key in _TIMING_KEYS & entry.keys()}
    turns = _get(entry, "turns", list, where)
    if not turns:
        raise ScriptError(f"{where}: 'turns' is empty")
    parsed = []
    for index, item in enumerate(turns):
        item_where = f"{where}, turns[{index}]"
        if not isinstance(item, Mapping):
            raise ScriptError(f"{item_where} must be a table")
        _check_keys(item, _REPLY_KEYS, item_where)
        parsed.append(_parse_reply(item, item_where, defaults))
    return tuple(parsed)


def _parse_reply(item: Mapping[str, Any], where: str, defaults: Mapping[str, Any]) -> Reply:
    text = _get(item, "text", str, where, "")
    calls = tuple(
        _parse_tool_call(call, f"{where}, tool_calls[{index}]")
        for index, call in enumerate(_get(item, "tool_calls", list, where, []))
    )
    refusal = _get(item, "refusal", str, where, "")
    finish_reason = _get(item, "finish_reason", str, where)
    if finish_reason is not None and finish_reason not in _EARLY_FINISHES:
        raise ScriptError(
            f"{where}: 'finish_reason' must be one of {list(_EARLY_FINISHES)}, "
            f"got {finish_reason!r}"
        )
    if refusal and (text or calls or finish_reason):
        raise ScriptError(f"{where}: a 'refusal' has no 'text', 'tool_calls' or 'finish_reason'")
    if calls and finish_reason:
        raise ScriptError(f"{where}: 'finish_reason' is for a text reply, not 'tool_calls'")
    if not (text or calls or refusal or finish_reason):
        raise ScriptError(f"{where} needs 'text', 'tool_calls' or 'refusal'")
    fault = _get(item, "fault", Mapping, where)
    return Reply(
        text=text,
        tool_calls=calls,
        refusal=refusal,
        finish_reason=finish_reason,
        reasoning=_get(item, "reasoning", str, where, ""),
        ttft=_seconds({**defaults, **item}, "ttft", where),
        token_delay=_seconds({**defaults, **item}, "token_delay", where),
        fault=None if fault is None else _parse_fault(fault, f"{where}, fault"),
    )


def _parse_tool_call(call: Any, where: str) -> ToolCall:
    if not isinstance(call, Mapping):
        raise ScriptError(f"{where} must be a table")
    _check_keys(call, {"name", "args"}, where)
    name = _get(call, "name", str, where)
    if not name:
        raise ScriptError(f"{where} has no 'name'")
    return ToolCall(name=name, args=_get(call, "args", Mapping, where, {}))


def _parse_fault(fault: Mapping[str, Any], where: str) -> Fault:
    kind = _get(fault, "kind", str, where)
    if kind not in _FAULT_KEYS:
        raise ScriptError(f"{where}: 'kind' must be one of {sorted(_FAULT_KEYS)}, got {kind!r}")
    _check_keys(fault, _FAULT_KEYS[kind], where)
    status = _get(fault, "status", int, where, 500)
    if status not in _ERROR_STATUSES:
        raise ScriptError(f"{where}: 'status' must be an HTTP error status, got {status}")
    if kind == "stall" and "seconds" not in fault:
        raise ScriptError(f"{where}: a stall needs 'seconds'")
    times = _get(fault, "times", int, where)
    if times is not None and times < 1:
        raise ScriptError(f"{where}: 'times' must be at least 1")
    after = _get(fault, "after", int, where, 0)
    if after < 0:
        raise ScriptError(f"{where}: 'after' must not be negative")
    return Fault(
        kind=kind,
        status=status,
        retry_after=_seconds(fault, "retry_after", where) if "retry_after" in fault else None,
        after=after,
        seconds=_seconds(fault, "seconds", where),
        times=times,
    )


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ScriptError(
                f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})"
            )


def _get(table: Mapping[str, Any], key: str, kind: type, where: str, default: Any = None) -> Any:
    value = table.get(key, default)
    # bool is an int subclass; `times = true` is a typo, not a count.
    if value is not default and (not isinstance(value, kind) or isinstance(value, bool)):
        raise ScriptError(f"{where}: {key!r} must be a {_TOML_NAMES[kind]}, got {value!r}")
    return value


def _seconds(table: Mapping[str, Any], key: str, where: str) -> float:
    value = table.get(key, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ScriptError(f"{where}: {key!r} must be a number of seconds >= 0, got {value!r}")
    return float(value)


def stub(prompt: str, turn: int) -> str:
    """A ``[[reply]]`` entry to paste into a replies file, answering `prompt` at `turn`."""
    # A JSON string is a valid TOML basic string.
    header = f"[[reply]]\nprompt = {json.dumps(prompt, ensure_ascii=False)}\n"
    if turn == 0:
        return header + 'text = "..."\n'
    items = "".join(f'  {{ text = "..." }},  # turn {index}\n' for index in range(turn + 1))
    note = "# replaces the entry for this prompt: one reply per model call\n"
    return f"{note}{header}turns = [\n{items}]\n"
