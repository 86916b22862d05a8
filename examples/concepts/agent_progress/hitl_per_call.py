"""Per-call human review: parallel gated calls pause with one interrupt each."""

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴"


question = {"messages": [{"role": "user", "content": "北京和东京天气怎么样？"}]}
config = {"configurable": {"thread_id": "weather-1"}}

# --8<-- [start:main]
agent = create_agent(
    model="gpt-4o-mini",
    tools=[get_weather],
    middleware=[
        HumanInTheLoopMiddleware(
            interrupt_on={"get_weather": True}, interrupt_mode="per_call"
        )
    ],
    checkpointer=InMemorySaver(),
)

pending = []
for part in agent.stream(question, config, stream_mode="updates", version="v2"):
    for node, update in part["data"].items():
        if node == "__interrupt__":
            pending.extend(update)  # (1)!
            print(f"{node:<37} {len(update)} 个 Interrupt")
        else:
            print(node)

calls = agent.get_state(config).values["messages"][-1].tool_calls
order = [call["id"] for call in calls]
pending.sort(key=lambda item: order.index(item.value["tool_call_id"]))  # (2)!
print(f"收集到的中断：{[item.value['args']['city'] for item in pending]}")
print(f"get_state 里待处理的中断：{len(agent.get_state(config).interrupts)}")

decisions = {item.id: {"type": "approve"} for item in pending}  # (3)!
resumed = agent.stream(
    Command(resume=decisions), config, stream_mode="updates", version="v2"
)
print(f"恢复后：{[node for part in resumed for node in part['data']]}")
# --8<-- [end:main]
