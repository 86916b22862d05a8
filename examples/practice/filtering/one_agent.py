"""The UI shows only the writer's answer; five filters compared on the same run."""

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langchain_openai import ChatOpenAI

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

filters = {  # (1)!
    "无（只要有文字）": lambda ns, md: True,
    "langgraph_node == 'model'": lambda ns, md: md["langgraph_node"] == "model",
    "ns == ()（只要顶层）": lambda ns, md: not ns,
    "lc_agent_name == 'supervisor'": lambda ns, md: (
        md.get("lc_agent_name") == "supervisor"
    ),
    "lc_agent_name == 'supervisor'，且不带 internal_summary 标签": lambda ns, md: (
        md.get("lc_agent_name") == "supervisor"
        and "internal_summary" not in md.get("tags", [])  # (2)!
    ),
}
passed = {name: "" for name in filters}

print("界面上的写手回答：", end="")
for part in supervisor.stream(
    question, stream_mode="messages", subgraphs=True, version="v2"
):
    token, metadata = part["data"]
    if not isinstance(token, AIMessageChunk) or not token.text:
        continue  # (3)!
    if metadata.get("lc_source"):
        continue  # (4)!
    if (
        metadata.get("lc_agent_name") == "writer"
        and metadata["langgraph_node"] == "model"
    ):  # (5)!
        print(token.text, end="", flush=True)
    for name, accepts in filters.items():
        if accepts(part["ns"], metadata):
            passed[name] += token.text
print()

for name, text in passed.items():
    print(f"\n过滤条件 {name}：\n  {text}")
