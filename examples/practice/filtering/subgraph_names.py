"""run.subgraphs in stream_events(version="v3") (beta): what graph_name really is."""

import warnings
from typing import TypedDict

from langchain_core._api import LangChainBetaWarning
from langgraph.graph import START, StateGraph

warnings.simplefilter("ignore", LangChainBetaWarning)


class State(TypedDict):
    steps: list[str]


def step(name: str):
    return lambda state: {"steps": [*state["steps"], name]}


def subgraph(name: str):
    builder = StateGraph(State).add_node("work", step(name)).add_edge(START, "work")
    return builder.compile(name=name)  # (1)!


search = subgraph("search_graph")
rank = subgraph("rank_graph")
draft = subgraph("draft_graph")


def research(state: State) -> dict:
    return rank.invoke(search.invoke(state))  # (2)!


graph = (
    StateGraph(State)
    .add_node("research", research)
    .add_node("writing", draft)  # (3)!
    .add_edge(START, "research")
    .add_edge("research", "writing")
    .compile()
)

run = graph.stream_events({"steps": []}, version="v3")
for handle in run.subgraphs:
    for kind, item in handle.interleave("values", "subgraphs"):  # (4)!
        if kind == "values":
            print(f"graph_name={handle.graph_name!r}，状态：{item['steps']}")
        else:
            states = [value["steps"] for value in item.values]
            print(f"  里面的 graph_name={item.graph_name!r}，状态：{states}")  # (5)!
