"""stream_mode="debug": checkpoints and tasks in one stream, each with step and type."""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(
    model="gpt-4o-mini", tools=[get_weather], checkpointer=InMemorySaver()
)
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}
config = {"configurable": {"thread_id": "hangzhou-debug"}}

for event in agent.stream(question, config, stream_mode="debug"):
    payload = event["payload"]  # (1)!
    what = payload.get("name") or f"next={payload.get('next')}"
    print(f"step={event['step']:>2}  {event['type']:<11}  {what}")
