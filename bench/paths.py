"""The ways of getting a reply that the benchmark compares.

A path is built once per event loop (`CallPath.build(base_url)`, in the loop that will use it)
and gives a function from a prompt to an async iterator over the text pieces the caller sees,
in the order it sees them ("" for an item that carries no text). The raw ``openai`` SDK is the
floor every other path is compared with.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx2
import openai
from langchain.agents import create_agent
from langchain_core._api import LangChainBetaWarning
from langchain_core.messages import AIMessageChunk
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from langchain_openai.chat_models._client_utils import (
    _build_async_httpx_client,
    _default_socket_options,
)
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Durability

MODEL = "gpt-4o-mini"
API_KEY = "sk-fake"

Stream = Callable[[str], AsyncIterator[str]]

# The v3 event streams are beta and say so on every call; the benchmark knows.
warnings.filterwarnings("ignore", category=LangChainBetaWarning)


@dataclass(frozen=True)
class CallPath:
    name: str
    code: str  # how tables and charts name it; `model` is a ChatOpenAI, `agent` a create_agent
    build: Callable[[str], Stream]
    knob: bool = False  # a variant of `astream` with one setting changed


def _chat_model(base_url: str, **settings: Any) -> ChatOpenAI:
    # langchain-openai shares one cached HTTP client between all instances; each path runs in
    # an event loop of its own, so each gets a client of its own, built as the default one is.
    settings.setdefault(
        "http_async_client",
        _build_async_httpx_client(base_url, None, _default_socket_options()),
    )
    return ChatOpenAI(model=MODEL, base_url=base_url, api_key=API_KEY, **settings)


def _user(prompt: str) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": prompt}]}


def _sdk(base_url: str) -> Stream:
    client = openai.AsyncOpenAI(base_url=base_url, api_key=API_KEY)

    async def stream(prompt: str) -> AsyncIterator[str]:
        response = await client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": prompt}], stream=True
        )
        async for chunk in response:
            yield (chunk.choices[0].delta.content or "") if chunk.choices else ""

    return stream


def _ainvoke(base_url: str) -> Stream:
    model = _chat_model(base_url)

    async def stream(prompt: str) -> AsyncIterator[str]:
        yield (await model.ainvoke(prompt)).text

    return stream


def _astream(**settings: Any) -> Callable[[str], Stream]:
    def build(base_url: str) -> Stream:
        model = _chat_model(base_url, **settings)

        async def stream(prompt: str) -> AsyncIterator[str]:
            async for chunk in model.astream(prompt):
                yield chunk.text

        return stream

    return build


def _astream_events_v2(base_url: str) -> Stream:
    model = _chat_model(base_url)

    async def stream(prompt: str) -> AsyncIterator[str]:
        async for event in model.astream_events(prompt, version="v2"):
            yield event["data"]["chunk"].text if event["event"] == "on_chat_model_stream" else ""

    return stream


def _astream_events_v3(base_url: str) -> Stream:
    model = _chat_model(base_url)

    async def stream(prompt: str) -> AsyncIterator[str]:
        async for text in (await model.astream_events(prompt, version="v3")).text:
            yield text

    return stream


def _chain(base_url: str) -> Stream:
    chain = ChatPromptTemplate.from_messages([("user", "{question}")]) | _chat_model(base_url)

    async def stream(prompt: str) -> AsyncIterator[str]:
        async for chunk in chain.astream({"question": prompt}):
            yield chunk.text

    return stream


def _text(message: Any) -> str:
    return message.text if isinstance(message, AIMessageChunk) else ""


# What the caller reads from each item an agent stream yields, by stream mode.
def _from_messages(part: Any) -> str:
    message, _metadata = part
    return _text(message)


def _from_updates(part: Any) -> str:
    return "".join(message.text for message in part["model"]["messages"])


def _from_modes(part: Any) -> str:
    mode, data = part
    return _from_messages(data) if mode == "messages" else ""


def _from_v2(part: Any) -> str:
    return _from_messages(part["data"]) if part["type"] == "messages" else ""


def _agent(read: Callable[[Any], str], **options: Any) -> Callable[[str], Stream]:
    def build(base_url: str) -> Stream:
        agent = create_agent(model=_chat_model(base_url), tools=[])

        async def stream(prompt: str) -> AsyncIterator[str]:
            async for part in agent.astream(_user(prompt), **options):
                yield read(part)

        return stream

    return build


def _agent_events_v2(base_url: str) -> Stream:
    agent = create_agent(model=_chat_model(base_url), tools=[])

    async def stream(prompt: str) -> AsyncIterator[str]:
        async for event in agent.astream_events(_user(prompt), version="v2"):
            yield event["data"]["chunk"].text if event["event"] == "on_chat_model_stream" else ""

    return stream


def _agent_saved(durability: Durability) -> Callable[[str], Stream]:
    """The agent in messages mode with an in-memory checkpointer, a new thread per call."""

    def build(base_url: str) -> Stream:
        agent = create_agent(model=_chat_model(base_url), tools=[], checkpointer=InMemorySaver())

        async def stream(prompt: str) -> AsyncIterator[str]:
            config = {"configurable": {"thread_id": uuid.uuid4().hex}}
            async for part in agent.astream(
                _user(prompt), config, stream_mode="messages", durability=durability
            ):
                yield _from_messages(part)

        return stream

    return build


def _agent_events_v3(base_url: str) -> Stream:
    agent = create_agent(model=_chat_model(base_url), tools=[])

    async def stream(prompt: str) -> AsyncIterator[str]:
        async with await agent.astream_events(_user(prompt), version="v3") as run:
            async for message in run.messages:
                async for text in message.text:
                    yield text

    return stream


POOL_LIMIT = 50


def _pool_limited(base_url: str) -> Stream:
    limits = httpx2.Limits(max_connections=POOL_LIMIT)
    return _astream(http_async_client=httpx2.AsyncClient(limits=limits))(base_url)


PATHS = (
    CallPath("sdk", "openai SDK, stream=True", _sdk),
    CallPath("ainvoke", "model.ainvoke", _ainvoke),
    CallPath("astream", "model.astream", _astream()),
    CallPath("events_v2", 'model.astream_events(version="v2")', _astream_events_v2),
    CallPath("events_v3", 'model.astream_events(version="v3")', _astream_events_v3),
    CallPath("chain", "(prompt | model).astream", _chain),
    CallPath(
        "agent_messages",
        'agent.astream(stream_mode="messages")',
        _agent(_from_messages, stream_mode="messages"),
    ),
    CallPath(
        "agent_updates",
        'agent.astream(stream_mode="updates")',
        _agent(_from_updates, stream_mode="updates"),
    ),
    CallPath(
        "agent_modes",
        'agent.astream(stream_mode=["messages", "updates"])',
        _agent(_from_modes, stream_mode=["messages", "updates"]),
    ),
    CallPath(
        "agent_v2",
        'agent.astream(stream_mode="messages", version="v2")',
        _agent(_from_v2, stream_mode="messages", version="v2"),
    ),
    CallPath("agent_events_v2", 'agent.astream_events(version="v2")', _agent_events_v2),
    CallPath("agent_events_v3", 'agent.astream_events(version="v3")', _agent_events_v3),
    CallPath(
        "no_chunk_timeout",
        "model.astream, stream_chunk_timeout=None",
        _astream(stream_chunk_timeout=None),
        knob=True,
    ),
    CallPath(
        "disable_streaming",
        "model.astream, disable_streaming=True",
        _astream(disable_streaming=True),
        knob=True,
    ),
    *(
        CallPath(
            f"saver_{durability}",
            f'agent.astream(stream_mode="messages"), InMemorySaver, durability="{durability}"',
            _agent_saved(durability),
            knob=True,
        )
        for durability in ("sync", "async", "exit")
    ),
)
# Only in the concurrency runs, where a pool smaller than the number of streams shows.
POOLED = CallPath(
    "pool_limited",
    f"model.astream, max_connections={POOL_LIMIT}",
    _pool_limited,
    knob=True,
)
