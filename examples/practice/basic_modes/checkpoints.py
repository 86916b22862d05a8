"""stream_mode="checkpoints": every checkpoint the run saves (needs a checkpointer)."""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(
    model="gpt-4o-mini",
    tools=[get_weather],
    checkpointer=InMemorySaver(),  # (1)!
)
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}
config = {"configurable": {"thread_id": "hangzhou-trip"}}  # (2)!

for checkpoint in agent.stream(question, config, stream_mode="checkpoints"):
    step = checkpoint["metadata"]["step"]
    source = checkpoint["metadata"]["source"]
    count = len(checkpoint["values"].get("messages", []))
    upcoming = checkpoint["next"]
    print(f"step={step:>2}  source={source:<5}  消息数={count}  下一步={upcoming}")

saved = agent.get_state(config)  # (3)!
print(
    f"get_state：step={saved.metadata['step']}，消息数={len(saved.values['messages'])}"
)
