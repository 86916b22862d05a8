"""A connection pool smaller than the number of concurrent streams: the rest queue."""

import asyncio
import time

import httpx2
import openai
from langchain_openai import ChatOpenAI

CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州"]


# --8<-- [start:main]
def model_with_pool(connections: int) -> ChatOpenAI:
    client = openai.DefaultAsyncHttpxClient(  # (1)!
        limits=httpx2.Limits(max_connections=connections)
    )
    return ChatOpenAI(model="gpt-4o-mini", http_async_client=client)  # (2)!


async def first_token(model: ChatOpenAI, city: str) -> float:
    async for chunk in model.astream(f"用一句话说说{city}的天气"):
        if chunk.text:
            return time.perf_counter()
    raise RuntimeError("没有收到文字")


async def late_streams(connections: int) -> int:
    model = model_with_pool(connections)
    await model.ainvoke("你好")  # (3)!
    times = await asyncio.gather(*(first_token(model, c) for c in CITIES))
    earliest = min(times)
    return sum(t - earliest >= 1.0 for t in times)  # (4)!


async def main() -> None:
    late = await late_streams(2)
    print(
        "2 个连接、6 个并发流，首 token 比最早的流晚 1 秒以上的流不少于 4 个："
        f"{late >= 4}"
    )
    late = await late_streams(100)
    print(f"100 个连接、6 个并发流，首 token 比最早的流晚 1 秒以上的流：{late} 个")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
