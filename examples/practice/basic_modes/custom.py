"""stream_mode="custom": whatever your own code writes with get_stream_writer()."""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.config import get_stream_writer


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    writer = get_stream_writer()  # (1)!
    writer({"stage": "lookup", "message": f"正在查询{city}的天气"})
    report = f"{city}：晴，23°C，微风"
    writer({"stage": "done", "message": "天气数据已取到"})
    return report


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

for payload in agent.stream(question, stream_mode="custom"):  # (2)!
    print(f"[{payload['stage']}] {payload['message']}")
