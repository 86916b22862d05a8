"""HTTP 500: retried like a 429, then raised as an InternalServerError."""

import asyncio
import time

import openai
from langchain_core.exceptions import ModelAPIError
from langchain_openai import ChatOpenAI


# --8<-- [start:main]
async def main() -> None:
    model = ChatOpenAI(model="gpt-4o-mini", max_retries=1)  # (1)!
    start = time.perf_counter()
    try:
        async for chunk in model.astream("总结这份周报"):
            print(chunk.text, end="")
    except openai.InternalServerError as exc:  # (2)!
        print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
        print("  status_code:", exc.status_code)
        print(f"  也是 ModelAPIError：{isinstance(exc, ModelAPIError)}")
        waited = time.perf_counter() - start
        retried = waited >= 0.1
        print(f"  抛出前按 Retry-After 至少等了 0.1 秒（即重试过）：{retried}")  # (3)!


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
