"""Progress from graph nodes: parallel import nodes, each with its own id."""

import operator
import time
from typing import Annotated, Literal, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import Send


class Progress(TypedDict):
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


class State(TypedDict):
    files: list[str]
    imported: Annotated[list[str], operator.add]


class FileTask(TypedDict):
    file: str


ROWS = {"orders-01.csv": 3, "orders-02.csv": 2}


def plan(state: State, runtime: Runtime) -> dict:
    files = list(ROWS)
    runtime.stream_writer(  # (1)!
        Progress(
            type="progress",
            id="plan",
            step="列出文件",
            current=1,
            total=1,
            status="done",
            message=f"{len(files)} 个文件",
        )
    )
    return {"files": files}


def fan_out(state: State) -> list[Send]:
    return [Send("import_file", FileTask(file=name)) for name in state["files"]]  # (2)!


def import_file(task: FileTask, runtime: Runtime) -> dict:
    name, total = task["file"], ROWS[task["file"]]
    for current in range(1, total + 1):
        time.sleep(0.2)
        runtime.stream_writer(
            Progress(
                type="progress",
                id=f"import:{name}",  # (3)!
                step=f"导入 {name}",
                current=current,
                total=total,
                status="done" if current == total else "running",
                message=f"第 {current} 批已写入",
            )
        )
    return {"imported": [name]}


graph = (
    StateGraph(State)
    .add_node("plan", plan)
    .add_node("import_file", import_file)
    .add_edge(START, "plan")
    .add_conditional_edges("plan", fan_out, ["import_file"])
    .add_edge("import_file", END)
    .compile()
)

by_id: dict[str, list[Progress]] = {}
for part in graph.stream(
    {"files": [], "imported": []}, stream_mode=["custom", "updates"], version="v2"
):
    if part["type"] == "custom":
        by_id.setdefault(part["data"]["id"], []).append(part["data"])
    else:
        print(f"updates：{'、'.join(part['data'])} 完成")  # (4)!

for key, events in sorted(by_id.items()):
    steps = " → ".join(f"{e['current']}/{e['total']}" for e in events)
    print(f"{key:<22} {events[-1]['step']}：{steps}，{events[-1]['status']}")
