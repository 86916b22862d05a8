"""Custom data written in a subgraph, and the namespace that says where it is from."""

from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    query: str


# --8<-- [start:graph]
def search(state: State) -> dict:
    get_stream_writer()({"type": "status", "message": "子图：检索文档"})
    return {}


research = (
    StateGraph(State).add_node("search", search).add_edge(START, "search").compile()
)


def plan(state: State) -> dict:
    get_stream_writer()({"type": "status", "message": "父图：制定计划"})
    return {}


def ask_research(state: State) -> dict:  # (1)!
    return research.invoke(state)


graph = (
    StateGraph(State)
    .add_node("plan", plan)
    .add_node("research", research)  # (2)!
    .add_node("ask_research", ask_research)
    .add_edge(START, "plan")
    .add_edge("plan", "research")
    .add_edge("research", "ask_research")
    .compile()
)
# --8<-- [end:graph]

# --8<-- [start:main]
inputs = {"query": "季度销售"}
print("subgraphs=False：")
for part in graph.stream(inputs, stream_mode="custom", version="v2"):
    print("  ", part["ns"], part["data"]["message"])

print("subgraphs=True：")
for part in graph.stream(inputs, stream_mode="custom", subgraphs=True, version="v2"):
    path = tuple(segment.split(":")[0] for segment in part["ns"])  # (1)!
    print("  ", path, part["data"]["message"])
# --8<-- [end:main]
