"""Per-call review resumed one decision at a time: a finished update comes again."""

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
config = {"configurable": {"thread_id": "weather-2"}}
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


# --8<-- [start:main]
def show(stream):
    for part in stream:
        for node, update in part["data"].items():
            if node == "__metadata__":
                print(f"  {node:<36} {update}")  # (1)!
            elif node != "__interrupt__":
                messages = (update or {}).get("messages", [])
                print(f"  {node:<36} {[message.text for message in messages]}")
    interrupts = agent.get_state(config).interrupts
    waiting = {item.value["args"]["city"] for item in interrupts}
    cities = [city for city in ("北京", "东京") if city in waiting]
    print(f"  {'等待审批':<32} {cities}")


def interrupt_for(city):
    return next(
        item
        for item in agent.get_state(config).interrupts
        if item.value["args"]["city"] == city
    )


approve = {"type": "approve"}
show(agent.stream(question, config, stream_mode="updates", version="v2"))
print("== 只批准北京")
resume = Command(resume={interrupt_for("北京").id: approve})  # (2)!
show(agent.stream(resume, config, stream_mode="updates", version="v2"))
print("== 再批准东京")
resume = Command(resume={interrupt_for("东京").id: approve})
show(agent.stream(resume, config, stream_mode="updates", version="v2"))  # (3)!
# --8<-- [end:main]
