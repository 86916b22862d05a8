"""Stopping a stream: aclose(), cancelling the consumer task, or abort() on a v3 run."""

import asyncio
import warnings
from contextlib import aclosing

import httpx
from langchain_core._api import LangChainBetaWarning
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph

responses: list[httpx.Response] = []
events: list[str] = []


async def keep_response(response: httpx.Response) -> None:  # (1)!
    responses.append(response)


class TokenCounter(BaseCallbackHandler):
    run_inline = True  # (2)!
    count = 0
    at_stop = 0

    def on_llm_new_token(self, token: str, **kwargs) -> None:
        self.count += 1


generated = TokenCounter()
model = ChatOpenAI(
    model="gpt-4o-mini",
    callbacks=[generated],
    http_async_client=httpx.AsyncClient(event_hooks={"response": [keep_response]}),
)


async def call_model(state: MessagesState) -> dict:
    try:
        return {"messages": [await model.ainvoke(state["messages"])]}
    except asyncio.CancelledError:
        events.append("节点收到 CancelledError")  # (3)!
        raise


graph = (
    StateGraph(MessagesState)
    .add_node(call_model)
    .add_edge(START, "call_model")
    .compile()
)
INPUT = {"messages": [("user", "详细介绍一下长江")]}


async def consume(third: asyncio.Event, stop: bool) -> None:
    received = 0
    async with aclosing(graph.astream(INPUT, stream_mode="messages")) as stream:  # (4)!
        async for chunk, _ in stream:
            if isinstance(chunk, AIMessageChunk) and chunk.text:
                received += 1
                if received == 3:
                    generated.at_stop = generated.count
                    third.set()
                    if stop:
                        break  # (5)!


async def report() -> None:
    await asyncio.sleep(1)  # (6)!
    print(f"  停下之后模型又生成的 token：{generated.count - generated.at_stop} 个")
    print(
        f"  节点收到 CancelledError：{bool(events)}；"
        f"模型的 HTTP 响应已关闭：{responses[-1].is_closed}"
    )
    events.clear()


async def main() -> None:
    print("用户点了“停止”（break 后 aclose）：")
    await consume(asyncio.Event(), stop=True)
    await report()

    print("客户端断开（取消消费流的任务）：")
    third = asyncio.Event()
    task = asyncio.create_task(consume(third, stop=False))
    await third.wait()
    task.cancel()  # (7)!
    try:
        await task
    except asyncio.CancelledError:
        print("  任务已取消")
    await report()

    print("事件流 v3（离开 async with 时 abort()）：")
    warnings.simplefilter("ignore", LangChainBetaWarning)
    async with await graph.astream_events(INPUT, version="v3") as run:  # (8)!
        async for message in run.messages:
            pieces = 0
            async for _ in message.text:
                pieces += 1
                if pieces == 3:
                    generated.at_stop = generated.count
                    break
            break  # (9)!
    await report()


if __name__ == "__main__":
    asyncio.run(main())
