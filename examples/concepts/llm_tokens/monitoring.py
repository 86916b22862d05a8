"""Time to first token, total time and speed, with tokens from usage_metadata."""

import asyncio
import math
import time

from langchain_openai import ChatOpenAI


# --8<-- [start:main]
def tenths(seconds: float) -> str:
    return f"{math.floor(seconds * 10) / 10:.1f} s"  # (1)!


def per_second(count: int, seconds: float) -> str:
    return f"约 {math.floor(count / seconds / 5) * 5} 个/秒"  # (2)!


async def main() -> None:
    model = ChatOpenAI(model="gpt-4o-mini", stream_usage=True)
    await model.ainvoke("你好")  # (3)!

    start = time.perf_counter()
    first = None
    content_chunks = 0
    message = None
    async for chunk in model.astream("为什么流式输出能改善体验？"):
        if chunk.text:
            content_chunks += 1
            if first is None:
                first = time.perf_counter() - start  # (4)!
        message = chunk if message is None else message + chunk
    total = time.perf_counter() - start
    output_tokens = message.usage_metadata["output_tokens"]  # (5)!

    print(f"首字时间：{tenths(first)}")
    print(f"总时间：{tenths(total)}")
    print(f"内容块：{content_chunks}，输出令牌：{output_tokens}")
    print(f"生成速度（首字之后）：{per_second(output_tokens, total - first)}")  # (6)!
    print(f"按总时间平均：{per_second(output_tokens, total)}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
