"""A resilient SSE service: retry, fallback, restarted answers, graceful shutdown.

`python service.py --serve` serves it on http://127.0.0.1:8002/ until Ctrl-C or SIGTERM.
Without `--serve` it starts on a free loopback port, asks questions whose upstream
fails in different ways, stops in the middle of a run, starts again and resumes it.
"""

import asyncio
import json
import signal
import socket
import sys
import time
import uuid

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain.agents import create_agent
from langchain.agents.middleware import (
    AgentMiddleware,
    ModelFallbackMiddleware,
    ModelRefusalMiddleware,
    ModelRetryMiddleware,
)
from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI, StreamChunkTimeoutError
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.errors import GraphDrained
from langgraph.runtime import RunControl
from prometheus_client import CollectorRegistry, Histogram, make_asgi_app
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel

SERVE_PORT = 8002
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
registry = CollectorRegistry()
SERVICE_TTFT = Histogram(
    "sse_time_to_first_token_seconds",
    "从收到请求到发出第一个 token 事件的秒数",
    buckets=(0.5, 1, 2, 5, 10, 30),
    registry=registry,
)


FORECASTS: list[str] = []  # the demo's record of each time the tool started
FORECAST_STARTED = asyncio.Event()


async def get_forecast(city: str) -> str:
    """查询城市明天的天气预报。"""
    FORECASTS.append(city)
    FORECAST_STARTED.set()
    await asyncio.sleep(1.0)
    return f"{city}明天小雨，18°C。"


def make_model(name: str) -> ChatOpenAI:
    return ChatOpenAI(
        model=name,
        use_responses_api=True,  # (1)!
        max_retries=2,  # (2)!
        timeout=httpx.Timeout(60.0, connect=5.0),  # (3)!
        stream_chunk_timeout=20.0 if sys.version_info >= (3, 12) else None,  # (4)!
    )


class CallOutcomes(AgentMiddleware):
    """Records how each model step ended; in production, a metric instead."""

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: list[str] = []

    async def awrap_model_call(self, request, handler):
        try:
            response = await handler(request)
        except asyncio.CancelledError:  # (5)!
            self.outcomes.append("已取消")
            raise
        self.outcomes.append("已生成完")
        return response


outcomes = CallOutcomes()
checkpointer = InMemorySaver()  # (6)!
agent = create_agent(
    make_model("gpt-4o-mini"),
    tools=[get_forecast],
    checkpointer=checkpointer,
    middleware=[
        outcomes,
        ModelFallbackMiddleware(make_model("gpt-4o")),  # (7)!
        ModelRetryMiddleware(
            max_retries=1,
            retry_on=(ModelConnectionError, ModelTimeoutError, StreamChunkTimeoutError),
            on_failure="error",
            initial_delay=0.05,
        ),
        ModelRefusalMiddleware(),
    ],
)


class Question(BaseModel):
    message: str
    thread_id: str | None = None


class Resume(BaseModel):
    thread_id: str


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_app() -> FastAPI:
    app = FastAPI()
    controls: set[RunControl] = set()
    app.state.drain = lambda reason: [c.request_drain(reason) for c in controls]  # (8)!

    async def run(inputs, config, control, queue: asyncio.Queue) -> None:
        message_id, answer, call_text, finished, cut = None, "", "", True, None
        try:
            async for part in agent.astream(
                inputs, config, stream_mode="messages", version="v2", control=control
            ):
                chunk, metadata = part["data"]
                if metadata["langgraph_node"] != "model" or not isinstance(
                    chunk, AIMessageChunk
                ):
                    continue
                if chunk.text and chunk.id != message_id:  # (9)!
                    if call_text and not finished:
                        await queue.put(("restart", {"discarded": len(call_text)}))
                        answer = answer.removesuffix(call_text)
                    message_id, call_text, finished = chunk.id, "", False
                if chunk.text:
                    answer += chunk.text
                    call_text += chunk.text
                    await queue.put(("token", {"text": chunk.text}))
                if chunk.chunk_position == "last":
                    finished = True
                    cut = chunk.response_metadata.get("incomplete_details")  # (10)!
            if cut:
                message = {"type": "incomplete", "message": "回答不完整", **cut}
                await queue.put(("error", message))
            else:
                await queue.put(("end", {"answer": answer}))
        except GraphDrained:  # (11)!
            await queue.put(
                ("error", {"type": "drained", "message": "服务正在重启，请稍后继续"})
            )
        except Exception as error:  # (12)!
            await queue.put(
                ("error", {"type": type(error).__name__, "message": "这次没能生成回答"})
            )

    async def events(inputs, thread_id: str, received: float):
        control, first_token = RunControl(), True
        controls.add(control)
        config = {"configurable": {"thread_id": thread_id}}
        queue: asyncio.Queue = asyncio.Queue()
        task = asyncio.create_task(run(inputs, config, control, queue))  # (13)!
        try:
            yield sse("start", {"thread_id": thread_id})
            while True:
                event, data = await queue.get()
                if event == "token" and first_token:
                    SERVICE_TTFT.observe(time.perf_counter() - received)  # (14)!
                    first_token = False
                yield sse(event, data)
                if event in ("end", "error"):
                    return
        finally:
            task.cancel()  # (15)!
            controls.discard(control)

    @app.post("/chat")
    async def chat(question: Question) -> StreamingResponse:
        inputs = {"messages": [("user", question.message)]}
        thread_id = question.thread_id or uuid.uuid4().hex
        return StreamingResponse(
            events(inputs, thread_id, time.perf_counter()),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )

    @app.post("/resume")
    async def resume(body: Resume) -> StreamingResponse:
        return StreamingResponse(  # (16)!
            events(None, body.thread_id, time.perf_counter()),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )

    app.mount("/metrics", make_asgi_app(registry))  # (17)!
    return app


class DrainingServer(uvicorn.Server):
    def handle_exit(self, sig: int, frame) -> None:  # (18)!
        self.config.app.state.drain(signal.Signals(sig).name)
        super().handle_exit(sig, frame)

    def drain(self, reason: str) -> None:
        self.config.app.state.drain(reason)
        self.should_exit = True


async def start(app: FastAPI) -> tuple[DrainingServer, asyncio.Task, str]:
    server = DrainingServer(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))  # (19)!
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    return server, serving, f"http://127.0.0.1:{listener.getsockname()[1]}"


CLIENT_TTFT: list[float] = []


async def ask(client, url: str, body: dict) -> dict:
    """The client side: what the user sees; a restart removes the failed call's text."""
    shown, seen, event = "", [], None
    sent = time.perf_counter()  # (20)!
    async with client.stream("POST", url, json=body) as response:
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
                if event == "token" and "token" not in seen:
                    CLIENT_TTFT.append(time.perf_counter() - sent)
            elif line.startswith("data: "):
                data = json.loads(line.removeprefix("data: "))
                if event == "token":
                    shown += data["text"]
                elif event == "restart":
                    shown = shown[: len(shown) - data["discarded"]]  # (21)!
                if not seen or seen[-1] != event:
                    seen.append(event)
                if event in ("end", "error"):
                    print(f"  事件：{' → '.join(seen)}")
                    print(f"  最终显示：{shown!r}")
                    if event == "error":
                        print(f"  error：{data}")
                    return data
    return {}


async def demo() -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        server, serving, base = await start(create_app())
        print("1. 上游送出 3 个带文字的块后断线一次：")
        await ask(client, f"{base}/chat", {"message": "讲一个关于产品经理的冷笑话"})
        print("2. 主模型连续返回 500：")
        await ask(client, f"{base}/chat", {"message": "用一句话介绍宁波"})
        print("3. 工具运行期间服务开始停机：")
        thread_id = "user-42"

        async def stop_while_tool_runs() -> None:
            await FORECAST_STARTED.wait()
            server.drain("SIGTERM")  # (22)!

        stopping = asyncio.create_task(stop_while_tool_runs())
        body = {"message": "上海明天需要带伞吗？", "thread_id": thread_id}
        await ask(client, f"{base}/chat", body)
        await stopping
        await serving
        print(f"  服务已退出：{serving.done()}")
        print("4. 重启后从检查点继续：")
        server, serving, base = await start(create_app())
        await ask(client, f"{base}/resume", {"thread_id": thread_id})
        print(f"  查询天气的工具一共启动了 {len(FORECASTS)} 次")
        print("5. 客户端收到 3 个 token 事件后断开连接：")
        await disconnect(client, f"{base}/chat", {"message": "详细介绍一下长江"})
        print("6. 内容过滤截断了回答：")
        await ask(client, f"{base}/chat", {"message": "写一首关于秋天的短诗"})
        text = (await client.get(f"{base}/metrics/")).text
        recorded = {
            sample.name.removeprefix("sse_time_to_first_token_seconds_"): sample.value
            for family in text_string_to_metric_families(text)
            for sample in family.samples
            if sample.name.startswith("sse_time_to_first_token_seconds_")
        }
        print(f"7. /metrics：服务端记录了 {recorded['count']:g} 次首 token 延迟")
        longer = "是" if sum(CLIENT_TTFT) > recorded["sum"] else "否"  # (23)!
        print(f"  客户端量了 {len(CLIENT_TTFT)} 次，总和比服务端记录的长：{longer}")
        server.should_exit = True
        await serving


async def disconnect(client, url: str, body: dict) -> None:
    before, tokens = len(outcomes.outcomes), 0
    sent = time.perf_counter()
    async with client.stream("POST", url, json=body) as response:
        async for line in response.aiter_lines():
            if line == "event: token":
                tokens += 1
                if tokens == 1:
                    CLIENT_TTFT.append(time.perf_counter() - sent)
                if tokens == 3:
                    break  # (24)!
    for _ in range(100):  # (25)!
        if len(outcomes.outcomes) > before:
            break
        await asyncio.sleep(0.1)
    print(f"  服务端这次模型调用：{outcomes.outcomes[-1]}")


async def main() -> None:
    if "--serve" in sys.argv:
        print(f"POST http://127.0.0.1:{SERVE_PORT}/chat ，按 Ctrl-C 停止", flush=True)
        config = uvicorn.Config(create_app(), host="127.0.0.1", port=SERVE_PORT)
        await DrainingServer(config).serve()
    else:
        await demo()


if __name__ == "__main__":
    asyncio.run(main())
