"""Carrying the run context into pool threads: copy_context().run, a context pool."""

# --8<-- [start:main]
from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from typing import TypedDict

from langchain_core.runnables.config import ContextThreadPoolExecutor
from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    pages: list[str]


def fetch(url: str) -> str:
    get_stream_writer()({"type": "fetched", "url": url})
    return url


def crawl_copy(state: State) -> dict:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [
            pool.submit(copy_context().run, fetch, u) for u in ["/a", "/b"]
        ]  # (1)!
        return {"pages": [f.result() for f in futures]}


def crawl_pool(state: State) -> dict:
    with ContextThreadPoolExecutor(max_workers=2) as pool:  # (2)!
        return {"pages": list(pool.map(fetch, ["/c", "/d"]))}


for node in (crawl_copy, crawl_pool):
    graph = StateGraph(State).add_node("crawl", node).add_edge(START, "crawl").compile()
    received = list(graph.stream({"pages": []}, stream_mode="custom"))
    print(f"{node.__name__}：{sorted(item['url'] for item in received)}")  # (3)!
# --8<-- [end:main]
