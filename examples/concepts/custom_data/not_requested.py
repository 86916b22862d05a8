"""What the writer does when custom is not among the requested stream modes."""

# --8<-- [start:main]
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    done: bool


calls = []


def work(state: State) -> dict:
    writer = get_stream_writer()
    calls.append(writer({"type": "progress", "step": 1, "total": 1}))  # (1)!
    return {"done": True}


graph = StateGraph(State).add_node("work", work).add_edge(START, "work").compile()

print(f"stream(updates)：{list(graph.stream({'done': False}, stream_mode='updates'))}")
print(f"invoke()：{graph.invoke({'done': False})}")
print(f"写入器被调用 {len(calls)} 次，返回值：{calls}")  # (2)!
# --8<-- [end:main]
