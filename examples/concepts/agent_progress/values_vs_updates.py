"""A second turn: updates carries the new messages, values the whole state."""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return {"上海": "上海：多云，22°C", "广州": "广州：晴，31°C"}[city]


# --8<-- [start:main]
agent = create_agent(
    model="gpt-4o-mini", tools=[get_weather], checkpointer=InMemorySaver()
)
config = {"configurable": {"thread_id": "weather-chat"}}  # (1)!

agent.invoke({"messages": [{"role": "user", "content": "上海天气怎么样？"}]}, config)
print(
    "第一轮结束，会话线程里有",
    len(agent.get_state(config).values["messages"]),
    "条消息",
)

second = {"messages": [{"role": "user", "content": "那广州呢？"}]}
for part in agent.stream(
    second, config, stream_mode=["updates", "values"], version="v2"
):
    if part["type"] == "updates":
        for node, update in part["data"].items():
            print(f"updates  {node:<6} 带 {len(update['messages'])} 条消息")
    else:
        print(f"values   整个状态，{len(part['data']['messages'])} 条消息")  # (2)!
# --8<-- [end:main]
