"""A stalled stream: stream_chunk_timeout (async only) or asyncio.timeout."""

import asyncio

from langchain_openai import ChatOpenAI, StreamChunkTimeoutError


# --8<-- [start:chunk_timeout]
async def with_chunk_timeout() -> None:
    model = ChatOpenAI(model="gpt-4o-mini", stream_chunk_timeout=1.0)  # (1)!
    received = ""
    try:
        async for chunk in model.astream("写一段西湖的导游词"):
            received += chunk.text
    except StreamChunkTimeoutError as exc:
        print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
        print(f"  是 TimeoutError：{isinstance(exc, TimeoutError)}")  # (2)!
        print(f"  已收到：{received}")


# --8<-- [end:chunk_timeout]


# --8<-- [start:total_timeout]
async def with_total_timeout() -> None:
    model = ChatOpenAI(model="gpt-4o-mini")
    received = ""
    try:
        async with asyncio.timeout(2.0):  # (1)!
            async for chunk in model.astream("写一段西湖的导游词"):
                received += chunk.text
    except TimeoutError as exc:  # (2)!
        print(f"{type(exc).__module__}.{type(exc).__qualname__}")
        print(f"  已收到：{received}")


# --8<-- [end:total_timeout]


async def main() -> None:
    await with_chunk_timeout()
    await with_total_timeout()


if __name__ == "__main__":
    asyncio.run(main())
