"""When updates and values arrive: two parallel nodes, one fast and one slow."""

import operator
import time
from typing import Annotated, TypedDict

from langgraph.graph import START, StateGraph


# --8<-- [start:main]
class Log(TypedDict):
    done: Annotated[list[str], operator.add]  # (1)!


def fast(state: Log) -> dict:
    return {"done": ["fast"]}


def slow(state: Log) -> dict:
    time.sleep(1)  # (2)!
    return {"done": ["slow"]}


pair = (
    StateGraph(Log)
    .add_node(fast)
    .add_node(slow)
    .add_edge(START, "fast")
    .add_edge(START, "slow")  # (3)!
    .compile()
)
modes = ["tasks", "updates", "values"]
for mode, payload in pair.stream({"done": []}, stream_mode=modes):
    if mode == "tasks":
        event = "开始" if "input" in payload else "结束"
        print(f"tasks    {payload['name']} {event}")
    elif mode == "updates":
        print("updates ", payload)
    else:
        print("values  ", payload)
# --8<-- [end:main]
