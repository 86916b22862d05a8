"""The OpenAI Responses API wire format (``POST /v1/responses``), as plain data.

Builds the non-streamed ``response`` object and the server-sent events of a streamed
one, as the SDK's ``openai.types.responses`` declare them: ``response.created`` and
``response.in_progress``, then each output item (``output_item.added``, its parts and
deltas, ``output_item.done``), and ``response.completed``, or ``response.incomplete``
for a reply a content filter or the token limit stopped. Output items come in this
order: the reasoning summary, the message (text or refusal), the function calls.

A request is read as the Chat Completions request it corresponds to (`chat_messages`),
so the prompt, the turn and the token counts follow the same rules on both wires.
"""

from typing import Any

from . import wire
from .chunking import pieces
from .script import Reply
from .tokens import dumps
from .wire import Frame, Rendering

_INCOMPLETE_REASONS = {"content_filter": "content_filter", "length": "max_output_tokens"}


def chat_messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The request's instructions and input as Chat Completions messages.

    Consecutive output items (assistant messages, function calls, reasoning) are one
    assistant message, as they came from one model call.
    """
    messages: list[dict[str, Any]] = []
    if isinstance(body.get("instructions"), str):
        messages.append({"role": "system", "content": body["instructions"]})
    items = body.get("input")
    if isinstance(items, str):
        items = [{"role": "user", "content": items}]
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        kind, role = item.get("type", "message"), item.get("role")
        if kind == "message" and role != "assistant":
            messages.append({"role": role, "content": item.get("content")})
        elif kind == "function_call_output":
            output = item.get("output")
            messages.append({"role": "tool", "content": output if isinstance(output, str) else ""})
        elif kind in ("message", "function_call", "reasoning"):
            if not messages or messages[-1]["role"] != "assistant":
                messages.append({"role": "assistant", "content": "", "tool_calls": []})
            if kind == "message":
                messages[-1]["content"] += wire.message_text(item.get("content"))
            elif kind == "function_call":
                function = {"name": item.get("name"), "arguments": item.get("arguments")}
                messages[-1]["tool_calls"].append({"function": function})
    return messages


def chat_tools(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The request's function tools in their Chat Completions form."""
    tools = body.get("tools")
    return [
        {"type": "function", "function": {k: v for k, v in tool.items() if k != "type"}}
        for tool in (tools if isinstance(tools, list) else [])
        if isinstance(tool, dict) and tool.get("type") == "function"
    ]


class Response:
    """One scripted reply rendered for one Responses API request."""

    done = b""

    def __init__(
        self,
        reply: Reply,
        *,
        prompt: str,
        turn: int,
        model: str,
        prompt_tokens: int,
        request: dict[str, Any],
    ) -> None:
        self._said = Rendering(reply, prompt=prompt, turn=turn)
        self.id = "resp_" + wire.digest(prompt, turn)[:48]
        self._model = model
        self._request = request
        self._reasoning = reply.reasoning
        self._incomplete = _INCOMPLETE_REASONS.get(reply.finish_reason or "")
        self._item_ids = {
            kind: f"{kind}_{wire.digest(prompt, turn, kind)[:48]}" for kind in ("rs", "msg")
        }
        self._calls = self._said.calls
        output_tokens = self._said.completion_tokens
        self.usage = {
            "input_tokens": prompt_tokens,
            "input_tokens_details": {"cache_write_tokens": 0, "cached_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": self._said.reasoning_tokens},
            "total_tokens": prompt_tokens + output_tokens,
        }

    def body(self) -> dict[str, Any]:
        """The non-streamed ``response`` object."""
        return self._response(self._status(), [item for item, _ in self._items()], self.usage)

    def frames(self) -> list[Frame]:
        """The events of the streamed response, numbered by ``sequence_number``."""
        out: list[Frame] = []

        def add(type_: str, piece: bool = False, **fields: Any) -> None:
            out.append(Frame({"type": type_, "sequence_number": len(out), **fields}, piece))

        opening = self._response("in_progress", [], None)
        add("response.created", response=opening)
        add("response.in_progress", response=opening)
        for index, (item, parts) in enumerate(self._items()):
            where = {"output_index": index}
            add("response.output_item.added", item=_in_progress(item), **where)
            where = {"item_id": item["id"], **where}
            if item["type"] == "reasoning":
                [summary] = item["summary"]
                at = {**where, "summary_index": 0}
                add("response.reasoning_summary_part.added", **at, part=_empty(summary))
                for piece in parts:
                    add("response.reasoning_summary_text.delta", True, **at, delta=piece)
                add("response.reasoning_summary_text.done", **at, text=summary["text"])
                add("response.reasoning_summary_part.done", **at, part=summary)
            elif item["type"] == "message":
                [part] = item["content"]
                at = {**where, "content_index": 0}
                add("response.content_part.added", **at, part=_empty(part))
                if part["type"] == "refusal":
                    for piece in parts:
                        add("response.refusal.delta", True, **at, delta=piece)
                    add("response.refusal.done", **at, refusal=part["refusal"])
                else:
                    for piece in parts:
                        add("response.output_text.delta", True, **at, delta=piece, logprobs=[])
                    add("response.output_text.done", **at, text=part["text"], logprobs=[])
                add("response.content_part.done", **at, part=part)
            else:
                for piece in parts:
                    add("response.function_call_arguments.delta", True, **where, delta=piece)
                add("response.function_call_arguments.done", **where, arguments=item["arguments"])
            add("response.output_item.done", item=item, output_index=index)
        closing = "response.incomplete" if self._incomplete else "response.completed"
        add(closing, response=self.body())
        return out

    @staticmethod
    def encode(frame: Frame) -> bytes:
        return f"event: {frame.data['type']}\ndata: {dumps(frame.data)}\n\n".encode()

    def _status(self) -> str:
        return "incomplete" if self._incomplete else "completed"

    def _items(self) -> list[tuple[dict[str, Any], list[str]]]:
        """Each output item as it is when done, with the pieces its deltas carry."""
        items: list[tuple[dict[str, Any], list[str]]] = []
        if self._reasoning:
            summary = [{"type": "summary_text", "text": self._reasoning}]
            item = {"id": self._item_ids["rs"], "type": "reasoning", "summary": summary}
            items.append((item, pieces(self._reasoning)))
        reply = self._said.reply
        if reply.refusal:
            part: dict[str, Any] = {"type": "refusal", "refusal": reply.refusal}
            items.append((self._message(part), self._said.refusal_pieces))
        elif reply.text or not self._calls:
            part = {"type": "output_text", "annotations": [], "logprobs": [], "text": reply.text}
            items.append((self._message(part), self._said.text_pieces))
        for call in self._calls:
            item = {
                "id": "fc_" + wire.digest(call.id)[:48],
                "type": "function_call",
                "status": "completed",
                "arguments": call.arguments,
                "call_id": call.id,
                "name": call.name,
            }
            items.append((item, pieces(call.arguments)))
        return items

    def _message(self, part: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": self._item_ids["msg"],
            "type": "message",
            "status": self._status(),
            "content": [part],
            "role": "assistant",
        }

    def _response(
        self, status: str, output: list[dict[str, Any]], usage: dict[str, Any] | None
    ) -> dict[str, Any]:
        request = self._request
        reasoning = request.get("reasoning") if isinstance(request.get("reasoning"), dict) else {}
        return {
            "id": self.id,
            "object": "response",
            "created_at": wire.CREATED,
            "status": status,
            "background": False,
            "error": None,
            "incomplete_details": (
                {"reason": self._incomplete}
                if self._incomplete and status != "in_progress"
                else None
            ),
            "instructions": request.get("instructions"),
            "max_output_tokens": request.get("max_output_tokens"),
            "max_tool_calls": None,
            "model": self._model,
            "output": output,
            "parallel_tool_calls": request.get("parallel_tool_calls", True),
            "previous_response_id": request.get("previous_response_id"),
            "reasoning": {
                "effort": reasoning.get("effort"),
                "summary": reasoning.get("summary"),
            },
            "service_tier": "default",
            "temperature": request.get("temperature", 1.0),
            "text": {"format": {"type": "text"}, "verbosity": "medium"},
            "tool_choice": request.get("tool_choice", "auto"),
            "tools": [_echo_tool(tool["function"]) for tool in chat_tools(request)],
            "top_logprobs": 0,
            "top_p": request.get("top_p", 1.0),
            "truncation": "disabled",
            "usage": usage,
            "user": None,
            "metadata": {},
        }


def _echo_tool(function: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "function",
        "description": function.get("description"),
        "name": function.get("name"),
        "parameters": function.get("parameters"),
        "strict": function.get("strict", True),
    }


def _in_progress(item: dict[str, Any]) -> dict[str, Any]:
    """The output item as ``output_item.added`` announces it: nothing said yet."""
    if item["type"] == "reasoning":
        return {**item, "summary": []}
    if item["type"] == "message":
        return {**item, "status": "in_progress", "content": []}
    return {**item, "status": "in_progress", "arguments": ""}


def _empty(part: dict[str, Any]) -> dict[str, Any]:
    key = "refusal" if part["type"] == "refusal" else "text"
    return {**part, key: ""}
