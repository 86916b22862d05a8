"""Event streaming (v3, beta): the custom projection needs CustomTransformer."""

import warnings
from typing import TypedDict

from langchain_core._api import LangChainBetaWarning
from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph
from langgraph.stream import CustomTransformer


class State(TypedDict):
    query: str


def search(state: State) -> dict:
    get_stream_writer()({"type": "status", "message": "子图：检索文档"})
    return {}


research = (
    StateGraph(State).add_node("search", search).add_edge(START, "search").compile()
)


def plan(state: State) -> dict:
    get_stream_writer()({"type": "status", "message": "父图：制定计划"})
    return {}


graph = (
    StateGraph(State)
    .add_node("plan", plan)
    .add_node("research", research)
    .add_edge(START, "plan")
    .add_edge("plan", "research")
    .compile()
)
inputs = {"query": "季度销售"}

# --8<-- [start:main]
with warnings.catch_warnings():
    warnings.simplefilter("ignore", LangChainBetaWarning)
    graph.stream_events(inputs, version="v3")  # (1)!

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", LangChainBetaWarning)
    stream = graph.stream_events(inputs, version="v3")  # (2)!
print(f"再次调用时的 LangChainBetaWarning：{len(caught)} 条")

try:
    print(stream.custom)
except AttributeError as exc:
    print(f"AttributeError: {exc}")  # (3)!

with warnings.catch_warnings():
    warnings.simplefilter("ignore", LangChainBetaWarning)
    stream = graph.stream_events(inputs, version="v3", transformers=[CustomTransformer])
    print(f"stream.custom：{[data['message'] for data in stream.custom]}")  # (4)!

    stream = graph.stream_events(inputs, version="v3", transformers=[CustomTransformer])
    for sub in stream.subgraphs:  # (5)!
        print(f"子图 {sub.graph_name} 的 custom：{[d['message'] for d in sub.custom]}")
# --8<-- [end:main]
