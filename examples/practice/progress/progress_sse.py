"""The same progress over SSE: a FastAPI endpoint and a client that parses it."""

import asyncio
import json
import logging
import sys
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

log = logging.getLogger("inventory")


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
async def count_stock(
    warehouse: Literal["上海仓", "杭州仓"], runtime: ToolRuntime
) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = ZONES[warehouse]
    total = 0
    try:
        for current, (zone, count) in enumerate(zones.items(), start=1):
            await asyncio.sleep(0.15)
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
    except asyncio.CancelledError:  # (1)!
        log.warning("客户端断开，盘点%s的工具已取消", warehouse)
        raise
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
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"  # (2)!


async def with_pings(events: AsyncIterator[str], seconds: float) -> AsyncIterator[str]:
    """Yield the events; yield a ping whenever `seconds` pass without one."""
    iterator = aiter(events)
    pending = asyncio.ensure_future(anext(iterator))
    try:
        while True:
            done, _ = await asyncio.wait({pending}, timeout=seconds)
            if not done:
                yield ": ping\n\n"  # (3)!
                continue
            try:
                event = pending.result()
            except StopAsyncIteration:
                return
            yield event
            pending = asyncio.ensure_future(anext(iterator))
    finally:
        pending.cancel()


async def agent_events(request: ChatRequest) -> AsyncIterator[str]:
    """The run's SSE events, without heartbeats."""
    yield sse("start", {"thread_id": request.thread_id})
    answer = ""
    try:
        async for part in agent.astream(
            {"messages": [{"role": "user", "content": request.message}]},
            {"configurable": {"thread_id": request.thread_id}},
            stream_mode=["updates", "custom", "messages"],
            version="v2",
        ):
            if part["type"] == "custom" and part["data"].get("type") == "progress":
                yield sse("progress", part["data"])  # (4)!
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
                    if node not in ("model", "tools"):  # (5)!
                        continue
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
                    else:
                        yield sse(
                            "tool",
                            {
                                "name": message.name,
                                "status": "end",
                                "id": message.tool_call_id,
                            },
                        )
        yield sse("end", {"answer": answer})
    except Exception as error:  # (6)!
        log.exception("线程 %s 的运行出错", request.thread_id)
        yield sse(
            "error", {"type": type(error).__name__, "message": "盘点失败，请稍后重试"}
        )


@app.post("/chat")
async def chat(request: ChatRequest) -> StreamingResponse:
    return StreamingResponse(
        with_pings(agent_events(request), PING_SECONDS),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def read_events(response: httpx.Response, pings: list[str]):  # (7)!
    event, data = "message", []
    for line in response.iter_lines():
        if line == "":
            if data:
                yield event, json.loads("\n".join(data))
            event, data = "message", []
        elif line.startswith(":"):
            pings.append(line)
        elif line.startswith("event:"):
            event = line.removeprefix("event:").removeprefix(" ")
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").removeprefix(" "))


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, format="服务端日志：%(message)s")
    PING_SECONDS = 0.05  # (8)!
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")  # (9)!
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        time.sleep(0.05)
    if not server.started:
        raise SystemExit("uvicorn 没有启动")
    url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/chat"

    body = {"thread_id": "inventory-1", "message": "盘点一下上海仓的库存"}
    pings: list[str] = []
    with httpx.stream("POST", url, json=body, timeout=30) as response:
        headers = response.headers
        print(f"响应头：{headers['content-type']}")
        print(f"  Cache-Control: {headers['cache-control']}")
        print(f"  X-Accel-Buffering: {headers['x-accel-buffering']}")
        tokens = 0
        for event, data in read_events(response, pings):
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
    print(f"心跳注释行：{'收到' if pings else '没有收到'}")

    body = {"thread_id": "inventory-2", "message": "盘点一下上海仓的库存"}
    with httpx.stream("POST", url, json=body, timeout=30) as response:
        for event, data in read_events(response, []):
            if event == "progress":  # (10)!
                print(f"客户端收到 {data['current']}/{data['total']} 后断开连接")
                break

    server.should_exit = True  # (11)!
    thread.join()
