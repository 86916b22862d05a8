"""Middleware: write the completed answer as one custom item, from after_agent."""

from langchain.agents import AgentState, create_agent
from langchain.agents.middleware import after_agent
from langchain.tools import tool
from langgraph.runtime import Runtime


@tool
def check_stock(sku: str) -> str:
    """查询商品在各个仓库的库存。"""
    return "上海仓 12 件，广州仓 0 件"


# --8<-- [start:main]
@after_agent
def send_final_answer(state: AgentState, runtime: Runtime) -> None:  # (1)!
    final = state["messages"][-1]
    runtime.stream_writer({"type": "final", "text": final.text})  # (2)!


agent = create_agent(
    model="gpt-4o-mini", tools=[check_stock], middleware=[send_final_answer]
)
question = {"messages": [{"role": "user", "content": "A100 还有货吗？"}]}
for part in agent.stream(question, stream_mode=["updates", "custom"], version="v2"):
    if part["type"] == "updates":
        print(f"updates：{list(part['data'])}")
    else:
        print(f"custom：{part['data']}")  # (3)!
# --8<-- [end:main]
