"""The supervisor through stream_events(version="v3") (beta): subagents, interleave."""

import warnings

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_core._api import LangChainBetaWarning
from langchain_openai import ChatOpenAI
from langgraph_sdk.stream.subscription import matches_subscription

researcher = create_agent(model="gpt-4o-mini", tools=[], name="researcher")
writer = create_agent(model="gpt-4o-mini", tools=[], name="writer")
summariser = ChatOpenAI(model="gpt-4o-mini").with_config(tags=["internal_summary"])


@tool
def ask_researcher(topic: str) -> str:
    """请研究助手调查一个主题，返回一句话的要点。"""
    result = researcher.invoke({"messages": [{"role": "user", "content": topic}]})
    notes = result["messages"][-1].text
    return summariser.invoke(f"用一句话概括：{notes}").text


@tool
def ask_writer(notes: str) -> str:
    """请写手根据要点写出给用户看的建议。"""
    result = writer.invoke({"messages": [{"role": "user", "content": notes}]})
    return result["messages"][-1].text


supervisor = create_agent(
    model="gpt-4o-mini", tools=[ask_researcher, ask_writer], name="supervisor"
)
question = {
    "messages": [{"role": "user", "content": "给团队写一段关于远程办公的简短建议"}]
}

warnings.simplefilter("ignore", LangChainBetaWarning)  # (1)!

run = supervisor.stream_events(question, version="v3")
for sub in run.subagents:  # (2)!
    cause = (sub.cause or {}).get("type")
    print(f"子 Agent {sub.name} 开始，cause 的类型：{cause}")
    if sub.name != "writer":
        continue
    for message in sub.messages:  # (3)!
        print("  写手：", end="")
        for delta in message.text:
            print(delta, end="", flush=True)
        print()

print("顶层的 messages 和 tool_calls，按到达顺序：")
run = supervisor.stream_events(question, version="v3")
for name, item in run.interleave("messages", "tool_calls"):  # (4)!
    if name == "tool_calls":
        print(f"  [工具调用] {item.tool_name}({item.input})")
    else:
        text = "".join(item.text) or "（没有文字）"
        print(f"  [{item.node} 节点的模型调用] {text}")  # (5)!

print("原始事件里顶层、不带 internal_summary 标签的文字：", end="")
run = supervisor.stream_events(question, version="v3")
events = []
for event in run:  # (6)!
    events.append(event)
    if event["method"] != "messages" or event["params"]["namespace"]:
        continue
    data, metadata = event["params"]["data"]
    if "internal_summary" in metadata.get("tags", []):
        continue
    if data["event"] == "content-block-delta" and data["delta"]["type"] == "text-delta":
        print(data["delta"]["text"], end="", flush=True)
print()

namespaces = [event["params"]["namespace"] for event in events]
tools_task = next(namespace[0] for namespace in namespaces if namespace)
subscriptions = {  # (7)!
    "namespaces=[[]], depth=0": {
        "channels": ["messages"],
        "namespaces": [[]],
        "depth": 0,
    },
    'namespaces=[["tools"]]': {"channels": ["messages"], "namespaces": [["tools"]]},
    'namespaces=[["tools:<第一个任务 id>"]]': {
        "channels": ["messages"],
        "namespaces": [[tools_task]],
    },
    "不限命名空间": {"channels": ["messages"]},
}
print('同一批原始事件，套上 SDK 的订阅条件（channels=["messages"]）：')
for label, params in subscriptions.items():
    agents = {
        event["params"]["data"][1].get("lc_agent_name")
        for event in events
        if matches_subscription(event, params)  # (8)!
    }
    print(f"  {label}：{'、'.join(sorted(agents))}")
