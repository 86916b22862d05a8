"""The writer takes any object; a non-JSON payload fails where it is serialized."""

import json
from datetime import UTC, datetime
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    done: bool


# --8<-- [start:main]
def finish(state: State) -> dict:
    get_stream_writer()({"type": "done", "at": datetime(2025, 1, 1, tzinfo=UTC)})
    return {"done": True}


graph = StateGraph(State).add_node("finish", finish).add_edge(START, "finish").compile()
for data in graph.stream({"done": False}, stream_mode="custom"):
    print(f"流里收到：{data}")  # (1)!
    try:
        print(json.dumps(data))
    except TypeError as exc:
        print(f"序列化时才失败：TypeError: {exc}")
    print(json.dumps({**data, "at": data["at"].isoformat()}))  # (2)!
# --8<-- [end:main]
