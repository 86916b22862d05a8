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


async def first_token(model: ChatOpenAI, city: str, start: float) -> float | None:
    first = None
    async for chunk in model.astream(f"用一句话介绍{city}"):
        if chunk.text and first is None:
            first = time.perf_counter() - start
    return first


async def main() -> None:
    model = model_with_pool(2)
    start = time.perf_counter()
    waits = await asyncio.gather(*(first_token(model, c, start) for c in CITIES))
    queued = sum(wait is not None and wait >= 0.6 for wait in waits)  # (3)!
    print("2 个连接、6 个并发流：首 token 晚于 0.6 秒的流不少于 4 个：", queued >= 4)


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
