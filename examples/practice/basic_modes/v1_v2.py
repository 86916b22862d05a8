"""The first item of values and of tasks, as v1 and v2 give it."""

from pprint import pprint

from langchain.agents import create_agent
from langchain.messages import AnyMessage
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}


class Shown:
    """A message shown as its class and text: no id, the same on every run."""

    def __init__(self, message: AnyMessage) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self.message).__name__}({self.message.text!r})"


def brief(value):  # (1)!
    if isinstance(value, dict):
        return {k: "…" if k == "id" else brief(v) for k, v in value.items()}
    if isinstance(value, list):
        return [brief(item) for item in value]
    if hasattr(value, "text") and hasattr(value, "type"):
        return Shown(value)
    return value


for mode in ["values", "tasks"]:
    v1 = next(agent.stream(question, stream_mode=mode))  # (2)!
    v2 = next(agent.stream(question, stream_mode=mode, version="v2"))
    print(f"{mode}，v1 的第一项：")
    pprint(brief(v1), width=72, sort_dicts=False)
    print(f"{mode}，v2 的第一项：")
    pprint(brief(v2), width=72, sort_dicts=False)
