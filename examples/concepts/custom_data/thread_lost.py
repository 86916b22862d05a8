"""Work moved to a thread pool loses the run's context, and with it the writer."""

# --8<-- [start:main]
from concurrent.futures import ThreadPoolExecutor
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    pages: list[str]


def fetch(url: str) -> str:
    get_stream_writer()({"type": "fetched", "url": url})  # (1)!
    return url


def fetch_with(writer, url: str) -> str:
    writer({"type": "fetched", "url": url})  # (2)!
    return url


def crawl(state: State) -> dict:
    urls = ["/a", "/b"]
    writer = get_stream_writer()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for label, futures in [
            ("在线程里查找写入器", [pool.submit(fetch, u) for u in urls]),
            ("把写入器传进线程", [pool.submit(fetch_with, writer, u) for u in urls]),
        ]:
            for future in futures:
                try:
                    future.result()
                except Exception as exc:
                    print(f"{label}：{type(exc).__name__}: {exc}")
    return {"pages": urls}


graph = StateGraph(State).add_node("crawl", crawl).add_edge(START, "crawl").compile()
for mode in ["custom", "updates"]:  # (3)!
    print(f"--- stream_mode={mode!r}")
    received = [c for c in graph.stream({"pages": []}, stream_mode=mode)]
    print(f"流里收到：{received}")
# --8<-- [end:main]
