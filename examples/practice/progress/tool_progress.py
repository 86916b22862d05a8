"""A multi-step tool reporting progress; two parallel calls kept apart."""

import asyncio
from typing import Literal, TypedDict

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool


class Progress(TypedDict):  # (1)!
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


async def count_zone(warehouse: str, zone: str) -> int:
    await asyncio.sleep(0.2)  # (2)!
    return ZONES[warehouse][zone]


@tool
async def count_stock(
    warehouse: Literal["上海仓", "杭州仓"],
    runtime: ToolRuntime,  # (3)!
) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = list(ZONES[warehouse])

    def report(
        current: int, status: Literal["running", "done", "error"], message: str
    ) -> None:
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,  # (4)!
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status=status,
                message=message,
            )
        )

    report(0, "running", "开始")  # (5)!
    total = 0
    try:
        for current, zone in enumerate(zones, start=1):
            count = await count_zone(warehouse, zone)
            total += count
            report(current, "running", f"{zone} {count} 件")  # (6)!
    except Exception as error:
        report(current - 1, "error", str(error))  # (7)!
        raise
    report(len(zones), "done", f"共 {total} 件")
    return f"{warehouse}共 {total} 件"


agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}


async def main() -> None:
    arrivals: list[str] = []
    by_id: dict[str, list[Progress]] = {}
    async for payload in agent.astream(question, stream_mode="custom"):  # (8)!
        if payload.get("type") != "progress":  # (9)!
            continue
        arrivals.append(payload["id"])
        by_id.setdefault(payload["id"], []).append(payload)

    print(f"收到 {len(arrivals)} 条进度，来自 {len(by_id)} 个工具调用")
    names = {call: by_id[call][0]["step"].removeprefix("盘点") for call in by_id}
    print(f"到达顺序：{' '.join(names[call] for call in arrivals)}")  # (10)!
    for events in by_id.values():
        steps = " → ".join(f"{e['current']}/{e['total']}" for e in events)
        last = events[-1]
        print(f"{last['step']}：{steps}，{last['status']}：{last['message']}")


if __name__ == "__main__":
    asyncio.run(main())
