"""What messages mode yields: one (message, metadata) pair per item."""

# --8<-- [start:agent]
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_openai import ChatOpenAI


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：多云，22°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather], name="weather_agent")
question = {"messages": [{"role": "user", "content": "上海天气如何？"}]}
# --8<-- [end:agent]

# --8<-- [start:main]
for i, item in enumerate(agent.stream(question, stream_mode="messages"), 1):
    token, metadata = item  # (1)!
    line = (
        f"[{i:>2}] {type(token).__name__} node={metadata['langgraph_node']} "
        f"step={metadata['langgraph_step']} content={token.content!r}"  # (2)!
    )
    if getattr(token, "chunk_position", None):  # (3)!
        line += f" chunk_position={token.chunk_position!r}"
    if token.response_metadata.get("finish_reason"):  # (4)!
        line += f" finish_reason={token.response_metadata['finish_reason']!r}"
    print(line)
    for part in getattr(token, "tool_call_chunks", []):  # (5)!
        print(f"     tool_call_chunk: {part}")
# --8<-- [end:main]

# --8<-- [start:usage]
counted = create_agent(
    model=ChatOpenAI(model="gpt-4o-mini", stream_usage=True),  # (1)!
    tools=[get_weather],
)
items = list(counted.stream(question, stream_mode="messages"))
usage_chunks = [token for token, _ in items if getattr(token, "usage_metadata", None)]
print(f"stream_usage=True：共 {len(items)} 项，其中用量块 {len(usage_chunks)} 个")
for token in usage_chunks:
    print(f"  content={token.content!r} usage_metadata={token.usage_metadata}")
# --8<-- [end:usage]
