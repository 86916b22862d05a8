"""What a dropped or stalled stream really raises, and which except clauses catch it."""

# --8<-- [start:main]
import asyncio

import openai
from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_openai import ChatOpenAI

CHECKS = {  # (1)!
    "openai.APIConnectionError": openai.APIConnectionError,
    "ModelConnectionError": ModelConnectionError,
    "ModelTimeoutError": ModelTimeoutError,
    "内置 TimeoutError": TimeoutError,
}


def report(case: str, error: Exception) -> None:
    print(f"{case} → {type(error).__name__}")
    for name, cls in CHECKS.items():
        print(f"    except {name}：{'能' if isinstance(error, cls) else '不能'}捕获")


try:  # (2)!
    for _chunk in ChatOpenAI(model="gpt-4o-mini").stream("讲解词：连接中断"):
        pass
except Exception as error:
    report("流式输出中途连接中断", error)

try:  # (3)!
    for _chunk in ChatOpenAI(model="gpt-4o-mini", timeout=0.5).stream(
        "讲解词：服务端卡住"
    ):
        pass
except Exception as error:
    report("设了 timeout=0.5，流式输出中途卡住", error)


async def main() -> None:  # (4)!
    model = ChatOpenAI(model="gpt-4o-mini", stream_chunk_timeout=0.5)
    try:
        async for _chunk in model.astream("讲解词：服务端卡住"):
            pass
    except Exception as error:
        report("异步，stream_chunk_timeout=0.5，流式输出中途卡住", error)


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
