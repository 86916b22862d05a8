"""The ASGI app: ``POST /v1/chat/completions`` answered from a script.

A request's prompt is the text of its last user message; its turn is the
number of assistant messages after that message.
"""

import asyncio
import contextlib
import http
import json
import math
import threading
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from . import wire
from .script import Fault, Reply, Script


class CutConnection(Exception):
    """Raised mid-response to make uvicorn drop the TCP connection (a "drop" fault)."""


class Backend:
    """State shared by the serving thread and the thread that drives the tests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script = Script({})
        self._requests: list[dict[str, Any]] = []
        self._unscripted: list[str] = []
        self._paced: list[Reply] = []
        self._attempts: Counter[tuple[str, int]] = Counter()
        # Set (from the serving loop) when the server stops, so that no
        # ttft/token_delay/stall keeps the shutdown waiting.
        self.closing = asyncio.Event()

    def install(self, script: Script) -> None:
        with self._lock:
            self._script = script
            self._requests.clear()
            self._unscripted.clear()
            self._paced.clear()
            self._attempts.clear()

    def uninstall(self) -> None:
        """Answer nothing any more, but keep the logs readable."""
        with self._lock:
            self._script = Script({})

    @property
    def requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._requests)

    @property
    def unscripted(self) -> list[str]:
        with self._lock:
            return list(self._unscripted)

    @property
    def paced(self) -> list[Reply]:
        with self._lock:
            return list(self._paced)

    def record(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._requests.append(body)

    def answer(self, prompt: str, turn: int) -> tuple[Reply | None, Fault | None]:
        """The scripted reply, and its fault if this attempt should get it."""
        with self._lock:
            reply = self._script.reply_for(prompt, turn)
            if reply is None:
                self._unscripted.append(prompt)
                return None, None
            self._attempts[prompt, turn] += 1
            fault = reply.fault
            if fault is None or (
                fault.times is not None and self._attempts[prompt, turn] > fault.times
            ):
                return reply, None
            return reply, fault

    def streamed_paced(self, reply: Reply) -> None:
        with self._lock:
            self._paced.append(reply)

    async def pause(self, seconds: float) -> None:
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), seconds)


async def read_body(request: Request) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the OpenAI-style error to answer with."""
    try:
        body = json.loads(await request.body())
    except (ValueError, RecursionError):
        return _error(400, _UNPARSABLE_BODY, "invalid_request_error")
    if not isinstance(body, dict):
        return _error(400, "The request body must be a JSON object.", "invalid_request_error")
    return body


def unscripted(prompt: str, turn: int) -> JSONResponse:
    return _error(
        400,
        f"No scripted reply for prompt {prompt!r} (turn {turn}). Add it to the replies file.",
        "invalid_request_error",
        code="unscripted_prompt",
    )


def create_app(backend: Backend) -> Starlette:
    async def chat_completions(request: Request) -> Any:
        body = await read_body(request)
        if not isinstance(body, dict):
            return body
        backend.record(body)
        if invalid := _invalid(body):
            return invalid

        prompt, turn = _prompt_and_turn(body["messages"])
        reply, fault = backend.answer(prompt, turn)
        if reply is None:
            return unscripted(prompt, turn)
        if fault is not None and fault.kind == "status":
            return _fault_error(fault, body["model"])

        completion = wire.Completion(
            reply,
            prompt=prompt,
            turn=turn,
            model=body["model"],
            prompt_tokens=wire.prompt_tokens(body["messages"]),
        )
        if body.get("stream") is True:
            options = body.get("stream_options")
            include_usage = isinstance(options, dict) and options.get("include_usage") is True
            chunks = completion.chunks(include_usage)
            if reply.token_delay:
                backend.streamed_paced(reply)
            return StreamingResponse(
                _stream(backend, chunks, reply, fault), media_type="text/event-stream"
            )

        await backend.pause(reply.ttft)
        if fault is not None and fault.kind == "drop":
            return _cut_after_headers
        if fault is not None:
            await backend.pause(fault.seconds)
        return JSONResponse(completion.body())

    async def models(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": model, "object": "model", "created": wire.CREATED, "owned_by": "system"}
                    for model in ("gpt-4o-mini", "gpt-4o")
                ],
            }
        )

    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        return _error(
            404, f"Invalid URL ({request.method} {request.url.path})", "invalid_request_error"
        )

    async def method_not_allowed(request: Request, exc: Exception) -> JSONResponse:
        return _error(
            405,
            f"Invalid method for URL ({request.method} {request.url.path})",
            "invalid_request_error",
        )

    return Starlette(
        routes=[
            Route("/v1/chat/completions", chat_completions, methods=["POST"]),
            Route("/v1/models", models, methods=["GET"]),
        ],
        exception_handlers={404: not_found, 405: method_not_allowed},
    )


_UNPARSABLE_BODY = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
    "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
    "sent was not valid JSON.)"
)


def _invalid(body: dict[str, Any]) -> JSONResponse | None:
    if not isinstance(body.get("model"), str) or not body["model"]:
        return _error(400, "you must provide a model parameter", "invalid_request_error")
    if "messages" not in body:
        return _error(
            400,
            "Missing required parameter: 'messages'.",
            "invalid_request_error",
            param="messages",
            code="missing_required_parameter",
        )
    messages = body["messages"]
    if (
        not isinstance(messages, list)
        or not messages
        or not all(isinstance(message, dict) for message in messages)
    ):
        return _error(
            400,
            "Invalid 'messages': expected a non-empty array of message objects.",
            "invalid_request_error",
            param="messages",
            code="invalid_value",
        )
    return None


def _prompt_and_turn(messages: list[dict[str, Any]]) -> tuple[str, int]:
    users = [index for index, message in enumerate(messages) if message.get("role") == "user"]
    last_user = users[-1] if users else -1
    prompt = wire.message_text(messages[last_user].get("content")) if users else ""
    turn = sum(message.get("role") == "assistant" for message in messages[last_user + 1 :])
    return prompt, turn


def _fault_error(fault: Fault, model: str) -> JSONResponse:
    headers = {}
    if fault.retry_after is not None:
        headers["retry-after"] = str(math.ceil(fault.retry_after))
        headers["retry-after-ms"] = str(round(fault.retry_after * 1000))
    if fault.status == 429:
        return _error(
            429,
            f"Rate limit reached for {model} on requests per min (RPM): Limit 3, Used 3, "
            "Requested 1. Please try again later.",
            "requests",
            code="rate_limit_exceeded",
            headers=headers,
        )
    if fault.status >= 500:
        return _error(
            fault.status,
            "The server had an error while processing your request. Sorry about that!",
            "server_error",
            headers=headers,
        )
    phrase = http.HTTPStatus(fault.status).phrase
    return _error(
        fault.status, f"Scripted fault: {phrase}.", "invalid_request_error", headers=headers
    )


async def _stream(
    backend: Backend, chunks: list[wire.Chunk], reply: Reply, fault: Fault | None
) -> AsyncIterator[bytes]:
    fault_at = _fault_position(chunks, fault.after) if fault else None
    await backend.pause(reply.ttft)
    for position, chunk in enumerate(chunks):
        if position == fault_at:
            if fault.kind == "drop":
                raise CutConnection
            await backend.pause(fault.seconds)
        if position:
            await backend.pause(reply.token_delay)
        yield wire.sse(chunk.data)
    yield wire.DONE


def _fault_position(chunks: list[wire.Chunk], after: int) -> int:
    """Index of the chunk a fault comes before: after the opening chunk and `after` pieces."""
    ends_of_pieces = [index + 1 for index, chunk in enumerate(chunks) if chunk.piece]
    return ends_of_pieces[min(after, len(ends_of_pieces)) - 1] if after else 1


async def _cut_after_headers(scope: Scope, receive: Receive, send: Send) -> None:
    start = {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"application/json")],
    }
    await send(start)
    raise CutConnection


def _error(
    status: int,
    message: str,
    type_: str,
    param: str | None = None,
    code: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(wire.error_body(message, type_, param, code), status, headers=headers)
