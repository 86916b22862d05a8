"""Reading the newest message of each update, whatever kind of update it is."""

from langchain.agents import create_agent
from langchain.agents.middleware import (
    HumanInTheLoopMiddleware,
    ModelCallLimitMiddleware,
)
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：小雨，18°C"


limited = create_agent(
    model="gpt-4o-mini",
    tools=[get_weather],
    middleware=[ModelCallLimitMiddleware(run_limit=5)],
)
reviewed = create_agent(
    model="gpt-4o-mini",
    tools=[get_weather],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"get_weather": True})],
    checkpointer=InMemorySaver(),
)
question = {"messages": [{"role": "user", "content": "杭州天气怎么样？"}]}
config = {"configurable": {"thread_id": "tutorial"}}


# --8<-- [start:main]
def last_message(node, update):
    if node.startswith("__"):  # (1)!
        return None
    parts = update if isinstance(update, list) else [update]  # (2)!
    messages = [
        message
        for part in parts
        if isinstance(part, dict)  # (3)!
        for message in part.get("messages") or []
    ]
    return messages[-1] if messages else None


def show(agent):
    for part in agent.stream(question, config, stream_mode="updates", version="v2"):
        for node, update in part["data"].items():
            message = last_message(node, update)
            if message is not None:
                print(f"{node}: {message.content_blocks}")  # (4)!


# --8<-- [end:main]


for label, agent in [
    ("带调用次数限制的 Agent", limited),
    ("带人工审批的 Agent", reviewed),
]:
    print(f"== {label}")
    show(agent)
