"""A payload convention: a type field, JSON-ready values, dispatch on type."""

# --8<-- [start:main]
import json
from typing import Literal, TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class Progress(TypedDict):  # (1)!
    type: Literal["progress"]
    step: int
    total: int
    message: str


class Partial(TypedDict):
    type: Literal["partial"]
    text: str


class State(TypedDict):
    report: str


def write_report(state: State) -> dict:
    writer = get_stream_writer()
    sections = ["摘要", "数据", "结论"]
    for step, name in enumerate(sections, 1):
        writer(Progress(type="progress", step=step, total=3, message=f"撰写{name}"))
        writer(Partial(type="partial", text=f"【{name}】"))
    return {"report": "".join(f"【{name}】" for name in sections)}


graph = (
    StateGraph(State).add_node("write", write_report).add_edge(START, "write").compile()
)

for data in graph.stream({"report": ""}, stream_mode="custom"):
    match data["type"]:  # (2)!
        case "progress":
            print(f"[{data['step']}/{data['total']}] {data['message']}")
        case "partial":
            print(f"  SSE 行：data: {json.dumps(data, ensure_ascii=False)}")  # (3)!
# --8<-- [end:main]
