"""StreamWriter is a plain callable: runtime.stream_writer.write(...) fails."""

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool


# --8<-- [start:main]
@tool
def check_stock(sku: str, runtime: ToolRuntime) -> str:
    """查询商品在各个仓库的库存。"""
    runtime.stream_writer.write("查询中")  # (1)!
    return "上海仓 12 件，广州仓 0 件"


agent = create_agent(model="gpt-4o-mini", tools=[check_stock])
question = {"messages": [{"role": "user", "content": "A100 还有货吗？"}]}
try:
    for data in agent.stream(question, stream_mode="custom"):
        print(data)
except AttributeError as exc:
    print(f"{type(exc).__name__}: {exc}")
# --8<-- [end:main]
