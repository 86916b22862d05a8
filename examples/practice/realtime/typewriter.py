"""A terminal typewriter: a model's tokens, then an agent's, printed as they come."""

import asyncio

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langchain_openai import ChatOpenAI


@tool
async def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


async def main() -> None:
    model = ChatOpenAI(model="gpt-4o-mini")
    print("模型：", end="", flush=True)
    async for chunk in model.astream("用一句话介绍西湖"):  # (1)!
        print(chunk.text, end="", flush=True)  # (2)!
    print()

    agent = create_agent(model=model, tools=[get_weather])
    question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}
    print("Agent：", end="", flush=True)
    async for part in agent.astream(question, stream_mode="messages", version="v2"):
        token, metadata = part["data"]  # (3)!
        if (
            not isinstance(token, AIMessageChunk)
            or metadata["langgraph_node"] != "model"
        ):
            continue  # (4)!
        for block in token.content_blocks:
            if block["type"] == "reasoning":  # (5)!
                print(f"（思考：{block.get('reasoning', '')}）", end="", flush=True)
        if token.text:
            print(token.text, end="", flush=True)
        for piece in token.tool_call_chunks:
            if piece["name"]:
                print(f"（调用 {piece['name']}……）", end="", flush=True)
    print()


if __name__ == "__main__":
    asyncio.run(main())
