"""updates marks a finished node; messages and custom show a running one."""

# --8<-- [start:agent]
import time

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.config import get_stream_writer


@tool
def search_flights(origin: str, destination: str) -> str:
    """查询两地之间明天的航班。"""
    writer = get_stream_writer()
    for airline in ["国航", "东航", "南航"]:
        time.sleep(0.2)  # (1)!
        writer({"progress": f"已查完{airline}的航班"})  # (2)!
    return "MU5101 07:30，CA1501 08:00，FM9102 09:15"


agent = create_agent(model="gpt-4o-mini", tools=[search_flights])
question = {"messages": [{"role": "user", "content": "查一下明天北京到上海的航班"}]}
# --8<-- [end:agent]

# --8<-- [start:main]
chunks = 0  # (1)!
typing = False
modes = ["updates", "messages", "custom"]
for part in agent.stream(question, stream_mode=modes, version="v2"):
    if part["type"] == "messages":
        token, metadata = part["data"]
        if metadata["langgraph_node"] != "model":  # (2)!
            continue
        chunks += 1
        if token.text:
            if not typing:
                print("[messages] ", end="")
                typing = True
            print(token.text, end="", flush=True)
    elif part["type"] == "custom":
        print(f"[custom]   {part['data']['progress']}")
    else:
        if typing:
            print()
            typing = False
        for node in part["data"]:
            note = f"，此前已收到该节点的 {chunks} 个消息块" if node == "model" else ""
            print(f"[updates]  {node} 节点结束{note}")
        chunks = 0
# --8<-- [end:main]
