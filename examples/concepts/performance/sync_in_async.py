"""A sync stream() inside a coroutine stops the event loop; astream() does not."""

import asyncio
import time

from langchain_openai import ChatOpenAI


# --8<-- [start:heartbeat]
class Heartbeat:
    """Ticks every 0.05 s on the event loop and remembers the longest gap."""

    def __init__(self) -> None:
        self.ticks = 0
        self.longest_gap = 0.0
        self._last = time.perf_counter()

    async def run(self) -> None:
        while True:
            await asyncio.sleep(0.05)  # (1)!
            now = time.perf_counter()
            self.ticks += 1
            self.longest_gap = max(self.longest_gap, now - self._last)
            self._last = now

    def reset(self) -> None:
        self.ticks, self.longest_gap, self._last = 0, 0.0, time.perf_counter()


# --8<-- [end:heartbeat]


# --8<-- [start:main]
model = ChatOpenAI(model="gpt-4o-mini")
QUESTION = "用几句话介绍一下事件循环"


def read_sync() -> str:
    return "".join(chunk.text for chunk in model.stream(QUESTION))


async def read_async() -> str:
    text = ""
    async for chunk in model.astream(QUESTION):
        text += chunk.text
    return text


async def main() -> None:
    heart = Heartbeat()
    ticker = asyncio.create_task(heart.run())
    await asyncio.sleep(0.1)

    heart.reset()
    read_sync()  # (1)!
    await asyncio.sleep(0.1)  # (2)!
    print(f"同步 stream()：心跳最长间隔至少 1.8 秒：{heart.longest_gap >= 1.8}")

    heart.reset()
    await read_async()  # (3)!
    print(f"astream()：心跳不少于 10 次：{heart.ticks >= 10}；", end="")
    print(f"最长间隔不到 0.9 秒：{heart.longest_gap < 0.9}")

    heart.reset()
    await asyncio.to_thread(read_sync)  # (4)!
    print(
        f"to_thread（同步 stream()）：心跳不少于 10 次：{heart.ticks >= 10}；",
        end="",
    )
    print(f"最长间隔不到 0.9 秒：{heart.longest_gap < 0.9}")
    ticker.cancel()


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
