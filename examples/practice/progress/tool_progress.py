"""A multi-step tool reporting progress; two parallel calls kept apart."""

import time
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


def count_zone(warehouse: str, zone: str) -> int:
    time.sleep(0.2)  # (2)!
    return ZONES[warehouse][zone]


@tool
def count_stock(warehouse: str, runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = list(ZONES[warehouse])

    def report(current: int, status: str, message: str) -> None:
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,  # (3)!
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status=status,
                message=message,
            )
        )

    report(0, "running", "开始")  # (4)!
    total = 0
    try:
        for current, zone in enumerate(zones, start=1):
            total += count_zone(warehouse, zone)
            report(current, "running", f"{zone}已盘点")
    except Exception as error:
        report(current - 1, "error", str(error))  # (5)!
        raise
    report(len(zones), "done", f"共 {total} 件")
    return f"{warehouse}共 {total} 件"


agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}

arrivals: list[str] = []
by_id: dict[str, list[Progress]] = {}
for payload in agent.stream(question, stream_mode="custom"):
    if payload.get("type") != "progress":  # (6)!
        continue
    arrivals.append(payload["id"])
    by_id.setdefault(payload["id"], []).append(payload)

first, second = by_id  # (7)!
last_of_first = max(i for i, call in enumerate(arrivals) if call == first)
interleaved = arrivals.index(second) < last_of_first
print(f"收到 {len(arrivals)} 条进度，来自 {len(by_id)} 个工具调用")
print(f"两个调用的进度交错到达：{'是' if interleaved else '否'}")
for events in sorted(by_id.values(), key=lambda events: events[0]["step"]):  # (8)!
    steps = " → ".join(f"{e['current']}/{e['total']}" for e in events)
    last = events[-1]
    print(f"{last['step']}：{steps}，{last['status']}：{last['message']}")
