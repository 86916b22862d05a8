"""Calling code that writes custom data outside a graph run."""

from langchain.tools import ToolRuntime, tool
from langgraph.config import get_stream_writer


# --8<-- [start:tools]
def report_progress(message: str) -> None:
    get_stream_writer()({"type": "progress", "message": message})


@tool
def check_stock(sku: str) -> str:
    """查询商品在各个仓库的库存。"""
    report_progress("查询中")
    return "上海仓 12 件，广州仓 0 件"


@tool
def check_stock_rt(sku: str, runtime: ToolRuntime) -> str:
    """查询商品在各个仓库的库存。"""
    runtime.stream_writer({"type": "progress", "message": "查询中"})
    return "上海仓 12 件，广州仓 0 件"


# --8<-- [end:tools]


# --8<-- [start:main]
def attempt(label, call):
    try:
        print(f"{label} → {call()!r}")
    except Exception as exc:
        lines = str(exc).splitlines()
        print(f"{label} → {type(exc).__name__}: {lines[0]}")
        if len(lines) > 1:
            print(f"{' ' * len(label)}   {lines[1].strip()} {lines[2].strip()}")  # (1)!


attempt("report_progress('查询中')", lambda: report_progress("查询中"))  # (2)!
attempt("check_stock.invoke(...)", lambda: check_stock.invoke({"sku": "A100"}))  # (3)!
attempt("check_stock_rt.invoke(...)", lambda: check_stock_rt.invoke({"sku": "A100"}))
# --8<-- [end:main]
