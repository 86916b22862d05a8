"""Stopping a stream: aclose() on the generator, or cancelling its consumer task."""

import asyncio
from contextlib import aclosing

import httpx
from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph

responses: list[httpx.Response] = []


async def keep_response(response: httpx.Response) -> None:  # (1)!
    responses.append(response)


model = ChatOpenAI(
    model="gpt-4o-mini",
    http_async_client=httpx.AsyncClient(event_hooks={"response": [keep_response]}),
)
events: list[str] = []


async def call_model(state: MessagesState) -> dict:
    try:
        return {"messages": [await model.ainvoke(state["messages"])]}
    except asyncio.CancelledError:
        events.append("节点收到 CancelledError")  # (2)!
        raise


graph = (
    StateGraph(MessagesState)
    .add_node(call_model)
    .add_edge(START, "call_model")
    .compile()
)
INPUT = {"messages": [("user", "详细介绍一下长江")]}


async def consume(received: list[str], third: asyncio.Event, stop: bool) -> None:
    async with aclosing(graph.astream(INPUT, stream_mode="messages")) as stream:  # (3)!
        async for chunk, _ in stream:
            if isinstance(chunk, AIMessageChunk) and chunk.text:
                received.append(chunk.text)
                if len(received) == 3:
                    third.set()
                    if stop:
                        break  # (4)!


async def report(received: list[str]) -> None:
    count = len(received)
    await asyncio.sleep(0.3)  # (5)!
    print(f"  停下后再等 0.3 秒，没有新的块：{len(received) == count}")
    print(f"  {events}；模型的 HTTP 响应已关闭：{responses[-1].is_closed}")
    events.clear()


async def main() -> None:
    print("用户点了“停止”（break 后 aclose）：")
    received: list[str] = []
    await consume(received, asyncio.Event(), stop=True)
    await report(received)

    print("客户端断开（取消消费流的任务）：")
    received, third = [], asyncio.Event()
    task = asyncio.create_task(consume(received, third, stop=False))
    await third.wait()
    task.cancel()  # (6)!
    try:
        await task
    except asyncio.CancelledError:
        print("  任务已取消")
    await report(received)


if __name__ == "__main__":
    asyncio.run(main())
