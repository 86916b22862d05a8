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
def build(**options):
    return create_agent(
        model="gpt-4o-mini",
        tools=[send_email],
        middleware=[HumanInTheLoopMiddleware(interrupt_on={"send_email": True})],
        checkpointer=InMemorySaver(),
        **options,
    )


paused = {"configurable": {"thread_id": "email-1"}}
other = {"configurable": {"thread_id": "email-2"}}  # (1)!
agents = [
    ("没有 system_prompt", build()),
    ("有 system_prompt", build(system_prompt="你是一个办公助理。")),  # (2)!
]
for label, agent in agents:
    print(f"== {label}")
    first = nodes(agent.stream(question, paused, stream_mode="updates", version="v2"))
    print(f"第一次运行：{first}")
    try:
        resumed = nodes(
            agent.stream(approve, other, stream_mode="updates", version="v2")
        )
        print(f"恢复：{resumed}")
        answer = agent.get_state(other).values["messages"][-1]
        print(f"email-2 里多出的回答：{answer.text}")
    except Exception as exc:
        print(f"恢复：{type(exc).__name__}: {exc}")
    print(f"email-1 仍然暂停在：{agent.get_state(paused).next}")

print("== 恢复之前先检查")
for config in [paused, other]:
    thread = config["configurable"]["thread_id"]
    interrupts = agent.get_state(config).interrupts  # (3)!
    if interrupts:
        calls = [request["name"] for request in interrupts[0].value["action_requests"]]
        print(f"{thread}：{len(interrupts)} 个待处理的中断，等待审批 {calls}")
    else:
        print(f"{thread}：没有待处理的中断，不要对它恢复")
# --8<-- [end:main]
