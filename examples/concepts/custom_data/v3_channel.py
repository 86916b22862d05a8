"""Event streaming (v3, beta): your own projection and a named channel."""

import warnings
from typing import TypedDict

from langchain_core._api import LangChainBetaWarning
from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph
from langgraph.stream import StreamChannel, StreamTransformer

warnings.simplefilter("ignore", LangChainBetaWarning)


class State(TypedDict):
    done: bool


def work(state: State) -> dict:
    writer = get_stream_writer()
    writer({"type": "progress", "pct": 50})
    writer({"type": "log", "text": "缓存命中"})
    writer({"type": "progress", "pct": 100})
    return {"done": True}


graph = StateGraph(State).add_node("work", work).add_edge(START, "work").compile()


# --8<-- [start:main]
class ProgressTransformer(StreamTransformer):
    required_stream_modes = ("custom",)  # (1)!

    def __init__(self, scope: tuple[str, ...] = ()) -> None:
        super().__init__(scope)
        self.progress = StreamChannel("progress")  # (2)!

    def init(self) -> dict:
        return {"progress": self.progress}

    def process(self, event) -> bool:
        data = event["params"]["data"]
        if event["method"] == "custom" and data.get("type") == "progress":
            self.progress.push(data["pct"])
        return True  # (3)!


stream = graph.stream_events(
    {"done": False}, version="v3", transformers=[ProgressTransformer]
)
print(f"stream.extensions['progress']：{list(stream.extensions['progress'])}")

stream = graph.stream_events(
    {"done": False}, version="v3", transformers=[ProgressTransformer]
)
for event in stream:  # (4)!
    print(f"{event['method']:<16} {event['params']['data']}")
# --8<-- [end:main]
