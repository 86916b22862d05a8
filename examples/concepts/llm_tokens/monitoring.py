"""Time to first token and speed against budgets; tokens from usage_metadata."""

import asyncio
import time

from langchain_openai import ChatOpenAI

# --8<-- [start:main]
FIRST_TOKEN_BUDGET = 4.0  # (1)!
MIN_SPEED = 8


async def main() -> None:
    model = ChatOpenAI(model="gpt-4o-mini", stream_usage=True)
    await model.ainvoke("你好")  # (2)!

    start = time.perf_counter()
    first = None
    content_chunks = 0
    message = None
    async for chunk in model.astream("为什么流式输出能改善体验？"):
        if chunk.text:
            content_chunks += 1
            if first is None:
                first = time.perf_counter() - start  # (3)!
        message = chunk if message is None else message + chunk
    total = time.perf_counter() - start
    output_tokens = message.usage_metadata["output_tokens"]  # (4)!

    checks = {
        f"首 token 延迟不超过 {FIRST_TOKEN_BUDGET} 秒": first <= FIRST_TOKEN_BUDGET,
        f"生成速度（首 token 之后）不低于 {MIN_SPEED} token/秒": (  # (5)!
            output_tokens / (total - first) >= MIN_SPEED
        ),
        f"按总时间平均不低于 {MIN_SPEED} token/秒": output_tokens / total >= MIN_SPEED,
    }
    print(f"带文字的块：{content_chunks}，输出 token：{output_tokens}")
    for check, ok in checks.items():
        print(f"{check}：{'达标' if ok else '未达标'}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
