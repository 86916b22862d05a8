"""OpenAI-shaped errors, and the checks of a request that answer with them.

Requests are checked the way OpenAI checks them, as far as a client can get them wrong;
the messages are OpenAI's own where they are known.
"""

import http
import json
import math
from collections.abc import Callable
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from . import wire
from .script import Fault
from .tokens import dumps

# Far above any prompt a reader sends; a bigger body would hold up every other stream
# while it is parsed.
MAX_BODY_BYTES = 8 * 1024 * 1024
# How much of an unscripted prompt its error quotes.
EXCERPT_CHARS = 200


async def read_body(request: Request) -> dict[str, Any] | JSONResponse:
    """The request's JSON object, or the OpenAI-style error to answer with."""
    declared = request.headers.get("content-length", "")
    too_large = declared.isdigit() and int(declared) > MAX_BODY_BYTES
    raw = bytearray()
    try:
        async for part in request.stream():
            # A body too large is still read to its end, and dropped: a server that answers and
            # closes with the body unread makes the kernel reset the connection, and the reset
            # can destroy the answer before the client has read it.
            too_large = too_large or len(raw) + len(part) > MAX_BODY_BYTES
            if too_large:
                raw.clear()
            else:
                raw += part
    except ClientDisconnect:
        # Nobody is left to read the answer; uvicorn drops it.
        return error(400, "The client disconnected.", "invalid_request_error")
    if too_large:
        return _too_large()
    try:
        body = json.loads(raw, parse_constant=_reject)
        # Lone surrogates ("\ud800") are valid JSON escapes but no UTF-8 text.
        dumps(body).encode()
    except (ValueError, RecursionError):
        return error(400, _UNPARSABLE_BODY, "invalid_request_error")
    if not isinstance(body, dict):
        return error(400, "The request body must be a JSON object.", "invalid_request_error")
    return body


def _reject(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def _too_large() -> JSONResponse:
    return error(
        413,
        f"Request body too large: this server accepts at most {MAX_BODY_BYTES} bytes.",
        "invalid_request_error",
        code="request_too_large",
    )


def unscripted(prompt: str, turn: int, replies: str | None) -> JSONResponse:
    where = f"the replies file {replies}" if replies else "the replies file"
    return error(
        400,
        f"No scripted reply for prompt {excerpt(prompt)!r} (turn {turn}). Add it to {where}.",
        "invalid_request_error",
        code="unscripted_prompt",
    )


def excerpt(prompt: str) -> str:
    return prompt if len(prompt) <= EXCERPT_CHARS else prompt[:EXCERPT_CHARS] + "…"


def model_not_found(model: str) -> JSONResponse:
    return error(
        404,
        f"The model `{excerpt(model)}` does not exist or you do not have access to it.",
        "invalid_request_error",
        code="model_not_found",
    )


def invalid(body: dict[str, Any]) -> JSONResponse | None:
    """The error for a Chat Completions request OpenAI would refuse, if it is one."""
    if not isinstance(body.get("model"), str) or not body["model"]:
        return error(400, "you must provide a model parameter", "invalid_request_error")
    if "messages" not in body:
        return error(
            400,
            "Missing required parameter: 'messages'.",
            "invalid_request_error",
            param="messages",
            code="missing_required_parameter",
        )
    messages = body["messages"]
    if messages == []:
        return error(
            400,
            "Invalid 'messages': empty array. Expected an array with minimum length 1, "
            "but got an empty array instead.",
            "invalid_request_error",
            param="messages",
            code="empty_array",
        )
    if not isinstance(messages, list) or not all(isinstance(message, dict) for message in messages):
        return error(
            400,
            "Invalid 'messages': expected a non-empty array of message objects.",
            "invalid_request_error",
            param="messages",
            code="invalid_value",
        )
    return unanswered_tool_calls(messages) or invalid_streaming(body)


def unanswered_tool_calls(messages: list[dict[str, Any]]) -> JSONResponse | None:
    """OpenAI's 400 for an assistant message with `tool_calls` that is followed by another
    message before a tool message has answered each of its calls."""
    for index, message in enumerate(messages):
        calls = message.get("tool_calls") if message.get("role") == "assistant" else None
        if not isinstance(calls, list) or not calls:
            continue
        waiting = [call.get("id") for call in calls if isinstance(call, dict)]
        after = index + 1
        while after < len(messages) and messages[after].get("role") == "tool":
            if messages[after].get("tool_call_id") in waiting:
                waiting.remove(messages[after].get("tool_call_id"))
            after += 1
        if waiting and after < len(messages):
            return error(
                400,
                "An assistant message with 'tool_calls' must be followed by tool messages "
                "responding to each 'tool_call_id'. The following tool_call_ids did not have "
                f"response messages: {', '.join(map(str, waiting))}",
                "invalid_request_error",
                param=f"messages.[{after}].role",
            )
    return None


def invalid_streaming(body: dict[str, Any]) -> JSONResponse | None:
    stream = body.get("stream")
    if stream is not None and not isinstance(stream, bool):
        return error(
            400,
            f"Invalid type for 'stream': expected a boolean, but got {_json_type(stream)} instead.",
            "invalid_request_error",
            param="stream",
            code="invalid_type",
        )
    if body.get("stream_options") is not None and stream is not True:
        return error(
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


def invalid_response(body: dict[str, Any]) -> JSONResponse | None:
    """The error for a Responses API request OpenAI would refuse, if it is one."""
    if not isinstance(body.get("model"), str) or not body["model"]:
        return error(
            400,
            "Missing required parameter: 'model'.",
            "invalid_request_error",
            param="model",
            code="missing_required_parameter",
        )
    if not isinstance(body.get("input"), str | list):
        return error(
            400,
            "Invalid 'input': expected a string or an array of input items.",
            "invalid_request_error",
            param="input",
            code="invalid_value",
        )
    return invalid_streaming(body)


async def _not_found(request: Request, exc: Exception) -> JSONResponse:
    url = f"{request.method} {request.url.path}"
    return error(404, f"Invalid URL ({url})", "invalid_request_error")


async def _method_not_allowed(request: Request, exc: Exception) -> JSONResponse:
    return error(
        405,
        f"Invalid method for URL ({request.method} {request.url.path})",
        "invalid_request_error",
    )


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    return error(500, _SERVER_ERROR, "server_error")


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


def fault_error(fault: Fault, model: str) -> JSONResponse:
    headers = {}
    if fault.retry_after is not None:
        headers["retry-after"] = str(math.ceil(fault.retry_after))
        headers["retry-after-ms"] = str(round(fault.retry_after * 1000))
    if fault.status == 429:
        return error(
            429,
            f"Rate limit reached for {model} on requests per min (RPM): Limit 3, Used 3, "
            "Requested 1. Please try again later.",
            "requests",
            code="rate_limit_exceeded",
            headers=headers,
        )
    if fault.status >= 500:
        return error(fault.status, _SERVER_ERROR, "server_error", headers=headers)
    phrase = http.HTTPStatus(fault.status).phrase
    return error(
        fault.status, f"Scripted fault: {phrase}.", "invalid_request_error", headers=headers
    )


def error(
    status: int,
    message: str,
    type_: str,
    param: str | None = None,
    code: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(wire.error_body(message, type_, param, code), status, headers=headers)
