"""ModelFallbackMiddleware in messages mode: the fallback model starts over."""

from langchain.agents import create_agent
from langchain.agents.middleware import ModelFallbackMiddleware
from langchain_core.messages import AIMessageChunk

question = {"messages": [{"role": "user", "content": "讲一个关于企鹅的冷笑话"}]}

# --8<-- [start:main]
agent = create_agent(
    model="gpt-4o-mini",
    tools=[],
    middleware=[ModelFallbackMiddleware("gpt-4.1-mini")],  # (1)!
)

text, ids = "", []
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] == "model" and isinstance(token, AIMessageChunk):
        text += token.text
        if token.id not in ids:
            ids.append(token.id)
print(f"直接拼接：{text}")
print(f"消息 id 的个数：{len(ids)}")  # (2)!
# --8<-- [end:main]
