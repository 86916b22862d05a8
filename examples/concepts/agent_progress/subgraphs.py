"""An agent as a node of a larger graph: its steps show with subgraphs=True."""

# --8<-- [start:graph]
from langchain.agents import AgentState, create_agent
from langchain.tools import tool
from langgraph.graph import START, StateGraph


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：阴，20°C"


assistant = create_agent(model="gpt-4o-mini", tools=[get_weather])

graph = StateGraph(AgentState)
graph.add_node("assistant", assistant)  # (1)!
graph.add_edge(START, "assistant")
app = graph.compile()
question = {"messages": [{"role": "user", "content": "苏州天气怎么样？"}]}
# --8<-- [end:graph]

# --8<-- [start:main]
print("不加 subgraphs：")
for part in app.stream(question, stream_mode="updates", version="v2"):
    print(f"  ns={part['ns']} 节点={list(part['data'])}")

print("subgraphs=True：")
for part in app.stream(question, stream_mode="updates", version="v2", subgraphs=True):
    ns = tuple(entry.split(":")[0] for entry in part["ns"])  # (1)!
    print(f"  ns={ns} 节点={list(part['data'])}")
# --8<-- [end:main]
