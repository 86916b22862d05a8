"""Human-in-the-loop: __interrupt__ in updates, then a resume on the same thread."""

# --8<-- [start:agent]
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command


@tool
def send_email(to: str, body: str) -> str:
    """给联系人发送邮件。"""
    return f"已发送给{to}"


agent = create_agent(
    model="gpt-4o-mini",
    tools=[send_email],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"send_email": True})],  # (1)!
    checkpointer=InMemorySaver(),  # (2)!
)
config = {"configurable": {"thread_id": "email-1"}}  # (3)!
question = {
    "messages": [{"role": "user", "content": "给张三发封邮件，告诉他会议改到下午三点"}]
}
# --8<-- [end:agent]


# --8<-- [start:main]
seen = set()


def show(stream):
    for part in stream:
        for node, update in part["data"].items():
            if node == "__interrupt__":  # (1)!
                request = update[0].value
                action = request["action_requests"][0]
                review = request["review_configs"][0]
                print(f"__interrupt__ 等待审批：{action['name']} {action['args']}")
                print(f"{'':14}可选决定：{review['allowed_decisions']}")
            elif update and update.get("messages"):
                message = update["messages"][-1]
                calls = [call["name"] for call in getattr(message, "tool_calls", [])]
                what = message.text or f"调用 {calls}"
                again = "（这条消息已经出现过）" if message.id in seen else ""  # (2)!
                seen.add(message.id)
                print(f"{node:<37} {type(message).__name__}：{what}{again}")
            else:
                print(f"{node:<37} {update}")


show(agent.stream(question, config, stream_mode="updates", version="v2"))
print(f"暂停在：{agent.get_state(config).next}")  # (3)!

print("--- 审批通过，继续运行")
decision = Command(resume={"decisions": [{"type": "approve"}]})  # (4)!
show(agent.stream(decision, config, stream_mode="updates", version="v2"))
print(f"最后的回答：{agent.get_state(config).values['messages'][-1].content}")
# --8<-- [end:main]
