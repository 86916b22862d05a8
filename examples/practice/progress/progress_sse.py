"""The same progress over SSE: a FastAPI endpoint and a client that parses it."""

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator
from typing import Literal, TypedDict

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import ToolRuntime, tool
from langgraph.checkpoint.memory import InMemorySaver
from pydantic import BaseModel


class Progress(TypedDict):
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


@tool
def count_stock(warehouse: str, runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = ZONES[warehouse]
    total = 0
    for current, (zone, count) in enumerate(zones.items(), start=1):
        time.sleep(0.1)
        total += count
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status="done" if current == len(zones) else "running",
                message=f"{zone}已盘点",
            )
        )
    return f"{warehouse}共 {total} 件"


agent = create_agent(
    model="gpt-4o-mini", tools=[count_stock], checkpointer=InMemorySaver()
)
app = FastAPI()
PING_SECONDS = 10


class ChatRequest(BaseModel):
    thread_id: str
    message: str


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"  # (1)!


async def with_pings(parts: AsyncIterator, seconds: float) -> AsyncIterator:
    """Yield the parts; yield None whenever `seconds` pass without one."""
    iterator = aiter(parts)
    pending = asyncio.ensure_future(anext(iterator))
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=seconds)
            if not done:
                yield None
                continue
            try:
                part = pending.result()
            except StopAsyncIteration:
                return
            yield part
            pending = asyncio.ensure_future(anext(iterator))
    finally:
        pending.cancel()


async def chat_events(request: ChatRequest) -> AsyncIterator[str]:
    yield sse("start", {"thread_id": request.thread_id})
    answer = ""
    try:
        parts = agent.astream(
            {"messages": [{"role": "user", "content": request.message}]},
            {"configurable": {"thread_id": request.thread_id}},
            stream_mode=["updates", "custom", "messages"],
            version="v2",
        )
        async for part in with_pings(parts, PING_SECONDS):
            if part is None:
                yield ": ping\n\n"  # (2)!
            elif part["type"] == "custom" and part["data"].get("type") == "progress":
                yield sse("progress", part["data"])  # (3)!
            elif part["type"] == "messages":
                token, metadata = part["data"]
                if (
                    isinstance(token, AIMessageChunk)
                    and metadata["langgraph_node"] == "model"
                    and token.text
                ):
                    answer += token.text
                    yield sse("token", {"text": token.text})
            elif part["type"] == "updates":
                for node, update in part["data"].items():
                    message = update["messages"][-1]
                    if node == "model":
                        for call in message.tool_calls:
                            yield sse(
                                "tool",
                                {
                                    "name": call["name"],
                                    "status": "start",
                                    "id": call["id"],
                                },
                            )
                    elif node == "tools":
                        yield sse(
                            "tool",
                            {
                                "name": message.name,
                                "status": "end",
                                "id": message.tool_call_id,
                            },
                        )
        yield sse("end", {"answer": answer})
    except Exception as error:  # (4)!
        yield sse("error", {"type": type(error).__name__, "message": str(error)})


@app.post("/chat")
async def chat(request: ChatRequest) -> StreamingResponse:
    return StreamingResponse(
        chat_events(request),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def read_events(response: httpx.Response):  # (5)!
    event, data = "message", []
    for line in response.iter_lines():
        if line == "":
            if data:
                yield event, json.loads("\n".join(data))
            event, data = "message", []
        elif line.startswith(":"):
            continue
        elif line.startswith("event:"):
            event = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").strip())


if __name__ == "__main__":
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")  # (6)!
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]

    body = {"thread_id": "inventory-1", "message": "盘点一下上海仓的库存"}
    with httpx.stream(
        "POST", f"http://127.0.0.1:{port}/chat", json=body, timeout=30
    ) as response:
        print(
            response.headers["content-type"],
            response.headers["cache-control"],
            response.headers["x-accel-buffering"],
        )
        tokens = 0
        for event, data in read_events(response):
            if event == "progress":
                print(
                    f"progress  {data['step']} {data['current']}/{data['total']} "
                    f"{data['status']}：{data['message']}"
                )
            elif event == "token":
                tokens += 1
            elif event == "tool":
                print(f"tool      {data['name']} {data['status']}")
            elif event == "end":
                print(f"token     {tokens} 个")
                print(f"end       {data['answer']}")
            else:
                print(f"{event:<9} {data}")

    server.should_exit = True  # (7)!
    thread.join()
