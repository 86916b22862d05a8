"""The fake server through the real clients: ChatOpenAI, bind_tools and create_agent.

Nothing is patched; the clients find the server through OPENAI_BASE_URL/OPENAI_API_KEY
only, so what these tests see is what a reader running the examples sees, errors included.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx2
import openai
import pytest
from langchain.agents import create_agent
from langchain_core.exceptions import (
    ModelAPIError,
    ModelConnectionError,
    ModelInvalidRequestError,
    ModelRateLimitError,
    ModelTimeoutError,
)
from langchain_core.messages import AIMessage, AIMessageChunk, ToolMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI, StreamChunkTimeoutError
from langchain_openai.chat_models.base import (
    OpenAIAPIError,
    OpenAIConnectionError,
    OpenAIInvalidRequestError,
    OpenAIRateLimitError,
    OpenAIRefusalError,
    OpenAITimeoutError,
)
from pydantic import BaseModel

from fake_openai import Script, pieces
from fake_openai.tokens import TOKENS_PER_CALL, dumps

TEXT = "Python 是一门简洁易读的编程语言。It's easy to read, too!"
WEATHER = "What's the weather in Paris and Tokyo?"
ANSWER = "Paris is sunny, Tokyo is rainy."
WEATHER_TURNS = [
    {
        "tool_calls": [
            {"name": "get_weather", "args": {"city": "Paris"}},
            {"name": "get_weather", "args": {"city": "Tokyo"}},
        ]
    },
    {"text": ANSWER},
]
FIVE_WORDS = "one two three four five"


@tool
def get_weather(city: str) -> str:
    """Get the current weather in a city."""
    return {"Paris": "sunny", "Tokyo": "rainy"}[city]


def script(*entries: dict[str, Any]) -> Script:
    return Script.from_dict({"reply": list(entries)})


def expected_usage(prompt: str, output: str) -> dict[str, Any]:
    input_tokens = 3 + 3 + len(pieces(prompt))
    return {
        "input_tokens": input_tokens,
        "output_tokens": len(pieces(output)),
        "total_tokens": input_tokens + len(pieces(output)),
        "input_token_details": {"audio": 0, "cache_read": 0},
        "output_token_details": {"audio": 0, "reasoning": 0},
    }


def aggregate(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    total = chunks[0]
    for chunk in chunks[1:]:
        total = total + chunk
    return total


async def astream(model: ChatOpenAI, prompt: str) -> list[AIMessageChunk]:
    return [chunk async for chunk in model.astream(prompt)]


# --- text ------------------------------------------------------------------------------------


def test_invoke(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        message = ChatOpenAI(model="gpt-4o-mini").invoke("介绍 Python")

    assert isinstance(message, AIMessage)
    assert message.content == TEXT
    assert message.usage_metadata == expected_usage("介绍 Python", TEXT)
    assert message.response_metadata["finish_reason"] == "stop"
    assert message.response_metadata["model_name"] == "gpt-4o-mini-2024-07-18"
    assert openai_env.requests[0]["model"] == "gpt-4o-mini"


def test_stream_gives_one_chunk_per_piece(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        chunks = list(ChatOpenAI(model="gpt-4o-mini").stream("介绍 Python"))

    assert [chunk.content for chunk in chunks if chunk.content] == pieces(TEXT)
    assert aggregate(chunks).content == TEXT
    # A base URL from the environment turns ChatOpenAI's default stream_usage off.
    assert aggregate(chunks).usage_metadata is None
    assert "stream_options" not in openai_env.requests[0]


def test_astream_gives_one_chunk_per_piece(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        chunks = asyncio.run(astream(ChatOpenAI(model="gpt-4o-mini"), "介绍 Python"))

    assert [chunk.content for chunk in chunks if chunk.content] == pieces(TEXT)
    assert aggregate(chunks).content == TEXT


def test_stream_usage(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        chunks = list(ChatOpenAI(model="gpt-4o-mini", stream_usage=True).stream("介绍 Python"))

    assert openai_env.requests[0]["stream_options"] == {"include_usage": True}
    assert aggregate(chunks).usage_metadata == expected_usage("介绍 Python", TEXT)


# --- tools -----------------------------------------------------------------------------------


def test_bind_tools_streams_parallel_tool_calls(openai_env):
    entry = {"prompt": WEATHER, "tool_calls": WEATHER_TURNS[0]["tool_calls"]}
    with openai_env.scripted(script(entry)):
        model = ChatOpenAI(model="gpt-4o-mini").bind_tools([get_weather])
        chunks = list(model.stream(WEATHER))

    assert [tool["function"]["name"] for tool in openai_env.requests[0]["tools"]] == ["get_weather"]
    message = aggregate(chunks)
    assert [(call["name"], call["args"]) for call in message.tool_calls] == [
        ("get_weather", {"city": "Paris"}),
        ("get_weather", {"city": "Tokyo"}),
    ]
    ids = [call["id"] for call in message.tool_calls]
    assert all(id_.startswith("call_") for id_ in ids) and len(set(ids)) == 2
    assert message.response_metadata["finish_reason"] == "tool_calls"

    call_chunks = [piece for chunk in chunks for piece in chunk.tool_call_chunks]
    for index, id_ in enumerate(ids):
        first, *rest = [piece for piece in call_chunks if piece["index"] == index]
        assert (first["id"], first["name"], first["args"]) == (id_, "get_weather", "")
        assert rest and all(piece["id"] is None and piece["name"] is None for piece in rest)
        assert [piece["args"] for piece in rest] == pieces("".join(p["args"] for p in rest))


def test_agent_invoke_runs_the_tools_and_answers(openai_env):
    with openai_env.scripted(script({"prompt": WEATHER, "turns": WEATHER_TURNS})):
        agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
        result = agent.invoke({"messages": [{"role": "user", "content": WEATHER}]})
        requests = openai_env.requests

    messages = result["messages"]
    assert [type(message).__name__ for message in messages] == [
        "HumanMessage",
        "AIMessage",
        "ToolMessage",
        "ToolMessage",
        "AIMessage",
    ]
    assert [message.content for message in messages if isinstance(message, ToolMessage)] == [
        "sunny",
        "rainy",
    ]
    assert messages[-1].content == ANSWER
    assert len(requests) == 2
    assert [message["role"] for message in requests[1]["messages"]] == [
        "user",
        "assistant",
        "tool",
        "tool",
    ]


def test_agent_stream_messages(openai_env):
    with openai_env.scripted(script({"prompt": WEATHER, "turns": WEATHER_TURNS})):
        agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
        streamed = list(
            agent.stream(
                {"messages": [{"role": "user", "content": WEATHER}]}, stream_mode="messages"
            )
        )

    model_chunks = [chunk for chunk, meta in streamed if meta["langgraph_node"] == "model"]
    tool_results = [chunk.content for chunk, meta in streamed if meta["langgraph_node"] == "tools"]
    assert all(isinstance(chunk, AIMessageChunk) for chunk in model_chunks)
    assert [
        piece["name"] for c in model_chunks for piece in c.tool_call_chunks if piece["name"]
    ] == [
        "get_weather",
        "get_weather",
    ]
    # create_agent runs parallel tool calls as separate tasks: results come in completion order.
    assert sorted(tool_results) == ["rainy", "sunny"]
    assert [chunk.content for chunk in model_chunks if chunk.content] == pieces(ANSWER)
    assert all(request["stream"] is True for request in openai_env.requests)


# --- faults ----------------------------------------------------------------------------------


def fault_entry(fault: dict[str, Any], text: str = "ok") -> dict[str, Any]:
    return {"prompt": "flaky", "text": text, "fault": fault}


def test_429_is_retried_by_openai_and_succeeds(openai_env):
    fault = {"kind": "status", "status": 429, "retry_after": 0.05, "times": 1}
    with openai_env.scripted(script(fault_entry(fault))):
        message = ChatOpenAI(model="gpt-4o-mini").invoke("flaky")
        assert len(openai_env.requests) == 2
    assert message.content == "ok"


@pytest.mark.parametrize("call", ["invoke", "stream", "ainvoke", "astream"])
def test_429_without_retries_raises_rate_limit_error(openai_env, call):
    fault = {"kind": "status", "status": 429, "retry_after": 0.05}
    with openai_env.scripted(script(fault_entry(fault))):
        model = ChatOpenAI(model="gpt-4o-mini", max_retries=0)
        with pytest.raises(OpenAIRateLimitError) as raised:
            run(model, call, "flaky")

    assert type(raised.value) is OpenAIRateLimitError
    assert isinstance(raised.value, openai.RateLimitError)
    assert isinstance(raised.value, ModelRateLimitError)
    assert raised.value.status_code == 429
    assert raised.value.body["code"] == "rate_limit_exceeded"


@pytest.mark.parametrize("call", ["invoke", "stream", "ainvoke", "astream"])
def test_500_raises_internal_server_error(openai_env, call):
    with openai_env.scripted(script(fault_entry({"kind": "status", "status": 500}))):
        with pytest.raises(OpenAIAPIError) as raised:
            run(ChatOpenAI(model="gpt-4o-mini", max_retries=0), call, "flaky")

    assert type(raised.value) is OpenAIAPIError
    assert isinstance(raised.value, openai.InternalServerError)
    assert isinstance(raised.value, ModelAPIError)


def test_500_is_retried_by_openai(openai_env):
    fault = {"kind": "status", "status": 500, "retry_after": 0.05, "times": 2}
    with openai_env.scripted(script(fault_entry(fault))):
        message = ChatOpenAI(model="gpt-4o-mini").invoke("flaky")
        assert len(openai_env.requests) == 3
    assert message.content == "ok"


@pytest.mark.parametrize("call", ["stream", "astream"])
def test_drop_mid_stream_raises_connection_error_and_is_not_retried(openai_env, call):
    fault = {"kind": "drop", "after": 3}
    received: list[str] = []
    with openai_env.scripted(script(fault_entry(fault, FIVE_WORDS))):
        model = ChatOpenAI(model="gpt-4o-mini")  # default retries: they do not help here
        with pytest.raises(OpenAIConnectionError) as raised:
            run(model, call, "flaky", received)
        assert len(openai_env.requests) == 1

    assert received == ["one", " two", " three"]
    assert type(raised.value) is OpenAIConnectionError
    assert isinstance(raised.value, ModelConnectionError)
    assert type(raised.value.__cause__) is openai.APIConnectionError
    assert type(raised.value.__cause__.__cause__) is httpx2.RemoteProtocolError


def test_drop_before_a_non_streamed_response_is_retried(openai_env):
    fault = {"kind": "drop", "times": 1}
    with openai_env.scripted(script(fault_entry(fault))):
        message = ChatOpenAI(model="gpt-4o-mini").invoke("flaky")
        assert len(openai_env.requests) == 2
    assert message.content == "ok"


@pytest.mark.parametrize("call", ["stream", "astream"])
def test_stall_past_the_client_timeout_raises_timeout_error(openai_env, call):
    fault = {"kind": "stall", "after": 2, "seconds": 5}
    received: list[str] = []
    with openai_env.scripted(script(fault_entry(fault, FIVE_WORDS))):
        model = ChatOpenAI(model="gpt-4o-mini", timeout=0.3, max_retries=0)
        with pytest.raises(OpenAITimeoutError) as raised:
            run(model, call, "flaky", received)

    assert received == ["one", " two"]
    assert type(raised.value) is OpenAITimeoutError
    assert isinstance(raised.value, openai.APITimeoutError)
    assert isinstance(raised.value, ModelTimeoutError)
    assert type(raised.value.__cause__.__cause__) is httpx2.ReadTimeout


def test_stall_past_the_stream_chunk_timeout_raises_its_error(openai_env):
    fault = {"kind": "stall", "after": 2, "seconds": 5}
    received: list[str] = []
    with openai_env.scripted(script(fault_entry(fault, FIVE_WORDS))):
        model = ChatOpenAI(model="gpt-4o-mini", stream_chunk_timeout=0.3, max_retries=0)
        with pytest.raises(StreamChunkTimeoutError) as raised:
            run(model, "astream", "flaky", received)

    assert received == ["one", " two"]
    assert type(raised.value) is StreamChunkTimeoutError
    assert isinstance(raised.value, TimeoutError)
    assert not isinstance(raised.value, openai.OpenAIError)
    assert raised.value.chunks_received == 3  # the opening chunk and two pieces


def test_unscripted_prompt_raises_bad_request_naming_it(openai_env):
    with openai_env.scripted(script()):
        with pytest.raises(OpenAIInvalidRequestError) as raised:
            ChatOpenAI(model="gpt-4o-mini").invoke("not in the script")
        assert openai_env.unscripted == ["not in the script"]
    assert "No scripted reply for prompt 'not in the script' (turn 0)" in str(raised.value)
    assert type(raised.value) is OpenAIInvalidRequestError
    assert isinstance(raised.value, openai.BadRequestError)
    assert isinstance(raised.value, ModelInvalidRequestError)


def run(model: ChatOpenAI, call: str, prompt: str, received: list[str] | None = None) -> None:
    """Call `model` the way `call` names, collecting streamed text into `received`."""
    received = [] if received is None else received

    async def consume_async() -> None:
        if call == "ainvoke":
            await model.ainvoke(prompt)
            return
        async for chunk in model.astream(prompt):
            if chunk.content:
                received.append(chunk.content)

    if call == "invoke":
        model.invoke(prompt)
    elif call == "stream":
        for chunk in model.stream(prompt):
            if chunk.content:
                received.append(chunk.content)
    else:
        asyncio.run(consume_async())


# --- fidelity --------------------------------------------------------------------------------


def test_usage_of_a_tool_call_counts_the_schema_and_the_call(openai_env):
    entry = {"prompt": WEATHER, "tool_calls": WEATHER_TURNS[0]["tool_calls"]}
    with openai_env.scripted(script(entry)):
        model = ChatOpenAI(model="gpt-4o-mini", stream_usage=True).bind_tools([get_weather])
        usage = aggregate(list(model.stream(WEATHER))).usage_metadata
        [schema] = [tool["function"] for tool in openai_env.requests[0]["tools"]]

    assert usage["input_tokens"] == 3 + 3 + len(pieces(WEATHER)) + len(pieces(dumps(schema)))
    per_call = len(pieces("get_weather")) + len(pieces('{"city":"Paris"}')) + TOKENS_PER_CALL
    assert usage["output_tokens"] == 2 * per_call


def test_request_ids_reach_the_sdk(openai_env):
    client = openai.OpenAI(max_retries=0)
    entries = ({"prompt": "hi", "text": "hello"},)
    with openai_env.scripted(script(*entries)):
        completion = client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
        )
        with pytest.raises(openai.NotFoundError) as raised:
            client.chat.completions.create(
                model="gpt-9", messages=[{"role": "user", "content": "hi"}]
            )

    assert completion._request_id.startswith("req_")
    assert completion.model == "gpt-4o-mini-2024-07-18"
    assert raised.value.request_id.startswith("req_")
    assert raised.value.code == "model_not_found"


class Weather(BaseModel):
    city: str
    sky: str


REFUSAL = "I'm sorry, I can't help with that."


@pytest.mark.parametrize("call", ["stream", "invoke"])
def test_structured_output_raises_refusal_error_on_a_refusal(openai_env, call):
    with openai_env.scripted(script({"prompt": "hack it", "refusal": REFUSAL})):
        model = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Weather)
        with pytest.raises(OpenAIRefusalError, match=REFUSAL):
            list(model.stream("hack it")) if call == "stream" else model.invoke("hack it")

    assert "response_format" in openai_env.requests[0]


@pytest.mark.parametrize("call", ["stream", "invoke"])
def test_structured_output_raises_refusal_error_on_a_content_filter(openai_env, call):
    entry = {"prompt": "tell me", "text": '{"city":', "finish_reason": "content_filter"}
    with openai_env.scripted(script(entry)):
        model = ChatOpenAI(model="gpt-4o-mini").with_structured_output(
            Weather, method="function_calling"
        )
        with pytest.raises(OpenAIRefusalError, match="content filter"):
            list(model.stream("tell me")) if call == "stream" else model.invoke("tell me")


def test_json_schema_structured_output_meets_the_sdk_content_filter_error(openai_env):
    # With the default json_schema method the SDK's own stream parser sees the
    # finish_reason first and raises its error before LangChain's refusal check.
    entry = {"prompt": "tell me", "text": '{"city":', "finish_reason": "content_filter"}
    with openai_env.scripted(script(entry)):
        model = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Weather)
        with pytest.raises(openai.ContentFilterFinishReasonError):
            list(model.stream("tell me"))


# --- the Responses API -----------------------------------------------------------------------

REASONING = "The user asks about Python; answer in one sentence."


def responses_model(**kwargs: Any) -> ChatOpenAI:
    return ChatOpenAI(model="gpt-4o-mini", use_responses_api=True, **kwargs)


def test_responses_stream_gives_one_chunk_per_piece(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        chunks = list(responses_model().stream("介绍 Python"))
        [request] = openai_env.requests

    assert [chunk.text for chunk in chunks if chunk.text] == pieces(TEXT)
    message = aggregate(chunks)
    assert message.text == TEXT
    assert message.usage_metadata["input_tokens"] == 3 + 3 + len(pieces("介绍 Python"))
    assert message.usage_metadata["output_tokens"] == len(pieces(TEXT))
    assert message.response_metadata["model_name"] == "gpt-4o-mini-2024-07-18"
    assert message.response_metadata["status"] == "completed"
    assert request["stream"] is True and "input" in request


def test_responses_invoke_and_astream(openai_env):
    with openai_env.scripted(script({"prompt": "介绍 Python", "text": TEXT})):
        message = responses_model().invoke("介绍 Python")
        chunks = asyncio.run(astream(responses_model(), "介绍 Python"))

    assert message.text == TEXT
    assert [chunk.text for chunk in chunks if chunk.text] == pieces(TEXT)


def test_responses_reasoning_summary_reaches_content_blocks(openai_env):
    entry = {"prompt": "介绍 Python", "reasoning": REASONING, "text": TEXT}
    with openai_env.scripted(script(entry)):
        model = responses_model(reasoning={"effort": "low", "summary": "auto"})
        streamed = aggregate(list(model.stream("介绍 Python")))
        invoked = model.invoke("介绍 Python")

    for message in (streamed, invoked):
        reasoning, text = message.content_blocks
        assert (reasoning["type"], reasoning["reasoning"]) == ("reasoning", REASONING)
        assert (text["type"], text["text"]) == ("text", TEXT)
        assert message.usage_metadata["output_token_details"]["reasoning"] == len(pieces(REASONING))
    assert openai_env.requests[0]["reasoning"] == {"effort": "low", "summary": "auto"}


def test_responses_bind_tools_streams_parallel_tool_calls(openai_env):
    entry = {"prompt": WEATHER, "tool_calls": WEATHER_TURNS[0]["tool_calls"]}
    with openai_env.scripted(script(entry)):
        chunks = list(responses_model().bind_tools([get_weather]).stream(WEATHER))

    message = aggregate(chunks)
    assert [(call["name"], call["args"]) for call in message.tool_calls] == [
        ("get_weather", {"city": "Paris"}),
        ("get_weather", {"city": "Tokyo"}),
    ]
    call_chunks = [piece for chunk in chunks for piece in chunk.tool_call_chunks]
    named = [piece for piece in call_chunks if piece["name"]]
    assert [piece["id"] for piece in named] == [call["id"] for call in message.tool_calls]
    assert [piece["args"] for piece in call_chunks if not piece["name"]] == [
        *pieces('{"city":"Paris"}'),
        *pieces('{"city":"Tokyo"}'),
    ]


def test_responses_agent_runs_the_tools_and_answers(openai_env):
    with openai_env.scripted(script({"prompt": WEATHER, "turns": WEATHER_TURNS})):
        agent = create_agent(model=responses_model(), tools=[get_weather])
        streamed = list(
            agent.stream(
                {"messages": [{"role": "user", "content": WEATHER}]}, stream_mode="messages"
            )
        )
        requests = openai_env.requests

    tool_results = [chunk.content for chunk, meta in streamed if meta["langgraph_node"] == "tools"]
    assert sorted(tool_results) == ["rainy", "sunny"]
    answer = [chunk.text for chunk, meta in streamed if meta["langgraph_node"] == "model"]
    assert [text for text in answer if text] == pieces(ANSWER)
    assert [item.get("type") for item in requests[1]["input"]] == [
        "message",
        "function_call",
        "function_call",
        "function_call_output",
        "function_call_output",
    ]


@pytest.mark.parametrize(
    "entry",
    [
        {"prompt": "p", "refusal": REFUSAL},
        {"prompt": "p", "text": '{"city":', "finish_reason": "content_filter"},
    ],
    ids=["refusal", "content-filter"],
)
def test_responses_structured_output_raises_refusal_error_while_streaming(openai_env, entry):
    with openai_env.scripted(script(entry)):
        model = responses_model().with_structured_output(Weather)
        with pytest.raises(OpenAIRefusalError) as raised:
            list(model.stream("p"))

    expected = REFUSAL if "refusal" in entry else "Model output was stopped by a content filter"
    assert str(raised.value) == expected
