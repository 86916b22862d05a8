"""What each durability mode waits for, with a checkpointer whose writes take 0.5 s."""

import asyncio
import time
from collections import Counter
from typing import Any

from langchain.agents import create_agent
from langchain_core.messages import AIMessageChunk
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver

WRITE = 0.5  # seconds per write, as a database across a slow network might take


# --8<-- [start:saver]
class SlowSaver(InMemorySaver):
    """An in-memory checkpointer that takes WRITE seconds per write and counts them."""

    def __init__(self) -> None:
        super().__init__()
        self.started = Counter()
        self.finished = Counter()
        self.gate = asyncio.Event()
        self.gate.set()  # (1)!

    async def _slowly(self, kind: str, write: Any, *args: Any, **kwargs: Any) -> Any:
        self.started[kind] += 1
        await self.gate.wait()
        await asyncio.sleep(WRITE)  # (2)!
        result = write(*args, **kwargs)
        self.finished[kind] += 1
        return result

    async def aput(self, *args: Any, **kwargs: Any) -> Any:  # (3)!
        return await self._slowly("检查点", super().put, *args, **kwargs)

    async def aput_writes(self, *args: Any, **kwargs: Any) -> Any:
        return await self._slowly("任务结果", super().put_writes, *args, **kwargs)


# --8<-- [end:saver]


@tool
def get_weather(city: str) -> str:
    """查询城市的天气。"""
    return f"{city}：多云，28°C"


# --8<-- [start:main]
async def run(durability: str, hold_writes: bool = False) -> None:
    saver = SlowSaver()
    if hold_writes:
        saver.gate.clear()  # (1)!
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
        durability=durability,  # (2)!
    ):
        if first is None and isinstance(token, AIMessageChunk) and token.text:  # (5)!
            first, saved = time.perf_counter() - start, saver.finished["检查点"]
            saver.gate.set()
    writes = "，".join(f"写{kind} {n} 次" for kind, n in saver.started.items())
    print(f'durability="{durability}"：{writes}')
    print(f"  首 token 之前写完的检查点：{saved} 个")
    if saved:
        late = first >= saved * WRITE  # (3)!
        print(f"  首 token 至少晚了 {saved} × {WRITE} 秒：{late}")
    print(f"  流结束时写入全部完成：{saver.finished == saver.started}")  # (4)!


async def main() -> None:
    await run("sync")
    await run("async", hold_writes=True)
    await run("exit")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
