"""Tokens and approvals in one loop: stream, collect interrupts, resume by id."""

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command


@tool
def send_email(to: str, subject: str) -> str:
    """给同事发一封邮件。"""
    return f"已发送给{to}：{subject}"


agent = create_agent(
    model="gpt-4o-mini",
    tools=[send_email],
    middleware=[
        HumanInTheLoopMiddleware(
            interrupt_on={"send_email": True},
            interrupt_mode="per_call",  # (1)!
        )
    ],
    checkpointer=InMemorySaver(),  # (2)!
)
config = {"configurable": {"thread_id": "reminders-1"}}


def human_decides(request: dict) -> dict:  # (3)!
    if request["args"]["to"] == "李四":
        return {"type": "reject", "message": "李四这周休假，不要打扰。"}
    return {"type": "approve"}


payload = {"messages": [{"role": "user", "content": "给张三和李四各发一封会议提醒"}]}
for round_number in range(1, 5):  # (4)!
    print(f"— 第 {round_number} 轮 —")
    pending, tool_results, spoke = [], [], False
    for part in agent.stream(
        payload, config, stream_mode=["messages", "updates"], version="v2"
    ):
        if part["type"] == "messages":
            token, _ = part["data"]
            if not isinstance(token, AIMessageChunk):
                continue
            for piece in token.tool_call_chunks:
                if piece["name"]:
                    print(f"[模型要调用] {piece['name']}")
            if token.text:
                for line in sorted(tool_results):  # (5)!
                    print(line)
                tool_results = []
                print(token.text, end="", flush=True)
                spoke = True
        elif "__interrupt__" in part["data"]:
            pending.extend(part["data"]["__interrupt__"])  # (6)!
        elif "tools" in part["data"]:
            tool_results.append(f"[工具] {part['data']['tools']['messages'][-1].text}")
    if spoke:
        print()
    if not pending:
        break
    decisions = {item.id: human_decides(item.value) for item in pending}  # (7)!
    for item in sorted(pending, key=lambda item: item.value["args"]["to"]):
        print(f"[审批] {item.value['args']['to']}：{decisions[item.id]['type']}")
    payload = Command(resume=decisions)  # (8)!
