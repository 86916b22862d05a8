"""One of three streams fails: gather leaves the rest running, TaskGroup cancels."""

import asyncio

import openai
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini", max_retries=0)
RIVERS = ["长江", "黄河", "珠江"]  # the server refuses the question about 珠江


# --8<-- [start:gather]
async def describe(river: str, outcome: dict[str, str]) -> str:
    text = ""
    try:
        async for chunk in model.astream(f"写一段关于{river}的介绍"):
            text += chunk.text
    except asyncio.CancelledError:
        outcome[river] = "已取消"
        raise  # (1)!
    except Exception as exc:
        outcome[river] = f"失败（{type(exc).__name__}）"
        raise
    outcome[river] = "完成"
    return text


async def with_gather() -> None:
    outcome: dict[str, str] = {}
    tasks = [asyncio.create_task(describe(river, outcome)) for river in RIVERS]
    try:
        await asyncio.gather(*tasks)  # (2)!
    except openai.InternalServerError as exc:
        print(f"gather 抛出：{type(exc).__name__}")
    running = [r for r, task in zip(RIVERS, tasks, strict=True) if not task.done()]
    print(f"  异常抛出时仍在运行：{running}")  # (3)!
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


# --8<-- [end:gather]


# --8<-- [start:taskgroup]
async def with_task_group() -> None:
    outcome: dict[str, str] = {}
    try:
        async with asyncio.TaskGroup() as group:  # (1)!
            for river in RIVERS:
                group.create_task(describe(river, outcome))
    except* openai.InternalServerError as group_error:  # (2)!
        print(f"TaskGroup 抛出：{type(group_error).__name__}")
        for exc in group_error.exceptions:
            print(f"  其中：{type(exc).__name__}（状态码 {exc.status_code}）")
    for river in RIVERS:
        print(f"  {river}：{outcome[river]}")  # (3)!


# --8<-- [end:taskgroup]


async def main() -> None:
    await with_gather()
    await with_task_group()


if __name__ == "__main__":
    asyncio.run(main())
