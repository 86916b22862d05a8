"""get_stream_writer() inside a tool of an agent made by create_agent."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.config import get_stream_writer


@tool
def check_stock(sku: str) -> str:
    """查询商品在各个仓库的库存。"""
    writer = get_stream_writer()
    warehouses = ["上海仓", "广州仓"]
    for step, name in enumerate(warehouses, 1):
        writer({"type": "progress", "step": step, "total": 2, "message": f"查询{name}"})
    return "上海仓 12 件，广州仓 0 件"


agent = create_agent(model="gpt-4o-mini", tools=[check_stock])
question = {"messages": [{"role": "user", "content": "A100 还有货吗？"}]}

for part in agent.stream(
    question, stream_mode=["updates", "custom"], version="v2"
):  # (1)!
    if part["type"] == "custom":
        data = part["data"]
        print(f"  进度 {data['step']}/{data['total']}：{data['message']}")
    else:
        print(f"[updates] 完成节点：{', '.join(part['data'])}")
# --8<-- [end:main]
