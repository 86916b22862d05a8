"""runtime.stream_writer in a tool: ToolRuntime, injected by the agent's tool node."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool


@tool
def check_stock(sku: str, runtime: ToolRuntime) -> str:  # (1)!
    """查询商品在各个仓库的库存。"""
    runtime.stream_writer(
        {"type": "progress", "tool_call_id": runtime.tool_call_id, "message": "查询中"}
    )  # (2)!
    return "上海仓 12 件，广州仓 0 件"


print(f"模型看到的参数：{list(check_stock.tool_call_schema.model_fields)}")  # (3)!

agent = create_agent(model="gpt-4o-mini", tools=[check_stock])
question = {"messages": [{"role": "user", "content": "A100 还有货吗？"}]}
call_ids = []
for part in agent.stream(question, stream_mode=["updates", "custom"], version="v2"):
    if part["type"] == "updates" and "model" in part["data"]:
        call_ids += [c["id"] for c in part["data"]["model"]["messages"][-1].tool_calls]
    elif part["type"] == "custom":
        data = part["data"]
        number = call_ids.index(data["tool_call_id"]) + 1  # (4)!
        print(f"{data['message']}：来自模型的第 {number} 个工具调用")
# --8<-- [end:main]
