"""The common updates-mode loop from online tutorials, run on two agents that have
middleware.
"""

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

for label, agent in [
    ("带调用次数限制的 Agent", limited),
    ("带人工审批的 Agent", reviewed),
]:
    print(f"== {label}")
    try:
        # --8<-- [start:main]
        for chunk in agent.stream(question, config, stream_mode="updates"):
            for step, data in chunk.items():
                print(f"step: {step}")
                print(f"content: {data['messages'][-1].content_blocks}")
        # --8<-- [end:main]
    except TypeError as exc:
        print(f"{type(exc).__name__}: {exc}")
