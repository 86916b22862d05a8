"""A fallback that calls sync invoke() in async code stops the event loop."""

import asyncio

from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")


async def heartbeat(beats: list[int]) -> None:
    while True:
        await asyncio.sleep(0.05)
        beats[0] += 1


# --8<-- [start:main]
async def main() -> None:
    beats = [0]
    ticker = asyncio.create_task(heartbeat(beats))  # (1)!
    await asyncio.sleep(0)

    beats[0] = 0
    model.invoke("用一句话解释事件循环")  # (2)!
    print(f"同步 invoke 期间的心跳次数：{beats[0]}")

    beats[0] = 0
    await model.ainvoke("用一句话解释事件循环")  # (3)!
    print(f"异步 ainvoke 期间心跳正常：{beats[0] >= 3}")
    ticker.cancel()


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
