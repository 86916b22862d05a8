"""get_stream_writer() in a graph node, read with stream_mode="custom"."""

# --8<-- [start:main]
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    files: list[str]
    indexed: int


def index_files(state: State) -> dict:
    writer = get_stream_writer()  # (1)!
    total = len(state["files"])
    for step, name in enumerate(state["files"], 1):
        writer({"type": "progress", "step": step, "total": total, "file": name})  # (2)!
    return {"indexed": total}


graph = (
    StateGraph(State)
    .add_node("index_files", index_files)
    .add_edge(START, "index_files")
    .compile()
)

inputs = {"files": ["合同.pdf", "发票.xlsx", "会议纪要.docx"], "indexed": 0}
for chunk in graph.stream(inputs, stream_mode="custom"):  # (3)!
    print(chunk)
# --8<-- [end:main]
