"""disable_streaming=True: one whole AIMessage per model call in messages mode."""

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_openai import ChatOpenAI


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：阴，15°C"


question = {"messages": [{"role": "user", "content": "哈尔滨冷不冷？"}]}

# --8<-- [start:main]
for label, model in [
    ("默认", ChatOpenAI(model="gpt-4o-mini")),
    (
        "disable_streaming=True",
        ChatOpenAI(model="gpt-4o-mini", disable_streaming=True),
    ),  # (1)!
    ("streaming=False", ChatOpenAI(model="gpt-4o-mini", streaming=False)),  # (2)!
    (
        'disable_streaming="tool_calling"',
        ChatOpenAI(model="gpt-4o-mini", disable_streaming="tool_calling"),
    ),  # (3)!
]:
    agent = create_agent(model=model, tools=[get_weather])
    tokens = [
        token
        for token, metadata in agent.stream(question, stream_mode="messages")
        if metadata["langgraph_node"] == "model"
    ]
    kinds = sorted({type(token).__name__ for token in tokens})
    print(f"{label}：model 节点产出 {len(tokens)} 项，类型 {kinds}")
    if len(tokens) < 5:
        for token in tokens:
            print(
                f"    {token.content!r} {[call['name'] for call in token.tool_calls]}"
            )
# --8<-- [end:main]
