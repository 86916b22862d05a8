"""The writer passes the object itself: a reused dict shows only its last state."""

from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    done: bool


# --8<-- [start:main]
def reuse_one_dict(state: State) -> dict:
    writer = get_stream_writer()
    progress = {"type": "progress", "step": 0, "total": 3}
    for step in range(1, 4):
        progress["step"] = step  # (1)!
        writer(progress)
    return {"done": True}


def new_dict_each_time(state: State) -> dict:
    writer = get_stream_writer()
    for step in range(1, 4):
        writer({"type": "progress", "step": step, "total": 3})
    return {"done": True}


for node in (reuse_one_dict, new_dict_each_time):
    graph = StateGraph(State).add_node("n", node).add_edge(START, "n").compile()
    received = list(graph.stream({"done": False}, stream_mode="custom"))  # (2)!
    steps = [data["step"] for data in received]
    distinct = len({id(data) for data in received})
    print(f"{node.__name__}：step={steps}，共 {distinct} 个不同的对象")
# --8<-- [end:main]
