"""Sub-agent tokens: subgraphs=True gives (namespace, (chunk, metadata)) items."""

# --8<-- [start:agents]
from langchain.agents import create_agent
from langchain.tools import tool

researcher = create_agent(model="gpt-4o-mini", tools=[], name="researcher")  # (1)!


@tool
def ask_researcher(query: str) -> str:
    """把问题交给研究助手，返回它的结论。"""  # (2)!
    result = researcher.invoke({"messages": [{"role": "user", "content": query}]})
    return result["messages"][-1].content


supervisor = create_agent(
    model="gpt-4o-mini", tools=[ask_researcher], name="supervisor"
)
question = {"messages": [{"role": "user", "content": "帮我查一下量子计算的最新进展"}]}
# --8<-- [end:agents]

# --8<-- [start:main]
current, mid_line = None, False
for namespace, (token, metadata) in supervisor.stream(  # (1)!
    question, stream_mode="messages", subgraphs=True
):
    agent_name = metadata.get("lc_agent_name")
    if agent_name != current:  # (2)!
        ns = tuple(part.split(":")[0] for part in namespace)  # (3)!
        print(("\n" if mid_line else "") + f"[{agent_name}] namespace={ns}")
        current, mid_line = agent_name, False
    if metadata["langgraph_node"] == "model" and token.text:
        print(token.text, end="", flush=True)
        mid_line = True
    elif metadata["langgraph_node"] == "tools":
        print(f"[工具结果] {token.content}")
print()
# --8<-- [end:main]

# --8<-- [start:without]
seen = {
    md.get("lc_agent_name")
    for _, md in supervisor.stream(question, stream_mode="messages")
}
print(f"不加 subgraphs=True 时能看到的 Agent：{sorted(seen)}")
# --8<-- [end:without]
