"""Node names of a create_agent graph with middleware, and their updates."""

# --8<-- [start:agent]
from langchain.agents import create_agent
from langchain.agents.middleware import ModelCallLimitMiddleware, before_model
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：小雨，18°C"


@before_model
def log_call(state, runtime):  # (1)!
    return None


agent = create_agent(
    model="gpt-4o-mini",
    tools=[get_weather],
    middleware=[log_call, ModelCallLimitMiddleware(run_limit=5)],  # (2)!
)
question = {"messages": [{"role": "user", "content": "杭州天气怎么样？"}]}
# --8<-- [end:agent]

# --8<-- [start:main]
print(f"图里的节点：{list(agent.get_graph().nodes)}")

for part in agent.stream(question, stream_mode="updates", version="v2"):
    for node, update in part["data"].items():
        if update is None:  # (1)!
            print(f"{node:<40} None")
        else:
            print(f"{node:<40} 写入的键：{list(update)}")

print(f"invoke() 返回的键：{list(agent.invoke(question))}")  # (2)!
# --8<-- [end:main]
