"""Custom progress from inside a tool, interleaved with agent updates."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.config import get_stream_writer


@tool
def search_flights(route: str) -> str:
    """查询航线上的航班。"""
    writer = get_stream_writer()  # (1)!
    writer({"step": 1, "total": 2, "message": f"正在查询{route}的航班"})
    writer({"step": 2, "total": 2, "message": "正在比较票价"})
    return "最低价：CA1501，08:00 起飞，¥1,280"


agent = create_agent(model="gpt-4o-mini", tools=[search_flights])
question = {"messages": [{"role": "user", "content": "帮我查一下北京到上海的航班"}]}

for mode, data in agent.stream(question, stream_mode=["updates", "custom"]):  # (2)!
    if mode == "custom":
        print(f"  进度 {data['step']}/{data['total']}：{data['message']}")
    else:
        print(f"[{mode}] 完成节点：{', '.join(data)}")
# --8<-- [end:main]
