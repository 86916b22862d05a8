"""A supervisor, two named sub-agents, a tagged summariser: who made each token."""

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langchain_openai import ChatOpenAI

researcher = create_agent(model="gpt-4o-mini", tools=[], name="researcher")  # (1)!
writer = create_agent(model="gpt-4o-mini", tools=[], name="writer")
summariser = ChatOpenAI(model="gpt-4o-mini").with_config(
    tags=["internal_summary"]
)  # (2)!


@tool
def ask_researcher(topic: str) -> str:
    """请研究助手调查一个主题，返回一句话的要点。"""
    result = researcher.invoke({"messages": [{"role": "user", "content": topic}]})
    notes = result["messages"][-1].text
    return summariser.invoke(f"用一句话概括：{notes}").text  # (3)!


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


def strip_ids(namespace: str) -> str:
    """ "tools:1f0c…|model:9a2e…" -> "tools|model": task ids differ on every run."""
    return "|".join(segment.split(":")[0] for segment in namespace.split("|"))


seen = set()
for part in supervisor.stream(
    question,
    stream_mode="messages",
    subgraphs=True,
    version="v2",  # (4)!
):
    token, metadata = part["data"]
    if not isinstance(token, AIMessageChunk) or token.id in seen:
        continue  # (5)!
    seen.add(token.id)
    ns = tuple(segment.split(":")[0] for segment in part["ns"])  # (6)!
    print(
        f"ns={ns} node={metadata['langgraph_node']} "
        f"agent={metadata.get('lc_agent_name')} tags={metadata.get('tags')}\n"
        f"    langgraph_checkpoint_ns={strip_ids(metadata['langgraph_checkpoint_ns'])}"
        f" checkpoint_ns={strip_ids(metadata['checkpoint_ns'])}"  # (7)!
    )
