"""Tool results arrive whole: one ToolMessage per call, from the node named tools."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


@tool
def get_time(timezone: str) -> str:
    """查询某个时区的当前时间。"""
    return f"{timezone}：15:30"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather, get_time])
question = {"messages": [{"role": "user", "content": "北京天气怎么样？东京现在几点？"}]}

# --8<-- [start:main]
results = []
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] == "tools":
        results.append(token)

print(f"tools 节点产出 {len(results)} 项")
for token in sorted(results, key=lambda message: message.name):  # (1)!
    print(f"{type(token).__name__}: {token.content!r}")
    print(
        f"  name={token.name} tool_call_id={token.tool_call_id} status={token.status}"
    )
# --8<-- [end:main]
