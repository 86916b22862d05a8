"""The fake OpenAI server at the HTTP level: what a raw client sees on the wire."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
import tomllib
import typing
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.responses import Response, ResponseStreamEvent

from fake_openai import FakeOpenAI, Script, ScriptError, pieces
from fake_openai.errors import EXCERPT_CHARS, MAX_BODY_BYTES
from fake_openai.script import stub
from fake_openai.standalone import StandaloneServer
from fake_openai.tokens import TOKENS_PER_CALL, dumps
from fake_openai.wire import CREATED, SYSTEM_FINGERPRINT

WEATHER = "What's the weather in Paris and Tokyo?"
PARALLEL_CALLS = [
    {"name": "get_weather", "args": {"city": "Paris"}},
    {"name": "get_weather", "args": {"city": "Tokyo"}},
]
HTTP = httpx.Client(timeout=5)


def script(*entries: dict[str, Any]) -> Script:
    return Script.from_dict({"reply": list(entries)})


def request(prompt: str, **extra: Any) -> dict[str, Any]:
    return {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}], **extra}


def post(server: FakeOpenAI, body: Any, path: str = "/chat/completions") -> httpx.Response:
    return HTTP.post(server.base_url + path, json=body)


def events(server: FakeOpenAI, body: dict[str, Any]) -> list[str]:
    """The `data:` payloads of a streamed response, `[DONE]` included."""
    response = post(server, {**body, "stream": True})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.endswith("\n\n")
    frames = response.text.split("\n\n")[:-1]
    assert all(frame.startswith("data: ") and "\n" not in frame for frame in frames)
    return [frame.removeprefix("data: ") for frame in frames]


def chunks(server: FakeOpenAI, body: dict[str, Any]) -> list[dict[str, Any]]:
    payloads = events(server, body)
    assert payloads[-1] == "[DONE]"
    assert "[DONE]" not in payloads[:-1]
    return [json.loads(payload) for payload in payloads[:-1]]


def deltas(stream: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [chunk["choices"][0]["delta"] for chunk in stream if chunk["choices"]]


def strictly_valid(model: type[pydantic.BaseModel], data: dict[str, Any]) -> None:
    """`data` is a `model` under strict validation, with no field the SDK does not declare."""

    def no_extras(value: Any) -> None:
        if isinstance(value, pydantic.BaseModel):
            assert not value.model_extra, f"undeclared fields {value.model_extra} in {data}"
            for name in type(value).model_fields:
                no_extras(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                no_extras(item)

    no_extras(model.model_validate(data, strict=True))


def timed_lines(server: FakeOpenAI, body: dict[str, Any]) -> list[tuple[float, str]]:
    """Each non-empty SSE line with the seconds since the request was sent."""
    start = time.perf_counter()
    lines = []
    with HTTP.stream("POST", server.base_url + "/chat/completions", json=body) as r:
        for line in r.iter_lines():
            if line:
                lines.append((time.perf_counter() - start, line))
    return lines


# --- chunking -------------------------------------------------------------------------------


def test_chunking_english_keeps_leading_spaces_and_splits_numbers():
    assert pieces("Hello, world!") == ["Hello", ",", " world", "!"]
    assert pieces("What's up in 2024...") == ["What", "'s", " up", " in", " 202", "4", "..."]
    assert pieces("a\n\nb  c") == ["a", "\n\n", "b", " ", " c"]


def test_chunking_chinese_pairs_han_and_isolates_punctuation():
    assert pieces("你好，世界。编程语言") == ["你好", "，", "世界", "。", "编程", "语言"]
    assert pieces("Python 是一门编程语言。") == ["Python", " 是一", "门编", "程语", "言", "。"]


def test_chunking_tool_arguments_look_like_openai_fragments():
    assert pieces('{"city":"Paris"}') == ['{"', "city", '":"', "Paris", '"}']


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "  lead and trail  ",
        "tab\there\r\nend",
        "混合 mixed，文本！ 123_456 ∑é",
        "😀 emoji",
    ],
)
def test_chunking_loses_nothing(text):
    assert "".join(pieces(text)) == text


# --- streamed shape --------------------------------------------------------------------------


def test_stream_text_chunk_sequence(fake_openai):
    text = "Hello, world! 你好世界。"
    with fake_openai.scripted(script({"prompt": "hi", "text": text})):
        stream = chunks(fake_openai, request("hi", model="gpt-4o"))

    assert len({chunk["id"] for chunk in stream}) == 1
    assert stream[0]["id"].startswith("chatcmpl-")
    for chunk in stream:
        assert chunk["object"] == "chat.completion.chunk"
        assert chunk["created"] == CREATED
        assert chunk["model"] == "gpt-4o-2024-08-06"
        assert chunk["system_fingerprint"] == SYSTEM_FINGERPRINT
        assert "usage" not in chunk
        [choice] = chunk["choices"]
        assert choice["index"] == 0 and choice["logprobs"] is None
    assert deltas(stream)[0] == {"role": "assistant", "content": "", "refusal": None}
    assert deltas(stream)[1:-1] == [{"content": piece} for piece in pieces(text)]
    assert deltas(stream)[-1] == {}
    finishes = [chunk["choices"][0]["finish_reason"] for chunk in stream]
    assert finishes == [None] * (len(stream) - 1) + ["stop"]


def test_usage_chunk_only_with_include_usage(fake_openai):
    text = "Python 是一门简洁易读的编程语言。"
    with fake_openai.scripted(script({"prompt": "介绍 Python", "text": text})):
        plain = chunks(fake_openai, request("介绍 Python"))
        with_usage = chunks(
            fake_openai, request("介绍 Python", stream_options={"include_usage": True})
        )
        without_usage = chunks(
            fake_openai, request("介绍 Python", stream_options={"include_usage": False})
        )

    assert all("usage" not in chunk for chunk in plain + without_usage)
    assert len(with_usage) == len(plain) + 1
    assert all(chunk["usage"] is None for chunk in with_usage[:-1])
    last = with_usage[-1]
    assert last["choices"] == []
    prompt_tokens = 3 + 3 + len(pieces("介绍 Python"))
    assert last["usage"]["prompt_tokens"] == prompt_tokens
    assert last["usage"]["completion_tokens"] == len(pieces(text))
    assert last["usage"]["total_tokens"] == prompt_tokens + len(pieces(text))


def test_parallel_tool_calls_stream_like_openai(fake_openai):
    entry = {"prompt": WEATHER, "tool_calls": PARALLEL_CALLS}
    with fake_openai.scripted(script(entry)):
        stream = chunks(fake_openai, request(WEATHER))

    opening, *middle, finish = deltas(stream)
    assert opening["role"] == "assistant"
    assert opening["content"] is None and opening["refusal"] is None
    calls = [call for delta in [opening, *middle] for call in delta["tool_calls"]]
    assert all(len(delta["tool_calls"]) == 1 for delta in middle)
    assert [call["index"] for call in calls] == sorted(call["index"] for call in calls)

    for index, expected in enumerate(PARALLEL_CALLS):
        first, *rest = [call for call in calls if call["index"] == index]
        assert first["id"].startswith("call_")
        assert first["type"] == "function"
        assert first["function"] == {"name": expected["name"], "arguments": ""}
        assert all(set(call) == {"index", "function"} for call in rest)
        assert all(set(call["function"]) == {"arguments"} for call in rest)
        arguments = "".join(call["function"]["arguments"] for call in rest)
        assert json.loads(arguments) == expected["args"]
        assert [call["function"]["arguments"] for call in rest] == pieces(arguments)
    assert finish == {}
    assert stream[-1]["choices"][0]["finish_reason"] == "tool_calls"
    assert len({call["id"] for call in calls if "id" in call}) == 2


def test_text_then_tool_call(fake_openai):
    entry = {"prompt": "look it up", "text": "Let me check.", "tool_calls": PARALLEL_CALLS[:1]}
    with fake_openai.scripted(script(entry)):
        found = deltas(chunks(fake_openai, request("look it up")))

    assert found[0] == {"role": "assistant", "content": "", "refusal": None}
    texts = [delta["content"] for delta in found if "content" in delta][1:]
    assert texts == pieces("Let me check.")
    first_call = next(index for index, delta in enumerate(found) if "tool_calls" in delta)
    assert first_call == 1 + len(texts)
    assert found[first_call]["tool_calls"][0]["function"]["name"] == "get_weather"


# --- non-streamed shape ----------------------------------------------------------------------


def test_non_streamed_text(fake_openai):
    with fake_openai.scripted(script({"prompt": "hi", "text": "Hello, world!"})):
        body = post(fake_openai, request("hi")).json()
        streamed = chunks(fake_openai, request("hi", stream_options={"include_usage": True}))

    assert body["object"] == "chat.completion"
    assert body["id"] == streamed[0]["id"]
    assert body["model"] == "gpt-4o-mini-2024-07-18"
    assert body["created"] == CREATED and body["system_fingerprint"] == SYSTEM_FINGERPRINT
    [choice] = body["choices"]
    assert choice["finish_reason"] == "stop"
    message = choice["message"]
    assert message["role"] == "assistant"
    assert message["content"] == "Hello, world!"
    assert message["refusal"] is None
    assert "tool_calls" not in message
    assert body["usage"] == streamed[-1]["usage"]
    assert body["usage"]["completion_tokens"] == 4


def test_non_streamed_tool_calls(fake_openai):
    with fake_openai.scripted(script({"prompt": WEATHER, "tool_calls": PARALLEL_CALLS})):
        body = post(fake_openai, request(WEATHER)).json()
        streamed = deltas(chunks(fake_openai, request(WEATHER)))

    [choice] = body["choices"]
    assert choice["finish_reason"] == "tool_calls"
    assert choice["message"]["content"] is None
    calls = choice["message"]["tool_calls"]
    assert [call["type"] for call in calls] == ["function", "function"]
    assert [call["function"]["name"] for call in calls] == ["get_weather", "get_weather"]
    assert [json.loads(call["function"]["arguments"]) for call in calls] == [
        call["args"] for call in PARALLEL_CALLS
    ]
    streamed_ids = [c["id"] for d in streamed for c in d.get("tool_calls", []) if "id" in c]
    assert [call["id"] for call in calls] == streamed_ids


# --- matching --------------------------------------------------------------------------------


def test_prompt_is_last_user_message_and_turn_counts_assistant_messages(fake_openai):
    entry = {"prompt": "second", "turns": [{"text": "turn zero"}, {"text": "turn one"}]}
    messages = [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "first"},
        {"role": "assistant", "content": "ignored"},
        {
            "role": "user",
            "content": [{"type": "text", "text": "sec"}, {"type": "text", "text": "ond"}],
        },
    ]
    with fake_openai.scripted(script(entry)):
        turn_zero = post(fake_openai, {"model": "gpt-4o-mini", "messages": messages}).json()
        after_tool = messages + [
            {"role": "assistant", "content": None, "tool_calls": []},
            {"role": "tool", "content": "42", "tool_call_id": "call_1"},
        ]
        turn_one = post(fake_openai, {"model": "gpt-4o-mini", "messages": after_tool}).json()

    assert turn_zero["choices"][0]["message"]["content"] == "turn zero"
    assert turn_one["choices"][0]["message"]["content"] == "turn one"
    assert turn_zero["id"] != turn_one["id"]


def test_unscripted_prompt_and_turn(fake_openai):
    with fake_openai.scripted(script({"prompt": "known", "text": "yes"})):
        unknown = post(fake_openai, request("unknown"))
        beyond = post(
            fake_openai,
            {
                "model": "gpt-4o-mini",
                "messages": [
                    {"role": "user", "content": "known"},
                    {"role": "assistant", "content": "yes"},
                ],
            },
        )
        assert fake_openai.unscripted == ["unknown", "known"]

    assert unknown.status_code == 400
    assert unknown.json() == {
        "error": {
            "message": "No scripted reply for prompt 'unknown' (turn 0). "
            "Add it to the replies file.",
            "type": "invalid_request_error",
            "param": None,
            "code": "unscripted_prompt",
        }
    }
    assert beyond.status_code == 400
    assert "'known' (turn 1)" in beyond.json()["error"]["message"]


def test_scripted_resets_logs_and_uninstalls_on_exit(fake_openai):
    with fake_openai.scripted(script({"prompt": "a", "text": "A"})):
        post(fake_openai, request("a"))
        post(fake_openai, request("b"))
        assert [body["messages"][0]["content"] for body in fake_openai.requests] == ["a", "b"]
        assert fake_openai.unscripted == ["b"]
    assert len(fake_openai.requests) == 2

    assert post(fake_openai, request("a")).status_code == 400
    with fake_openai.scripted(script({"prompt": "c", "text": "C"})):
        assert fake_openai.requests == [] and fake_openai.unscripted == []

    once = script({"prompt": "f", "text": "F", "fault": {"kind": "status", "times": 1}})
    for _ in range(2):
        with fake_openai.scripted(once):
            assert [post(fake_openai, request("f")).status_code for _ in range(2)] == [500, 200]


def test_connections_are_not_kept_alive(fake_openai):
    # langchain-openai's cached async client must never find a pooled connection that
    # belongs to the event loop of an earlier asyncio.run().
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        assert post(fake_openai, request("hi")).headers["connection"] == "close"
        assert post(fake_openai, request("hi", stream=True)).headers["connection"] == "close"
        assert post(fake_openai, request("nope")).headers["connection"] == "close"


def test_models_list(fake_openai):
    response = HTTP.get(fake_openai.base_url + "/models")
    assert response.status_code == 200
    assert "gpt-4o-mini" in [model["id"] for model in response.json()["data"]]


# --- bad requests ----------------------------------------------------------------------------


def _error(message: str, param: str | None = None, code: str | None = None) -> dict[str, Any]:
    return {"message": message, "type": "invalid_request_error", "param": param, "code": code}


@pytest.mark.parametrize(
    ("method", "path", "content", "status", "error"),
    [
        pytest.param("POST", "/chat/completions", b'{"model": ', 400, None, id="malformed-json"),
        pytest.param("POST", "/chat/completions", b"\xff\xfe", 400, None, id="not-utf8"),
        pytest.param("POST", "/chat/completions", b"[" * 100_000, 400, None, id="too-deep"),
        pytest.param(
            "POST",
            "/chat/completions",
            b"[1, 2]",
            400,
            _error("The request body must be a JSON object."),
            id="not-an-object",
        ),
        pytest.param(
            "POST",
            "/chat/completions",
            b'{"messages": [{"role": "user", "content": "hi"}]}',
            400,
            _error("you must provide a model parameter"),
            id="missing-model",
        ),
        pytest.param(
            "POST",
            "/chat/completions",
            b'{"model": "gpt-4o-mini"}',
            400,
            _error(
                "Missing required parameter: 'messages'.", "messages", "missing_required_parameter"
            ),
            id="missing-messages",
        ),
        pytest.param(
            "POST",
            "/chat/completions",
            b'{"model": "gpt-4o-mini", "messages": ["hi"]}',
            400,
            _error(
                "Invalid 'messages': expected a non-empty array of message objects.",
                "messages",
                "invalid_value",
            ),
            id="messages-not-objects",
        ),
        pytest.param(
            "POST",
            "/chat/completions",
            b'{"model": "gpt-4o-mini", "messages": []}',
            400,
            _error(
                "Invalid 'messages': empty array. Expected an array with minimum length 1, "
                "but got an empty array instead.",
                "messages",
                "empty_array",
            ),
            id="messages-empty",
        ),
        pytest.param(
            "POST",
            "/chat/completions",
            b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}, '
            b'{"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", '
            b'"type": "function", "function": {"name": "f", "arguments": "{}"}}]}, '
            b'{"role": "user", "content": "hi"}]}',
            400,
            _error(
                "An assistant message with 'tool_calls' must be followed by tool messages "
                "responding to each 'tool_call_id'. The following tool_call_ids did not have "
                "response messages: call_1",
                "messages.[2].role",
            ),
            id="tool-call-without-tool-message",
        ),
        pytest.param(
            "POST",
            "/whatever",
            b"{}",
            404,
            _error("Invalid URL (POST /v1/whatever)"),
            id="unknown-path",
        ),
        pytest.param(
            "GET",
            "/chat/completions",
            None,
            405,
            _error("Invalid method for URL (GET /v1/chat/completions)"),
            id="wrong-method",
        ),
    ],
)
def test_bad_requests_get_openai_errors_and_the_server_keeps_serving(
    fake_openai, method, path, content, status, error
):
    with fake_openai.scripted(script({"prompt": "hi", "text": "still here"})):
        response = HTTP.request(method, fake_openai.base_url + path, content=content)
        after = post(fake_openai, request("hi"))

    assert response.status_code == status
    assert set(response.json()) == {"error"}
    if error is None:
        found = response.json()["error"]
        assert found["message"].startswith("We could not parse the JSON body of your request.")
        assert (found["type"], found["param"], found["code"]) == (
            "invalid_request_error",
            None,
            None,
        )
    else:
        assert response.json()["error"] == error
    assert after.json()["choices"][0]["message"]["content"] == "still here"


# --- scripts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reply": [{"prompt": "p", "text": "a"}, {"prompt": "p", "text": "b"}]}, "'p'"),
        ({"replies": []}, "'replies'"),
        ({"reply": [{"prompt": "p", "txt": "a"}]}, "'txt'"),
        ({"reply": [{"prompt": "p", "turns": [{"text": "a", "tool_call": []}]}]}, "'tool_call'"),
        ({"reply": [{"prompt": "p", "tool_calls": [{"name": "f", "arg": {}}]}]}, "'arg'"),
        (
            {"reply": [{"prompt": "p", "text": "a", "fault": {"kind": "drop", "seconds": 1}}]},
            "'seconds'",
        ),
        ({"reply": [{"prompt": "p", "text": "a", "fault": {"kind": "explode"}}]}, "'explode'"),
        ({"reply": [{"prompt": "p", "text": "a", "fault": {"kind": "stall"}}]}, "'seconds'"),
        (
            {"reply": [{"prompt": "p", "text": "a", "fault": {"kind": "status", "status": 200}}]},
            "200",
        ),
        (
            {"reply": [{"prompt": "p", "text": "a", "fault": {"kind": "status", "status": 499}}]},
            "499",
        ),
        ({"reply": [{"prompt": "p", "text": "a", "ttft": "slow"}]}, "'ttft'"),
        ({"reply": [{"prompt": "p", "text": 3}]}, "'text'"),
        ({"reply": [{"prompt": "p"}]}, "'text', 'tool_calls' or 'refusal'"),
        ({"reply": [{"prompt": "p", "text": "a", "turns": [{"text": "b"}]}]}, "'text'"),
        ({"reply": [{"text": "a"}]}, "'prompt'"),
    ],
)
def test_script_errors_name_the_culprit(data, message):
    with pytest.raises(ScriptError, match=message.replace("(", r"\(")):
        Script.from_dict(data)


def test_script_load_reads_toml_and_names_the_file(tmp_path: Path):
    good = tmp_path / "replies.toml"
    good.write_text(
        '[[reply]]\nprompt = "p"\nttft = 0.5\nturns = [\n'
        '  { tool_calls = [{ name = "f", args = { x = 1 } }] },\n'
        '  { text = "done", ttft = 0 },\n]\n',
        encoding="utf-8",
    )
    loaded = Script.load(good)
    first, second = loaded.reply_for("p", 0), loaded.reply_for("p", 1)
    assert first.tool_calls[0].name == "f" and first.tool_calls[0].args == {"x": 1}
    assert (first.ttft, second.ttft, second.text) == (0.5, 0.0, "done")
    assert loaded.reply_for("p", 2) is None

    bad = tmp_path / "bad.toml"
    bad.write_text('[[reply]]\nprompt = "p"\nprompt = "q"\n', encoding="utf-8")
    with pytest.raises(ScriptError, match="bad.toml"):
        Script.load(bad)
    with pytest.raises(ScriptError, match="missing.toml"):
        Script.load(tmp_path / "missing.toml")


# --- latency ---------------------------------------------------------------------------------


def test_ttft_and_token_delay(fake_openai):
    entry = {"prompt": "slow", "text": "one two three", "ttft": 0.2, "token_delay": 0.05}
    with fake_openai.scripted(script(entry)):
        lines = timed_lines(fake_openai, request("slow", stream=True))
        start = time.perf_counter()
        post(fake_openai, request("slow"))
        non_streamed = time.perf_counter() - start

    # Times count from the request, so load can only make them later: the lower bounds are the
    # pacing itself (opening chunk after ttft, then 3 pieces and the finish chunk, 4 gaps of
    # token_delay); the upper bound only catches a reply paced far too slowly.
    first, last = lines[0][0], lines[-1][0]
    assert 0.2 <= first < 5
    assert last >= 0.2 + 4 * 0.05
    assert 0.2 <= non_streamed < 5


# --- faults ----------------------------------------------------------------------------------


def test_status_fault_429_with_retry_after_then_success(fake_openai):
    fault = {"kind": "status", "status": 429, "retry_after": 0.05, "times": 2}
    with fake_openai.scripted(script({"prompt": "flaky", "text": "ok", "fault": fault})):
        responses = [post(fake_openai, request("flaky")) for _ in range(3)]
        again = [post(fake_openai, request("flaky", stream=True)).status_code for _ in range(2)]

    first, second, third = responses
    for failed in (first, second):
        assert failed.status_code == 429
        assert failed.headers["retry-after"] == "1"
        assert failed.headers["retry-after-ms"] == "50"
        error = failed.json()["error"]
        assert (error["type"], error["code"]) == ("requests", "rate_limit_exceeded")
        assert "gpt-4o-mini" in error["message"]
    assert third.status_code == 200
    assert again == [200, 200]


def test_status_fault_500_every_time_without_times(fake_openai):
    fault = {"kind": "status", "status": 500}
    with fake_openai.scripted(script({"prompt": "broken", "text": "never", "fault": fault})):
        responses = [post(fake_openai, request("broken")) for _ in range(2)]
        responses.append(post(fake_openai, request("broken", stream=True)))

    assert [response.status_code for response in responses] == [500, 500, 500]
    for response in responses:
        assert "retry-after" not in response.headers
        assert response.json()["error"]["type"] == "server_error"


def test_drop_fault_cuts_the_stream_after_n_pieces(fake_openai, caplog):
    text = "one two three four five"
    fault = {"kind": "drop", "after": 3, "times": 1}
    received = []
    url = fake_openai.base_url + "/chat/completions"
    with fake_openai.scripted(script({"prompt": "drop", "text": text, "fault": fault})):
        with pytest.raises(httpx.RemoteProtocolError):
            with HTTP.stream("POST", url, json=request("drop", stream=True)) as response:
                assert response.status_code == 200
                for line in response.iter_lines():
                    if line:
                        received.append(line.removeprefix("data: "))
        recovered = chunks(fake_openai, request("drop"))

    assert "[DONE]" not in received
    assert [json.loads(event)["choices"][0]["delta"].get("content") for event in received] == [
        "",
        "one",
        " two",
        " three",
    ]
    assert "".join(delta.get("content", "") for delta in deltas(recovered)) == text
    # The cut is on purpose: uvicorn must not log a traceback for it.
    assert [record for record in caplog.records if record.name.startswith("uvicorn")] == []


def test_drop_fault_on_non_streamed_request(fake_openai):
    fault = {"kind": "drop"}
    with fake_openai.scripted(script({"prompt": "drop", "text": "gone", "fault": fault})):
        with pytest.raises(httpx.RemoteProtocolError):
            post(fake_openai, request("drop"))


def test_stall_fault_goes_silent_then_continues(fake_openai):
    # A silence long enough that no gap a busy machine causes is mistaken for it.
    fault = {"kind": "stall", "after": 2, "seconds": 1.0}
    with fake_openai.scripted(script({"prompt": "stall", "text": "a b c d", "fault": fault})):
        lines = timed_lines(fake_openai, request("stall", stream=True))
        start = time.perf_counter()
        body = post(fake_openai, request("stall")).json()
        non_streamed = time.perf_counter() - start

    times = [at for at, _ in lines]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    # opening chunk, "a", " b", then the silence before " c"
    assert gaps.index(max(gaps)) == 2
    # Measured from the request, not between lines: a late read of " b" shortens that gap.
    assert times[3] >= 1.0
    assert lines[-1][1] == "data: [DONE]"
    assert non_streamed >= 1.0
    assert body["choices"][0]["message"]["content"] == "a b c d"


def test_a_client_closing_a_stream_early_is_recorded_as_abandoned(fake_openai):
    entries = (
        {"prompt": "long", "text": "one two three four five six", "token_delay": 0.2},
        {"prompt": "short", "text": "one two"},
        {"prompt": "cut", "text": "one two three", "fault": {"kind": "drop", "after": 1}},
    )
    with fake_openai.scripted(script(*entries)):
        with HTTP.stream(
            "POST", fake_openai.base_url + "/chat/completions", json=request("long", stream=True)
        ) as response:
            next(response.iter_lines())  # the opening chunk, then the client leaves
        assert timed_lines(fake_openai, request("short", stream=True))
        with pytest.raises(httpx.RemoteProtocolError):
            timed_lines(fake_openai, request("cut", stream=True))
        deadline = time.monotonic() + 5
        while not fake_openai.abandoned and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)  # a wrong second entry would have time to show up
        # Read to the end, or cut by the server's own fault: neither is a client leaving.
        assert fake_openai.abandoned == ["long"]
    with fake_openai.scripted(script(*entries)):
        assert fake_openai.abandoned == []


def test_stop_is_quick_even_with_a_client_mid_stall():
    fault = {"kind": "stall", "after": 1, "seconds": 30}
    started = time.perf_counter()
    server = FakeOpenAI().start()
    assert time.perf_counter() - started < 10  # far below the 30 s stall, whatever the load
    received: list[str] = []

    def client() -> None:
        with server.scripted(script({"prompt": "stall", "text": "a b c", "fault": fault})):
            url = server.base_url + "/chat/completions"
            with HTTP.stream("POST", url, json=request("stall", stream=True)) as response:
                received.extend(line for line in response.iter_lines() if line)

    thread = threading.Thread(target=client)
    thread.start()
    while not received and thread.is_alive():
        time.sleep(0.01)
    stopping = time.perf_counter()
    server.stop()
    assert time.perf_counter() - stopping < 10
    thread.join(5)
    assert not thread.is_alive()


def test_no_startup_chatter_in_logs(caplog):
    caplog.set_level(logging.INFO)
    with FakeOpenAI() as server, server.scripted(script({"prompt": "p", "text": "t"})):
        post(server, request("p"))
    assert [record for record in caplog.records if record.name.startswith("uvicorn")] == []


# --- fidelity: usage, model, obfuscation, request ids, validation ----------------------------

GET_WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get the current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}


def test_usage_counts_bound_tools_and_tool_call_framing(fake_openai):
    entry = {"prompt": WEATHER, "tool_calls": PARALLEL_CALLS}
    with fake_openai.scripted(script(entry)):
        bare = post(fake_openai, request(WEATHER)).json()["usage"]
        bound = post(fake_openai, request(WEATHER, tools=[GET_WEATHER])).json()["usage"]

    schema_tokens = len(pieces(dumps(GET_WEATHER["function"])))
    assert bound["prompt_tokens"] == bare["prompt_tokens"] + schema_tokens
    assert bare["prompt_tokens"] == 3 + 3 + len(pieces(WEATHER))
    per_call = [
        len(pieces("get_weather")) + len(pieces(dumps(call["args"]))) + TOKENS_PER_CALL
        for call in PARALLEL_CALLS
    ]
    assert bound["completion_tokens"] == sum(per_call)


def test_usage_matches_a_real_tool_call_capture(fake_openai):
    # gpt-4o answered this with search({"query":"langchain"}) for 15 completion tokens, and
    # sending back that call and its tool result cost 37 more prompt tokens.
    prompt = "调用search 函数搜索langchain"
    call = {"name": "search", "args": {"query": "langchain"}}
    result = "Tool error: Please check your input and try again. (division by zero)"
    entry = {"prompt": prompt, "turns": [{"tool_calls": [call]}, {"text": "Sorry."}]}
    with fake_openai.scripted(script(entry)):
        first = post(fake_openai, request(prompt)).json()
        message = first["choices"][0]["message"]
        history = [
            {"role": "user", "content": prompt},
            {k: v for k, v in message.items() if k in ("role", "content", "tool_calls")},
            {"role": "tool", "tool_call_id": message["tool_calls"][0]["id"], "content": result},
        ]
        second = post(fake_openai, {"model": "gpt-4o", "messages": history}).json()

    assert first["usage"]["completion_tokens"] == 15
    assert second["usage"]["prompt_tokens"] - first["usage"]["prompt_tokens"] == 37


@pytest.mark.parametrize(
    ("requested", "answered"),
    [
        ("gpt-4o-mini", "gpt-4o-mini-2024-07-18"),
        ("gpt-4o", "gpt-4o-2024-08-06"),
        ("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"),
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini-2024-07-18"),
    ],
)
def test_model_is_answered_with_its_snapshot(fake_openai, requested, answered):
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        streamed = chunks(fake_openai, request("hi", model=requested))
        body = post(fake_openai, request("hi", model=requested)).json()

    assert body["model"] == answered
    assert {chunk["model"] for chunk in streamed} == {answered}


@pytest.mark.parametrize("stream", [False, True])
def test_unknown_model_gets_model_not_found(fake_openai, stream):
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        response = post(fake_openai, request("hi", model="gpt-9-turbo", stream=stream))

    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "message": "The model `gpt-9-turbo` does not exist or you do not have access to it.",
            "type": "invalid_request_error",
            "param": None,
            "code": "model_not_found",
        }
    }
    assert fake_openai.unscripted == []


def test_obfuscation_on_every_chunk_unless_turned_off(fake_openai):
    entry = {"prompt": "hi", "text": "Hello, world!"}
    usage = {"include_usage": True}
    with fake_openai.scripted(script(entry)):
        first = chunks(fake_openai, request("hi", stream_options=usage))
        again = chunks(fake_openai, request("hi", stream_options=usage))
        off = chunks(
            fake_openai, request("hi", stream_options={**usage, "include_obfuscation": False})
        )

    padding = [chunk["obfuscation"] for chunk in first]
    assert all(isinstance(p, str) and 2 <= len(p) <= 16 and p.isalnum() for p in padding)
    assert len(set(padding)) == len(padding)  # random-looking
    assert [list(chunk)[-1] for chunk in first] == ["obfuscation"] * len(first)
    assert first == again  # and deterministic
    assert all("obfuscation" not in chunk for chunk in off)
    assert [dict(chunk, obfuscation=None) for chunk in first] == [
        dict(chunk, obfuscation=None) for chunk in off
    ]


def test_every_response_carries_a_request_id(fake_openai):
    fault = {"kind": "status", "status": 429, "retry_after": 0.05}
    entries = ({"prompt": "hi", "text": "hello"}, {"prompt": "busy", "text": "x", "fault": fault})
    with fake_openai.scripted(script(*entries)):
        responses = [
            post(fake_openai, request("hi")),
            post(fake_openai, request("hi", stream=True)),
            post(fake_openai, request("busy")),
            post(fake_openai, request("nobody scripted this")),
            post(fake_openai, request("hi"), path="/nowhere"),
            HTTP.get(fake_openai.base_url + "/chat/completions"),
            HTTP.get(fake_openai.base_url + "/models"),
        ]

    assert [r.status_code for r in responses] == [200, 200, 429, 400, 404, 405, 200]
    ids = [response.headers["x-request-id"] for response in responses]
    assert all(re.fullmatch(r"req_[0-9a-f]{32}", id_) for id_ in ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(
    ("extra", "message", "param", "code"),
    [
        (
            {"stream": "true"},
            "Invalid type for 'stream': expected a boolean, but got a string instead.",
            "stream",
            "invalid_type",
        ),
        (
            {"stream": 1},
            "Invalid type for 'stream': expected a boolean, but got an integer instead.",
            "stream",
            "invalid_type",
        ),
        (
            {"stream_options": {"include_usage": True}},
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
            None,
        ),
        (
            {"stream": False, "stream_options": {"include_usage": True}},
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "stream_options",
            None,
        ),
    ],
)
def test_streaming_parameters_are_checked_like_openai(fake_openai, extra, message, param, code):
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        response = post(fake_openai, request("hi", **extra))
        unset = post(fake_openai, request("hi", stream=None, stream_options=None))

    assert response.status_code == 400
    assert response.json()["error"] == _error(message, param, code)
    assert unset.status_code == 200


# --- refusals and content filters ------------------------------------------------------------

REFUSAL = "I'm sorry, I can't help with that."


def test_refusal_streams_in_delta_refusal(fake_openai):
    with fake_openai.scripted(script({"prompt": "hack it", "refusal": REFUSAL})):
        stream = chunks(fake_openai, request("hack it", stream_options={"include_usage": True}))
        body = post(fake_openai, request("hack it")).json()

    found = deltas(stream)
    assert found[0] == {"role": "assistant", "content": None, "refusal": ""}
    assert found[1:-1] == [{"refusal": piece} for piece in pieces(REFUSAL)]
    assert found[-1] == {}
    assert stream[-2]["choices"][0]["finish_reason"] == "stop"
    assert stream[-1]["usage"]["completion_tokens"] == len(pieces(REFUSAL))
    [choice] = body["choices"]
    assert choice["finish_reason"] == "stop"
    assert choice["message"]["content"] is None
    assert choice["message"]["refusal"] == REFUSAL


@pytest.mark.parametrize("text", ["Here is how", ""])
def test_content_filter_finishes_the_reply(fake_openai, text):
    entry = {"prompt": "tell me", "text": text, "finish_reason": "content_filter"}
    with fake_openai.scripted(script(entry)):
        stream = chunks(fake_openai, request("tell me"))
        body = post(fake_openai, request("tell me")).json()

    assert "".join(delta.get("content") or "" for delta in deltas(stream)) == text
    assert stream[-1]["choices"][0]["finish_reason"] == "content_filter"
    assert body["choices"][0]["finish_reason"] == "content_filter"
    assert body["choices"][0]["message"]["content"] == (text or None)


def test_every_event_is_strictly_an_sdk_object(fake_openai):
    entries = (
        {"prompt": "text", "text": "Hello, 世界!"},
        {"prompt": "tools", "text": "Checking.", "tool_calls": PARALLEL_CALLS},
        {"prompt": "calls", "tool_calls": PARALLEL_CALLS},
        {"prompt": "refusal", "refusal": REFUSAL},
        {"prompt": "filtered", "text": "Well", "finish_reason": "content_filter"},
        {"prompt": "cut", "text": "Long", "finish_reason": "length"},
    )
    options = [None, {"include_usage": True}, {"include_obfuscation": False}]
    with fake_openai.scripted(script(*entries)):
        for entry in entries:
            strictly_valid(ChatCompletion, post(fake_openai, request(entry["prompt"])).json())
            for stream_options in options:
                body = request(entry["prompt"], stream_options=stream_options)
                for chunk in chunks(fake_openai, body):
                    strictly_valid(ChatCompletionChunk, chunk)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ({"refusal": "no", "text": "yes"}, "a 'refusal' has no 'text'"),
        ({"text": "a", "finish_reason": "stop"}, "'finish_reason' must be one of"),
        ({"tool_calls": PARALLEL_CALLS[:1], "finish_reason": "length"}, "not 'tool_calls'"),
        ({"refusal": 3}, "'refusal' must be a string"),
    ],
)
def test_refusal_and_finish_reason_script_errors(reply, message):
    with pytest.raises(ScriptError, match=message):
        script({"prompt": "p", **reply})


# --- robustness ------------------------------------------------------------------------------


def test_bodies_over_the_limit_get_413(fake_openai):
    big = json.dumps(request("x" * (MAX_BODY_BYTES + 1))).encode()

    def in_parts():  # no content-length: the limit holds while reading
        yield from (big[start : start + 65536] for start in range(0, len(big), 65536))

    with fake_openai.scripted(script({"prompt": "hi", "text": "still here"})):
        # Several times over: a server that answers before it has read the body loses about
        # every second answer to the connection's reset.
        declared = [
            HTTP.post(fake_openai.base_url + "/chat/completions", content=big) for _ in range(5)
        ]
        streamed = HTTP.post(fake_openai.base_url + "/chat/completions", content=in_parts())
        after = post(fake_openai, request("hi"))

    for response in (*declared, streamed):
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "request_too_large"
        assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    assert after.json()["choices"][0]["message"]["content"] == "still here"


@pytest.mark.parametrize(
    "content",
    [
        b'{"model": "gpt\\ud800", "messages": [{"role": "user", "content": "hi"}]}',
        b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "\\udfff"}]}',
        b'{"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": '
        b'"hi \\ud83d"}]}',
        b'{"model": "gpt-4o-mini", "temperature": NaN, "messages": []}',
    ],
    ids=["surrogate-in-model", "surrogate-in-prompt", "surrogate-streamed", "nan"],
)
def test_unencodable_input_gets_the_bad_json_400(fake_openai, caplog, content):
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        response = HTTP.post(fake_openai.base_url + "/chat/completions", content=content)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["message"].startswith("We could not parse the JSON body")
    assert [record for record in caplog.records if record.name.startswith("uvicorn")] == []


def test_unscripted_error_quotes_a_bounded_excerpt(fake_openai):
    prompt = "很长的问题" * 100_000
    with fake_openai.scripted(script()):
        response = post(fake_openai, request(prompt))

    message = response.json()["error"]["message"]
    assert response.status_code == 400
    assert repr(prompt[:EXCERPT_CHARS] + "…") in message
    assert len(message) < EXCERPT_CHARS + 200


def test_unscripted_error_names_the_replies_file(fake_openai, tmp_path: Path):
    replies = tmp_path / "replies.toml"
    replies.write_text('[[reply]]\nprompt = "known"\ntext = "yes"\n', encoding="utf-8")
    with fake_openai.scripted(Script.load(replies)):
        message = post(fake_openai, request("unknown")).json()["error"]["message"]
    assert message == (
        f"No scripted reply for prompt 'unknown' (turn 0). Add it to the replies file {replies}."
    )


def test_a_server_without_a_log_keeps_no_request():
    with (
        FakeOpenAI(keep_log=False) as server,
        server.scripted(script({"prompt": "hi", "text": "hello"})),
    ):
        for prompt in ("hi", "unscripted", "hi"):
            post(server, request(prompt))
        assert server.requests == [] and server.unscripted == []
        assert post(server, request("hi")).json()["choices"][0]["message"]["content"] == "hello"


def test_a_client_leaving_mid_body_logs_no_traceback(fake_openai, caplog):
    head = (
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    with fake_openai.scripted(script({"prompt": "hi", "text": "still here"})):
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", fake_openai.port), timeout=5) as raw:
                raw.sendall(head + b'{"model": "gpt-4o-mini", "mess')
        after = post(fake_openai, request("hi"))

    assert after.json()["choices"][0]["message"]["content"] == "still here"
    assert [record for record in caplog.records if record.name.startswith("uvicorn")] == []


def test_standalone_server_answers_unknown_routes_with_openai_errors(tmp_path: Path):
    replies = tmp_path / "replies.toml"
    replies.write_text('[[reply]]\nprompt = "hi"\ntext = "hello"\n', encoding="utf-8")
    with StandaloneServer(replies) as server:
        missing = HTTP.post(server.base_url + "/nowhere", json={})
        wrong_method = HTTP.get(server.base_url + "/chat/completions")
        unknown_model = HTTP.post(
            server.base_url + "/chat/completions", json=request("hi", model="gpt-9")
        )

    assert (missing.status_code, missing.json()["error"]) == (
        404,
        _error("Invalid URL (POST /v1/nowhere)"),
    )
    assert (wrong_method.status_code, wrong_method.json()["error"]) == (
        405,
        _error("Invalid method for URL (GET /v1/chat/completions)"),
    )
    assert unknown_model.json()["error"]["code"] == "model_not_found"
    assert missing.headers["x-request-id"].startswith("req_")


# --- the Responses API -----------------------------------------------------------------------

EVENT_TYPES = {
    typing.get_args(cls.model_fields["type"].annotation)[0]: cls
    for cls in typing.get_args(typing.get_args(ResponseStreamEvent)[0])
}
REASONING = "The user wants the weather; call the tool for each city."


def response_request(prompt: str, **extra: Any) -> dict[str, Any]:
    return {"model": "gpt-4o-mini", "input": prompt, **extra}


def response_events(server: FakeOpenAI, body: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of a streamed Responses API reply, each checked against its SDK type."""
    response = post(server, {**body, "stream": True}, path="/responses")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.text.endswith("\n\n")
    found = []
    for frame in response.text.split("\n\n")[:-1]:
        event_line, data_line = frame.split("\n")
        event = json.loads(data_line.removeprefix("data: "))
        assert event_line == f"event: {event['type']}"
        strictly_valid(EVENT_TYPES[event["type"]], event)
        found.append(event)
    assert [event["sequence_number"] for event in found] == list(range(len(found)))
    return found


def test_responses_text_stream(fake_openai):
    text = "Hello, world! 你好。"
    with fake_openai.scripted(script({"prompt": "hi", "text": text})):
        found = response_events(fake_openai, response_request("hi"))
        body = post(fake_openai, response_request("hi"), path="/responses").json()

    assert [event["type"] for event in found] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        *["response.output_text.delta"] * len(pieces(text)),
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    assert [e["delta"] for e in found if e["type"].endswith(".delta")] == pieces(text)
    assert found[0]["response"]["status"] == "in_progress"
    assert found[0]["response"]["output"] == [] and found[0]["response"]["usage"] is None
    assert found[2]["item"]["status"] == "in_progress" and found[2]["item"]["content"] == []
    assert found[-1]["response"] == body
    strictly_valid(Response, body)
    assert body["status"] == "completed" and body["model"] == "gpt-4o-mini-2024-07-18"
    [message] = body["output"]
    assert message["content"][0]["text"] == text
    assert body["usage"]["input_tokens"] == 3 + 3 + len(pieces("hi"))
    assert body["usage"]["output_tokens"] == len(pieces(text))


def test_responses_reasoning_and_parallel_calls(fake_openai):
    entry = {"prompt": WEATHER, "reasoning": REASONING, "tool_calls": PARALLEL_CALLS}
    tools = [{"type": "function", **GET_WEATHER["function"]}]
    with fake_openai.scripted(script(entry)):
        found = response_events(fake_openai, response_request(WEATHER, tools=tools))
        body = post(fake_openai, response_request(WEATHER, tools=tools), path="/responses").json()

    kinds = [item["type"] for item in body["output"]]
    assert kinds == ["reasoning", "function_call", "function_call"]
    summary = [e["delta"] for e in found if e["type"] == "response.reasoning_summary_text.delta"]
    assert summary == pieces(REASONING)
    assert body["output"][0]["summary"] == [{"type": "summary_text", "text": REASONING}]
    for index, call in enumerate(PARALLEL_CALLS, start=1):
        item = body["output"][index]
        assert (item["name"], json.loads(item["arguments"])) == (call["name"], call["args"])
        fragments = [
            e["delta"]
            for e in found
            if e["type"] == "response.function_call_arguments.delta" and e["output_index"] == index
        ]
        assert fragments == pieces(item["arguments"])
    assert body["tools"][0]["name"] == "get_weather"
    reasoning_tokens = len(pieces(REASONING))
    assert body["usage"]["output_tokens_details"]["reasoning_tokens"] == reasoning_tokens
    schema_tokens = len(pieces(dumps({k: v for k, v in tools[0].items() if k != "type"})))
    assert body["usage"]["input_tokens"] == 3 + 3 + len(pieces(WEATHER)) + schema_tokens


def test_responses_refusal_and_content_filter(fake_openai):
    entries = (
        {"prompt": "hack it", "refusal": REFUSAL},
        {"prompt": "tell me", "text": "Well", "finish_reason": "content_filter"},
    )
    with fake_openai.scripted(script(*entries)):
        refused = response_events(fake_openai, response_request("hack it"))
        filtered = response_events(fake_openai, response_request("tell me"))

    assert [e["delta"] for e in refused if e["type"] == "response.refusal.delta"] == pieces(REFUSAL)
    assert refused[-1]["type"] == "response.completed"
    assert refused[-1]["response"]["output"][0]["content"] == [
        {"type": "refusal", "refusal": REFUSAL}
    ]
    assert filtered[-1]["type"] == "response.incomplete"
    assert filtered[-1]["response"]["status"] == "incomplete"
    assert filtered[-1]["response"]["incomplete_details"] == {"reason": "content_filter"}


def test_responses_turns_count_model_output_runs(fake_openai):
    entry = {"prompt": WEATHER, "turns": [{"tool_calls": PARALLEL_CALLS}, {"text": "Done."}]}
    with fake_openai.scripted(script(entry)):
        first = post(fake_openai, response_request(WEATHER), path="/responses").json()
        calls = [item for item in first["output"] if item["type"] == "function_call"]
        history = [
            {"role": "user", "content": [{"type": "input_text", "text": WEATHER}]},
            *({k: v for k, v in call.items() if k != "status"} for call in calls),
            *(
                {"type": "function_call_output", "call_id": call["call_id"], "output": "sunny"}
                for call in calls
            ),
        ]
        second = post(fake_openai, response_request(history), path="/responses").json()

    assert second["output"][0]["content"][0]["text"] == "Done."
    assert second["usage"]["input_tokens"] > first["usage"]["input_tokens"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"input": "hi"}, 400, "missing_required_parameter"),
        ({"model": "gpt-4o-mini", "input": 3}, 400, "invalid_value"),
        ({"model": "gpt-4o-mini", "input": "hi", "stream": "yes"}, 400, "invalid_type"),
        ({"model": "nope", "input": "hi"}, 404, "model_not_found"),
    ],
)
def test_responses_bad_requests(fake_openai, body, status, code):
    with fake_openai.scripted(script({"prompt": "hi", "text": "hello"})):
        response = post(fake_openai, body, path="/responses")
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_chat_counts_a_scripted_reasoning_summary_without_sending_it(fake_openai):
    entry = {"prompt": "hi", "reasoning": REASONING, "text": "Hello."}
    with fake_openai.scripted(script(entry)):
        body = post(fake_openai, request("hi")).json()
        streamed = chunks(fake_openai, request("hi"))

    details = body["usage"]["completion_tokens_details"]
    assert details["reasoning_tokens"] == len(pieces(REASONING))
    assert body["usage"]["completion_tokens"] == len(pieces(REASONING)) + len(pieces("Hello."))
    assert REASONING not in json.dumps(body) + json.dumps(streamed)


@pytest.mark.parametrize("turn", [0, 2])
def test_stub_is_a_replies_entry_answering_that_turn(turn):
    prompt = 'say "hi"\n\t\\ 你好'
    loaded = Script.from_dict(tomllib.loads(stub(prompt, turn)))
    assert loaded.reply_for(prompt, turn).text == "..."
    assert loaded.reply_for(prompt, turn + 1) is None


def test_responses_drop_fault_cuts_after_n_deltas(fake_openai):
    fault = {"kind": "drop", "after": 2}
    received: list[str] = []
    entry = {"prompt": "drop", "text": "one two three four", "fault": fault}
    with fake_openai.scripted(script(entry)):
        with pytest.raises(httpx.RemoteProtocolError):
            body = response_request("drop", stream=True)
            with HTTP.stream("POST", fake_openai.base_url + "/responses", json=body) as response:
                received.extend(line for line in response.iter_lines() if line.startswith("data"))

    deltas_seen = [json.loads(line.removeprefix("data: ")) for line in received]
    assert [e["delta"] for e in deltas_seen if "delta" in e] == ["one", " two"]
