"""Injected alternatives in nodes: a writer parameter, runtime.stream_writer."""

# --8<-- [start:main]
from typing import TypedDict

from langgraph.graph import START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import StreamWriter


class State(TypedDict):
    text: str


def draft(state: State, writer: StreamWriter) -> dict:  # (1)!
    writer({"type": "status", "node": "draft", "message": "正在起草"})
    return {"text": "初稿"}


def review(state: State, runtime: Runtime) -> dict:  # (2)!
    runtime.stream_writer({"type": "status", "node": "review", "message": "正在审校"})
    return {"text": state["text"] + "（已审校）"}


graph = (
    StateGraph(State)
    .add_node("draft", draft)
    .add_node("review", review)
    .add_edge(START, "draft")
    .add_edge("draft", "review")
    .compile()
)

for chunk in graph.stream({"text": ""}, stream_mode="custom"):
    print(chunk)
# --8<-- [end:main]
