"""Resuming on another thread_id does not reach the paused run."""

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command


@tool
def send_email(to: str, body: str) -> str:
    """给联系人发送邮件。"""
    return f"已发送给{to}"


question = {
    "messages": [{"role": "user", "content": "给张三发封邮件，告诉他会议改到下午三点"}]
}
approve = Command(resume={"decisions": [{"type": "approve"}]})


def nodes(stream):
    return [node for part in stream for node in part["data"]]


# --8<-- [start:main]
agent = create_agent(
    model="gpt-4o-mini",
    tools=[send_email],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"send_email": True})],
    checkpointer=InMemorySaver(),
)
paused = {"configurable": {"thread_id": "email-1"}}
print(
    "第一次运行：",
    nodes(agent.stream(question, paused, stream_mode="updates", version="v2")),
)
other = {"configurable": {"thread_id": "email-2"}}  # (1)!
try:
    nodes(agent.stream(approve, other, stream_mode="updates", version="v2"))
except Exception as exc:
    print(f"恢复：{type(exc).__name__}: {exc}")
print("email-1 仍然暂停在：", agent.get_state(paused).next)
# --8<-- [end:main]
