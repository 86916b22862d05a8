"""A writer parameter is injected into nodes, not tools: a tool asks the model."""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.types import StreamWriter


# --8<-- [start:main]
@tool
def check_stock(sku: str, writer: StreamWriter) -> str:
    """查询商品在各个仓库的库存。"""
    writer({"type": "progress", "message": "查询中"})
    return "上海仓 12 件，广州仓 0 件"


print(f"工具输入的字段：{list(check_stock.args_schema.model_fields)}")  # (1)!
agent = create_agent(model="gpt-4o-mini", tools=[check_stock])
question = {"messages": [{"role": "user", "content": "A100 还有货吗？"}]}
try:
    list(agent.stream(question, stream_mode="custom"))
except Exception as exc:
    print(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
# --8<-- [end:main]
