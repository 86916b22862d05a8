"""How tool-call chunks arrive: id and name once, args fragments by index."""

# --8<-- [start:agent]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


@tool
def get_time(timezone: str) -> str:
    """查询某个时区的当前时间。"""
    return f"{timezone}：15:30"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather, get_time])
question = {"messages": [{"role": "user", "content": "北京天气怎么样？东京现在几点？"}]}
# --8<-- [end:agent]

# --8<-- [start:main]
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] != "model":
        continue
    for part in token.tool_call_chunks:
        index, call_id, name, args = (
            part["index"],
            part["id"],
            part["name"],
            part["args"],
        )
        print(f"index={index} id={call_id} name={name} args={args!r}")
# --8<-- [end:main]
