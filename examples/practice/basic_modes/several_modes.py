"""Several modes in one stream with version="v2": branch on each part's type."""

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langgraph.config import get_stream_writer
from langgraph.types import StreamPart


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    get_stream_writer()({"stage": "lookup", "message": f"正在查询{city}的天气"})
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}


def show(part: StreamPart, mid_line: bool) -> bool:
    """Print one part; return whether the cursor is left in the middle of a line."""
    if part["type"] == "messages":  # (1)!
        token, metadata = part["data"]
        if (
            metadata["langgraph_node"] == "model"
            and isinstance(token, AIMessageChunk)
            and token.text
        ):
            print(token.text, end="", flush=True)
            return True
        return mid_line
    if mid_line:
        print()
    if part["type"] == "custom":
        print(f"[进度] {part['data']['message']}")
    elif part["type"] == "updates":
        for node in part["data"]:
            print(f"[{node} 完成]")
    return False


mid_line = False
for part in agent.stream(
    question,
    stream_mode=["updates", "messages", "custom"],
    version="v2",  # (2)!
):
    mid_line = show(part, mid_line)
