"""A common sub-agent loop unpacks (namespace, item) as (token, metadata)."""

from langchain.agents import create_agent
from langchain.tools import tool

researcher = create_agent(model="gpt-4o-mini", tools=[], name="researcher")


@tool
def ask_researcher(query: str) -> str:
    """把问题交给研究助手，返回它的结论。"""
    result = researcher.invoke({"messages": [{"role": "user", "content": query}]})
    return result["messages"][-1].content


supervisor = create_agent(
    model="gpt-4o-mini", tools=[ask_researcher], name="supervisor"
)
question = {"messages": [{"role": "user", "content": "帮我查一下量子计算的最新进展"}]}

try:
    # --8<-- [start:main]
    current_agent = None

    for token, metadata in supervisor.stream(
        question, stream_mode="messages", subgraphs=True
    ):
        agent_name = metadata.get("lc_agent_name")  # (1)!

        if agent_name != current_agent:
            print(f"\n\n[{agent_name}]:")
            current_agent = agent_name

        if hasattr(token, "content") and token.content:
            print(token.content, end="", flush=True)
    # --8<-- [end:main]
except Exception as exc:
    print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
    print(f"token = {token!r}")
    print(f"metadata 的类型 = {type(metadata).__name__}，长度 {len(metadata)}")
