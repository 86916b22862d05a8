"""stream_mode="messages": the model's tokens as they arrive, with their origin."""

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

for token, metadata in agent.stream(question, stream_mode="messages"):  # (1)!
    if metadata["langgraph_node"] != "model" or not isinstance(token, AIMessageChunk):
        continue  # (2)!
    if token.text:
        print(token.text, end="", flush=True)  # (3)!
    for piece in token.tool_call_chunks:  # (4)!
        if piece["name"]:
            print(f"（模型要调用 {piece['name']}）")
print()
