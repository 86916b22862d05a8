"""Pausing works without a checkpointer; resuming does not."""

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
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
)  # (1)!
first = nodes(agent.stream(question, stream_mode="updates", version="v2"))
print(f"第一次运行：{first}")
try:
    nodes(agent.stream(approve, stream_mode="updates", version="v2"))
except RuntimeError as exc:
    print(f"恢复：{type(exc).__name__}: {exc}")
# --8<-- [end:main]
