"""Aggregating with + until chunk_position == "last": right for one sequential agent."""

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_core.messages import AIMessageChunk


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "西安天气好吗？"}]}

# --8<-- [start:main]
full_message = None

for token, _metadata in agent.stream(question, stream_mode="messages"):
    if isinstance(token, AIMessageChunk):
        full_message = token if full_message is None else full_message + token  # (1)!

        if token.chunk_position == "last":  # (2)!
            print(f"完整消息: {full_message.content!r}")
            if full_message.tool_calls:
                print(f"工具调用: {full_message.tool_calls}")
            print(f"用量: {full_message.usage_metadata}")  # (3)!
            full_message = None
# --8<-- [end:main]
