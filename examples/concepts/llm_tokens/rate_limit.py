"""HTTP 429: retried after Retry-After by default; raised with max_retries=0."""

import asyncio
import time

import openai
from langchain_core.exceptions import ModelRateLimitError
from langchain_openai import ChatOpenAI


# --8<-- [start:transparent]
async def transparent() -> None:
    model = ChatOpenAI(model="gpt-4o-mini")  # (1)!
    start = time.perf_counter()
    text = ""
    async for chunk in model.astream("给新产品起个名字"):
        text += chunk.text
    waited = time.perf_counter() - start
    print(f"拿到回答：{text}")
    print(f"中途按 Retry-After 等过 0.2 秒：{waited >= 0.2}")  # (2)!


# --8<-- [end:transparent]


# --8<-- [start:no_retries]
async def no_retries() -> None:
    model = ChatOpenAI(model="gpt-4o-mini", max_retries=0)  # (1)!
    try:
        async for chunk in model.astream("再给新产品起个名字"):
            print(chunk.text, end="")
    except openai.RateLimitError as exc:  # (2)!
        print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
        print("  status_code:", exc.status_code)
        print("  Retry-After:", exc.response.headers.get("retry-after"))
        print(f"  也是 ModelRateLimitError：{isinstance(exc, ModelRateLimitError)}")


# --8<-- [end:no_retries]


async def main() -> None:
    await transparent()
    await no_retries()


if __name__ == "__main__":
    asyncio.run(main())
