"""Testing code that writes custom data, on its own, without an agent or a model."""

from typing import TypedDict
from unittest.mock import patch

from langchain.tools import ToolRuntime, tool
from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph
from langgraph.types import StreamWriter


@tool
def check_stock(sku: str) -> str:
    """查询商品在各个仓库的库存。"""
    get_stream_writer()({"type": "progress", "message": "查询中"})
    return "上海仓 12 件，广州仓 0 件"


@tool
def check_stock_rt(sku: str, runtime: ToolRuntime) -> str:
    """查询商品在各个仓库的库存。"""
    runtime.stream_writer({"type": "progress", "message": "查询中"})
    return "上海仓 12 件，广州仓 0 件"


def draft(state: dict, writer: StreamWriter) -> dict:
    writer({"type": "status", "message": "正在起草"})
    return {"text": "初稿"}


# --8<-- [start:runtime]
events = []
runtime = ToolRuntime(
    state={},
    context=None,
    config={},
    stream_writer=events.append,  # (1)!
    tool_call_id="call_test",
    store=None,
)
result = check_stock_rt.invoke({"sku": "A100", "runtime": runtime})
assert result == "上海仓 12 件，广州仓 0 件"
assert events == [{"type": "progress", "message": "查询中"}]
print("ToolRuntime 工具：通过", events)

events = []
assert draft({}, writer=events.append) == {"text": "初稿"}  # (2)!
print("writer 参数的节点：通过", events)
# --8<-- [end:runtime]


# --8<-- [start:patch]
events = []
with patch(f"{__name__}.get_stream_writer", return_value=events.append):  # (1)!
    result = check_stock.invoke({"sku": "A100"})
assert result == "上海仓 12 件，广州仓 0 件"
assert events == [{"type": "progress", "message": "查询中"}]
print("get_stream_writer 工具，打补丁：通过", events)
# --8<-- [end:patch]


# --8<-- [start:graph]
class Harness(TypedDict):
    result: str


def run_in_graph(fn) -> tuple[object, list]:  # (1)!
    graph = (
        StateGraph(Harness)
        .add_node("call", lambda state: {"result": fn()})
        .add_edge(START, "call")
        .compile()
    )
    events, result = [], None
    for mode, data in graph.stream({}, stream_mode=["custom", "values"]):
        if mode == "custom":
            events.append(data)
        else:
            result = data.get("result")
    return result, events


result, events = run_in_graph(lambda: check_stock.invoke({"sku": "A100"}))
assert result == "上海仓 12 件，广州仓 0 件"
assert events == [{"type": "progress", "message": "查询中"}]
print("get_stream_writer 工具，放进图里：通过", events)
# --8<-- [end:graph]
