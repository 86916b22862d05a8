"""The ASGI app: ``POST /v1/chat/completions`` and ``POST /v1/responses`` answered from a script.

Requests are checked the way OpenAI checks them, as far as a client can get them wrong,
and every answer, errors included, is OpenAI-shaped JSON with an ``x-request-id``.
"""

import asyncio
import contextlib
import http
import itertools
import json
import math
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import models, responses_wire, wire
from .script import Fault, Reply, Script
from .tokens import dumps

# Far above any prompt a reader sends; a bigger body would hold up every other stream
# while it is parsed.
MAX_BODY_BYTES = 8 * 1024 * 1024
# How much of an unscripted prompt its error quotes.
EXCERPT_CHARS = 200


class CutConnection(Exception):
    """Raised mid-response to make uvicorn drop the TCP connection (a "drop" fault)."""


class Backend:
    """State shared by the serving thread and the thread that drives the tests.

    With ``keep_log`` false (a long-running server) no request body or unscripted
    prompt is kept, so memory does not grow with the number of requests.
    """

    def __init__(self, keep_log: bool = True) -> None:
        self._lock = threading.Lock()
        self._keep_log = keep_log
        self._script = Script({})
        self._requests: list[dict[str, Any]] = []
        self._unscripted: list[tuple[str, int]] = []
        self._attempts: Counter[tuple[str, int]] = Counter()
        # Set (from the serving loop) when the server stops, so that no
        # ttft/token_delay/stall keeps the shutdown waiting.
        self.closing = asyncio.Event()

    def install(self, script: Script) -> None:
        with self._lock:
            self._script = script
            self._requests.clear()
            self._unscripted.clear()
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
    def unscripted(self) -> list[tuple[str, int]]:
        with self._lock:
            return list(self._unscripted)

    def record(self, body: dict[str, Any]) -> None:
        if self._keep_log:
            with self._lock:
                self._requests.append(body)

    def answer(self, prompt: str, turn: int) -> tuple[Reply | None, Fault | None]:
        """The scripted reply, and its fault if this attempt should get it."""
        with self._lock:
            reply = self._script.reply_for(prompt, turn)
            if reply is None:
                if self._keep_log:
                    self._unscripted.append((prompt, turn))
                return None, None
            self._attempts[prompt, turn] += 1
            fault = reply.fault
            if fault is None or (
                fault.times is not None and self._attempts[prompt, turn] > fault.times
            ):
                return reply, None
            return reply, fault

    @property
    def script_path(self) -> str | None:
        path = self._script.path
        return None if path is None else str(path)

    async def pause(self, seconds: float) -> None:
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), seconds)


async def read_body(request: Request) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the OpenAI-style error to answer with."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return _too_large()
    raw = bytearray()
    try:
        async for part in request.stream():
            raw += part
            if len(raw) > MAX_BODY_BYTES:
                return _too_large()
    except ClientDisconnect:
        # Nobody is left to read the answer; uvicorn drops it.
        return _error(400, "The client disconnected.", "invalid_request_error")
    try:
        body = json.loads(raw, parse_constant=_reject)
        # Lone surrogates ("\ud800") are valid JSON escapes but no UTF-8 text.
        dumps(body).encode()
    except (ValueError, RecursionError):
        return _error(400, _UNPARSABLE_BODY, "invalid_request_error")
    if not isinstance(body, dict):
        return _error(400, "The request body must be a JSON object.", "invalid_request_error")
    return body


def _reject(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def _too_large() -> JSONResponse:
    return _error(
        413,
        f"Request body too large: this server accepts at most {MAX_BODY_BYTES} bytes.",
        "invalid_request_error",
        code="request_too_large",
    )


def unscripted(prompt: str, turn: int, replies: str | None) -> JSONResponse:
    where = f"the replies file {replies}" if replies else "the replies file"
    return _error(
        400,
        f"No scripted reply for prompt {excerpt(prompt)!r} (turn {turn}). Add it to {where}.",
        "invalid_request_error",
        code="unscripted_prompt",
    )


def excerpt(prompt: str) -> str:
    return prompt if len(prompt) <= EXCERPT_CHARS else prompt[:EXCERPT_CHARS] + "…"


def model_not_found(model: str) -> JSONResponse:
    return _error(
        404,
        f"The model `{excerpt(model)}` does not exist or you do not have access to it.",
        "invalid_request_error",
        code="model_not_found",
    )


def invalid(body: dict[str, Any]) -> JSONResponse | None:
    """The error for a Chat Completions request OpenAI would refuse, if it is one."""
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
    return invalid_streaming(body)


def invalid_streaming(body: dict[str, Any]) -> JSONResponse | None:
    stream = body.get("stream")
    if stream is not None and not isinstance(stream, bool):
        return _error(
            400,
            f"Invalid type for 'stream': expected a boolean, but got {_json_type(stream)} instead.",
            "invalid_request_error",
            param="stream",
            code="invalid_type",
        )
    if body.get("stream_options") is not None and stream is not True:
        return _error(
            400,
            "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
            "invalid_request_error",
            param="stream_options",
        )
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal"
    return "an array" if isinstance(value, list) else "an object"


def stream_option(body: dict[str, Any], name: str, default: bool) -> bool:
    options = body.get("stream_options")
    value = options.get(name) if isinstance(options, dict) else None
    return value if isinstance(value, bool) else default


class _Chat:
    """How ``/v1/chat/completions`` reads a request and renders a reply."""

    invalid = staticmethod(invalid)

    @staticmethod
    def messages(body: dict[str, Any]) -> list[dict[str, Any]]:
        return body["messages"]

    @staticmethod
    def render(reply: Reply, prompt: str, turn: int, model: str, body: dict[str, Any]) -> Any:
        tokens = wire.prompt_tokens(body["messages"], body.get("tools"))
        return wire.Completion(reply, prompt=prompt, turn=turn, model=model, prompt_tokens=tokens)

    @staticmethod
    def frames(completion: wire.Completion, body: dict[str, Any]) -> list[wire.Frame]:
        return completion.frames(
            include_usage=stream_option(body, "include_usage", False),
            include_obfuscation=stream_option(body, "include_obfuscation", True),
        )


class _Responses:
    """How ``/v1/responses`` reads a request and renders a reply."""

    @staticmethod
    def invalid(body: dict[str, Any]) -> JSONResponse | None:
        if not isinstance(body.get("model"), str) or not body["model"]:
            return _error(
                400,
                "Missing required parameter: 'model'.",
                "invalid_request_error",
                param="model",
                code="missing_required_parameter",
            )
        if not isinstance(body.get("input"), str | list):
            return _error(
                400,
                "Invalid 'input': expected a string or an array of input items.",
                "invalid_request_error",
                param="input",
                code="invalid_value",
            )
        return invalid_streaming(body)

    messages = staticmethod(responses_wire.chat_messages)

    @staticmethod
    def render(reply: Reply, prompt: str, turn: int, model: str, body: dict[str, Any]) -> Any:
        messages = responses_wire.chat_messages(body)
        tokens = wire.prompt_tokens(messages, responses_wire.chat_tools(body))
        return responses_wire.Response(
            reply, prompt=prompt, turn=turn, model=model, prompt_tokens=tokens, request=body
        )

    @staticmethod
    def frames(response: responses_wire.Response, body: dict[str, Any]) -> list[wire.Frame]:
        return response.frames()


def create_app(backend: Backend) -> ASGIApp:
    def answering(api: type[_Chat] | type[_Responses]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Any:
            body = await read_body(request)
            if not isinstance(body, dict):
                return body
            backend.record(body)
            if error := api.invalid(body):
                return error
            model = models.snapshot(body["model"])
            if model is None:
                return model_not_found(body["model"])

            prompt, turn = wire.prompt_and_turn(api.messages(body))
            reply, fault = backend.answer(prompt, turn)
            if reply is None:
                return unscripted(prompt, turn, backend.script_path)
            if fault is not None and fault.kind == "status":
                return _fault_error(fault, body["model"])

            rendered = api.render(reply, prompt, turn, model, body)
            if body.get("stream") is True:
                frames = api.frames(rendered, body)
                return StreamingResponse(
                    _stream(backend, rendered, frames, reply, fault), media_type="text/event-stream"
                )
            await backend.pause(reply.ttft)
            if fault is not None and fault.kind == "drop":
                return _cut_after_headers
            if fault is not None:
                await backend.pause(fault.seconds)
            return JSONResponse(rendered.body())

        return endpoint

    async def models_list(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": model, "object": "model", "created": wire.CREATED, "owned_by": "system"}
                    for model in models.KNOWN
                ],
            }
        )

    return with_request_ids(
        Starlette(
            routes=[
                Route("/v1/chat/completions", answering(_Chat), methods=["POST"]),
                Route("/v1/responses", answering(_Responses), methods=["POST"]),
                Route("/v1/models", models_list, methods=["GET"]),
            ],
            exception_handlers=ERROR_HANDLERS,
        )
    )


def with_request_ids(app: ASGIApp) -> ASGIApp:
    """Wrap `app` so that every response carries ``x-request-id: req_<32 hex>``."""
    numbers = itertools.count()

    async def app_with_request_ids(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        header = (b"x-request-id", f"req_{wire.digest('request', next(numbers))[:32]}".encode())

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), header]}
            await send(message)

        await app(scope, receive, send_with_id)

    return app_with_request_ids


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    url = f"{request.method} {request.url.path}"
    return _error(404, f"Invalid URL ({url})", "invalid_request_error")


async def _method_not_allowed(request: Request, exc: Exception) -> JSONResponse:
    return _error(
        405,
        f"Invalid method for URL ({request.method} {request.url.path})",
        "invalid_request_error",
    )


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    return _error(500, _SERVER_ERROR, "server_error")


ERROR_HANDLERS: dict[Any, Callable[..., Any]] = {
    404: _not_found,
    405: _method_not_allowed,
    Exception: _server_error,
}

_UNPARSABLE_BODY = (
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
    "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
    "sent was not valid JSON. If you have trouble figuring out how to fix this, please "
    "contact us through our help center at help.openai.com.)"
)
_SERVER_ERROR = "The server had an error while processing your request. Sorry about that!"


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
        return _error(fault.status, _SERVER_ERROR, "server_error", headers=headers)
    phrase = http.HTTPStatus(fault.status).phrase
    return _error(
        fault.status, f"Scripted fault: {phrase}.", "invalid_request_error", headers=headers
    )


async def _stream(
    backend: Backend,
    completion: wire.Completion | responses_wire.Response,
    frames: list[wire.Frame],
    reply: Reply,
    fault: Fault | None,
) -> AsyncIterator[bytes]:
    fault_at = _fault_position(frames, fault.after) if fault else None
    await backend.pause(reply.ttft)
    for position, frame in enumerate(frames):
        if position == fault_at:
            if fault.kind == "drop":
                raise CutConnection
            await backend.pause(fault.seconds)
        if position:
            await backend.pause(reply.token_delay)
        yield completion.encode(frame)
    if completion.done:
        yield completion.done


def _fault_position(frames: list[wire.Frame], after: int) -> int:
    """Index of the frame a fault comes before: after the opening frame and `after` pieces."""
    ends_of_pieces = [index + 1 for index, frame in enumerate(frames) if frame.piece]
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
