"""A rich.progress display fed by updates, custom and messages in one loop."""

import sys
import time
from typing import Literal, TypedDict

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import ToolRuntime, tool
from rich.console import Console, Group
from rich.live import Live
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
)
from rich.text import Text


class ProgressEvent(TypedDict):  # (1)!
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


@tool
def count_stock(warehouse: Literal["上海仓", "杭州仓"], runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = ZONES[warehouse]

    def report(
        current: int, status: Literal["running", "done", "error"], message: str
    ) -> None:
        runtime.stream_writer(
            ProgressEvent(
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
    for current, (zone, count) in enumerate(zones.items(), start=1):
        time.sleep(0.2)
        total += count
        report(current, "running", f"{zone}已盘点")
    report(len(zones), "done", f"共 {total} 件")
    return f"{warehouse}共 {total} 件"


agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}

console = Console(width=72, force_terminal=sys.stdout.isatty(), force_jupyter=False)
bars = Progress(  # (2)!
    SpinnerColumn(finished_text="✓"),
    TextColumn("{task.description}"),
    BarColumn(bar_width=20),
    MofNCompleteColumn(),
    TextColumn("{task.fields[message]}"),
    console=console,
)
steps: list[str] = []
answer = Text()
rows: dict[str, int] = {}  # (3)!

with Live(Group(bars, answer), console=console, refresh_per_second=12) as live:
    for part in agent.stream(
        question, stream_mode=["updates", "custom", "messages"], version="v2"
    ):
        if part["type"] == "updates":
            for node, update in part["data"].items():
                steps.append(node)
                if node != "model":
                    continue
                for call in update["messages"][-1].tool_calls:
                    rows[call["id"]] = bars.add_task(  # (4)!
                        f"盘点{call['args']['warehouse']}", total=None, message="排队中"
                    )
        elif part["type"] == "custom" and part["data"].get("type") == "progress":
            event = part["data"]
            bars.update(  # (5)!
                rows[event["id"]],
                completed=event["current"],
                total=event["total"],
                message=event["message"],
            )
            if event["status"] != "running":
                bars.stop_task(rows[event["id"]])
        elif part["type"] == "messages":
            token, metadata = part["data"]
            if (
                isinstance(token, AIMessageChunk)
                and metadata["langgraph_node"] == "model"
            ):
                answer.append(token.text)  # (6)!
        header = Text(f"步骤：{' → '.join(steps)}")
        live.update(Group(header, bars, Text("回答：") + answer))  # (7)!
console.print()
