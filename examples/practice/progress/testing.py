"""Unit tests for progress-reporting tools and nodes: no graph, no agent, no model."""

import asyncio
from typing import Literal, TypedDict

from langchain.tools import ToolRuntime, tool
from langgraph.runtime import Runtime


class Progress(TypedDict):
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "广州仓": {"A 区": 60, "B 区": None},
}


async def count_zone(warehouse: str, zone: str) -> int:
    count = ZONES[warehouse][zone]
    if count is None:
        raise ConnectionError(f"{zone}扫描枪离线")
    return count


@tool
async def count_stock(warehouse: str, runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = list(ZONES[warehouse])

    def report(
        current: int, status: Literal["running", "done", "error"], message: str
    ) -> None:
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status=status,
                message=message,
            )
        )

    report(0, "running", "开始")
    total = 0
    try:
        for current, zone in enumerate(zones, start=1):
            count = await count_zone(warehouse, zone)
            total += count
            report(current, "running", f"{zone} {count} 件")
    except Exception as error:
        report(current - 1, "error", str(error))
        raise
    report(len(zones), "done", f"共 {total} 件")
    return f"{warehouse}共 {total} 件"


def plan(state: dict, runtime: Runtime) -> dict:
    runtime.stream_writer(
        Progress(
            type="progress",
            id="plan",
            step="列出文件",
            current=1,
            total=1,
            status="done",
            message="2 个文件",
        )
    )
    return {"files": ["orders-01.csv", "orders-02.csv"]}


def fake_runtime(events: list) -> ToolRuntime:  # (1)!
    return ToolRuntime(
        state={},
        context=None,
        config={},
        stream_writer=events.append,
        tool_call_id="call_1",
        store=None,
    )


async def test_reports_every_zone_and_a_terminal_state():  # (2)!
    events: list[Progress] = []
    call = {"warehouse": "上海仓", "runtime": fake_runtime(events)}
    result = await count_stock.ainvoke(call)
    assert result == "上海仓共 245 件"
    assert [e["current"] for e in events] == [0, 1, 2, 3, 3]
    assert {e["id"] for e in events} == {"call_1"}  # (3)!
    assert events[-1]["status"] == "done"


async def test_reports_the_error_before_raising():
    events: list[Progress] = []
    call = {"warehouse": "广州仓", "runtime": fake_runtime(events)}
    try:
        await count_stock.ainvoke(call)
    except ConnectionError:
        pass
    else:
        raise AssertionError("应当抛出 ConnectionError")
    assert events[-1]["status"] == "error"  # (4)!
    assert (events[-1]["current"], events[-1]["message"]) == (1, "B 区扫描枪离线")


async def test_node_reports_through_runtime():
    events: list[Progress] = []
    update = plan({}, Runtime(stream_writer=events.append))  # (5)!
    assert update["files"] == ["orders-01.csv", "orders-02.csv"]
    assert [(e["id"], e["status"]) for e in events] == [("plan", "done")]


async def main() -> None:
    for test in [  # (6)!
        test_reports_every_zone_and_a_terminal_state,
        test_reports_the_error_before_raising,
        test_node_reports_through_runtime,
    ]:
        await test()
        print(f"{test.__name__}：通过")


if __name__ == "__main__":
    asyncio.run(main())
