"""What each durability mode waits for, with a checkpointer whose writes take 0.3 s."""

import asyncio
import time
from typing import Any

from langchain.agents import create_agent
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver

WRITE = 0.3  # seconds per write, as a database across a slow network might take


# --8<-- [start:saver]
class SlowSaver(InMemorySaver):
    """An in-memory checkpointer that takes WRITE seconds per write and counts them."""

    def __init__(self) -> None:
        super().__init__()
        self.started = self.finished = 0

    async def _slowly(self, write: Any, *args: Any, **kwargs: Any) -> Any:
        self.started += 1
        await asyncio.sleep(WRITE)  # (1)!
        result = write(*args, **kwargs)
        self.finished += 1
        return result

    async def aput(self, *args: Any, **kwargs: Any) -> Any:  # (2)!
        return await self._slowly(super().put, *args, **kwargs)

    async def aput_writes(self, *args: Any, **kwargs: Any) -> Any:
        return await self._slowly(super().put_writes, *args, **kwargs)


# --8<-- [end:saver]


@tool
def get_weather(city: str) -> str:
    """查询城市的天气。"""
    return f"{city}：多云，28°C"


# --8<-- [start:main]
async def run(durability: str) -> None:
    saver = SlowSaver()
    agent = create_agent(
        model="openai:gpt-4o-mini", tools=[get_weather], checkpointer=saver
    )
    config = {"configurable": {"thread_id": durability}}
    question = {"messages": [{"role": "user", "content": "重庆天气如何？"}]}
    start = time.perf_counter()
    first = None
    async for token, _metadata in agent.astream(
        question,
        config,
        stream_mode="messages",
        durability=durability,  # (1)!
    ):
        if first is None and token.text:
            first, written = time.perf_counter() - start, saver.finished
    print(f'durability="{durability}"：写入 {saver.started} 次，', end="")
    print(f"首 token 之前完成 {written} 次")
    if written:
        print(f"  首 token 至少晚了 {written} × {WRITE} 秒：", first >= written * WRITE)
    print("  流结束时写入全部完成：", saver.finished == saver.started)  # (2)!


async def main() -> None:
    for durability in ("sync", "async", "exit"):
        await run(durability)


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
