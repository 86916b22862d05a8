"""On Python 3.11, a task.cancel() that arrives while the next chunk is already in
the client's buffer is lost, and the stream runs to its end; with
stream_chunk_timeout=None, or a check in the loop, the cancellation lands."""

import asyncio
import sys
import time
from contextlib import aclosing

from langchain_openai import ChatOpenAI

QUESTION = "从头讲讲长城"


def log_first_piece(text: str) -> None:
    time.sleep(0.5)  # (1)!


async def read(
    model: ChatOpenAI, third: asyncio.Event, check: bool, pieces: list[str]
) -> None:
    async with aclosing(model.astream(QUESTION)) as stream:
        async for chunk in stream:
            if check and asyncio.current_task().cancelling():  # (2)!
                raise asyncio.CancelledError
            if not chunk.text:
                continue
            pieces.append(chunk.text)
            if len(pieces) == 1:
                log_first_piece(chunk.text)
            if len(pieces) == 3:
                third.set()  # (3)!


async def stop_after_third(model: ChatOpenAI, check: bool = False) -> str:
    third, pieces = asyncio.Event(), []
    task = asyncio.create_task(read(model, third, check, pieces))
    await third.wait()
    task.cancel()  # (4)!
    try:
        await task
    except asyncio.CancelledError:
        if check:
            return f"已取消，读完第 {len(pieces)} 块后停下"
        return "已取消，回答没有读完"
    pending = task.cancelling()
    return f"没有取消，回答读完了（{len(pieces)} 块）；task.cancelling() = {pending}"


async def main() -> None:
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    default = ChatOpenAI(model="gpt-4o-mini")  # (5)!
    print(f"默认设置：{await stop_after_third(default)}")
    no_wait_for = ChatOpenAI(model="gpt-4o-mini", stream_chunk_timeout=None)  # (6)!
    print(f"stream_chunk_timeout=None：{await stop_after_third(no_wait_for)}")
    checked = await stop_after_third(default, check=True)
    print(f"默认设置，循环里检查 cancelling()：{checked}")


if __name__ == "__main__":
    asyncio.run(main())
